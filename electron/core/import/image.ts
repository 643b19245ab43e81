// Images (.png, .jpg, .jpeg; issue 12): a photographed or scanned page, read by OCR. The image's
// own header is checked first (its kind and its size in pixels), so a file that claims a huge
// canvas (a decompression bomb) is refused before tesseract decodes it.
import { basename, extname } from 'node:path';
import { MAX_IMAGE_PIXELS } from '../../../shared/limits.ts';
import { ImportRejection } from './errors.ts';
import { detectLanguage } from './infer.ts';
import { tooComplex } from './limits.ts';
import { normaliseText } from './normalise.ts';
import { LOW_CONFIDENCE, type OcrResult } from './ocr.ts';
import type { OcrMark, ParsedReport } from './text.ts';

/** Width and height from a PNG's IHDR or a JPEG's frame header; undefined for anything else. */
export function imageSize(
  bytes: Uint8Array,
): { kind: 'png' | 'jpeg'; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && PNG.every((b, i) => bytes[i] === b)) {
    return { kind: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Markers until a start of frame (SOF0–SOF15 but DHT, JPG and DAC), which holds the size.
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] as number;
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      const length = view.getUint16(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { kind: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** Reads an image's text by OCR; its title is the file's name. */
export async function parseImage(
  bytes: Uint8Array,
  fileName: string,
  recognize: (image: Uint8Array) => Promise<OcrResult>,
): Promise<ParsedReport> {
  const size = imageSize(bytes);
  if (!size) {
    throw new ImportRejection(
      'unreadable',
      `${fileName}: this is not a PNG or JPEG image (its first bytes say otherwise)`,
    );
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw tooComplex(
      `${fileName} is ${size.width} × ${size.height} pixels; the limit is ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels`,
    );
  }
  const result = await recognize(bytes);
  if (normaliseText(result.text) !== result.text)
    throw new Error('OCR text was not in the normal form');
  if (result.text === '') {
    throw new ImportRejection('empty', `${fileName}: OCR recognised no text in this image`);
  }
  return {
    text: result.text,
    metadata: {
      title: basename(fileName, extname(fileName)),
      language: detectLanguage(result.text),
    },
    ocr: ocrMark([result], null),
  };
}

/** What the report keeps of its OCR: which pages (null: all of it), confidence, doubtful words. */
export function ocrMark(results: readonly OcrResult[], pages: number[] | null): OcrMark {
  const words = results.flatMap((r) => r.words);
  return {
    pages,
    confidence:
      words.length === 0 ? 0 : words.reduce((sum, w) => sum + w.confidence, 0) / words.length,
    lowConfidence: words
      .filter((w) => w.confidence < LOW_CONFIDENCE)
      .map(({ start, end, confidence }) => ({ start, end, confidence })),
  };
}
