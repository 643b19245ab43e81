import { createHash } from 'node:crypto';

const TRAILING_SPACE = /[ \t\f\v\u00A0](?:\n|$)/;

/**
 * The one normal form every stored report text is in: NFC, `\n` line ends, no trailing spaces
 * on a line, no blank lines at either end, at most one blank line in a row. A paragraph is a
 * line; a blank line separates sections. Offsets of passages count UTF-16 units in this text.
 */
export function normaliseText(raw: string): string {
  let text = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  // Most texts have no trailing spaces: a plain scan is far cheaper than the multiline replace.
  if (TRAILING_SPACE.test(text)) text = text.replace(/[ \t\f\v\u00A0]+$/gm, '');
  return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
