import { ImportRejection } from './errors.ts';

/**
 * Turns a file's bytes into text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
 * `fallbackEncoding` is a charset the document itself declared (an HTML meta tag).
 */
export function decodeText(bytes: Uint8Array, fallbackEncoding?: string): string {
  if (bytes.length === 0) throw new ImportRejection('empty', 'the file is empty');
  const bom16 =
    bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (bom16) return new TextDecoder(bom16, { fatal: true }).decode(bytes);
  if (looksBinary(bytes)) {
    throw new ImportRejection('binary', 'the file is binary, not text');
  }
  const encoding =
    fallbackEncoding && !/^utf-?8$/i.test(fallbackEncoding) ? fallbackEncoding : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ImportRejection(
        'unsupported-type',
        `the declared charset "${encoding}" is unknown`,
      );
    }
    const at = firstInvalidUtf8(bytes);
    throw new ImportRejection(
      'invalid-utf8',
      encoding === 'utf-8'
        ? `the file is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8 and import it again`
        : `the file is not valid ${encoding}`,
    );
  }
}

/** NUL bytes, or many C0 control characters, in the first 8 KiB: what text files never have. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > n * 0.1;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest prefix that is valid so far (a character cut at the end is fine in a stream).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
