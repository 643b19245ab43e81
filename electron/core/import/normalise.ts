import { createHash } from 'node:crypto';

const TRAILING_SPACE = /[ \t\f\v\u00A0](?:\n|$)/;

/**
 * Control characters a report keeps no use for: C0 but tab, line feed, vertical tab, form feed
 * and carriage return (line breaks of a kind, handled apart), DEL, and C1. Kept, an ESC or OSC
 * sequence in a title or a snippet would drive the terminal that prints it. Also U+E000 and
 * U+E001, the private-use characters that mark matches in search snippets (shared/search.ts): in
 * a report's text they would show as false highlights.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uE000\uE001]/g;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001]/;

/**
 * The one normal form every stored report text is in: NFC, `\n` line ends, no control characters
 * but tab and newline, no trailing spaces on a line, no blank lines at either end, at most one
 * blank line in a row. A paragraph is a line; a blank line separates sections. Offsets of
 * passages count UTF-16 units in this text.
 */
export function normaliseText(raw: string): string {
  let text = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
  // Most texts have none: a plain scan is far cheaper than the replaces.
  // A vertical tab or form feed separates lines or pages, so it becomes a line break.
  if (HAS_CONTROL.test(text)) text = text.replace(/[\v\f]/g, '\n').replace(CONTROL, '');
  if (TRAILING_SPACE.test(text)) text = text.replace(/[ \t\f\v\u00A0]+$/gm, '');
  return text.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
}

/**
 * A one-line metadata value (title, outlet, byline, language) as stored: NFC, line breaks and
 * tabs as single spaces, no control characters, trimmed.
 */
export function cleanLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(CONTROL, '')
    .trim();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
