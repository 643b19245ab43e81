import { describe, expect, it } from 'vitest';
import { normaliseText, sha256 } from '../../electron/core/import/normalise.ts';

describe('normaliseText', () => {
  it('composes to NFC and turns every line end into \\n', () => {
    expect(normaliseText('Cafe\u0301\r\nline two\rline three\u2028four')).toBe(
      'Café\nline two\nline three\nfour',
    );
  });

  it('drops a BOM, trailing spaces and blank runs at either end, keeping paragraphs', () => {
    const raw =
      '\uFEFF\n\n  First paragraph.  \nSecond paragraph.\t\n\n\n\n■ Section\nBody.\n\n\n\n';
    expect(normaliseText(raw)).toBe('  First paragraph.\nSecond paragraph.\n\n■ Section\nBody.');
  });

  it('keeps curly quotes, em dashes and symbols as they are', () => {
    const text = '“Quoted,” he said — it’s ◆ here.';
    expect(normaliseText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = normaliseText(' a \r\n\r\n\r\n b\u00A0\n');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('sha256', () => {
  it('hashes the UTF-8 bytes of the text', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('é')).not.toBe(sha256('e\u0301'));
  });

  it('gives one hash to texts that differ only in line ends and composition once normalised', () => {
    expect(sha256(normaliseText('Cafe\u0301\r\nx\n\n\n'))).toBe(sha256(normaliseText('Café\nx')));
  });
});
