// Limits both sides must agree on: the page refuses a file over them before uploading it, and the
// desk refuses it again on arrival. Why each value: docs/import-limits.md.
import { formatOfExtension, type ReportFormat } from './formats.ts';

/**
 * Largest file of each format the desk imports. Text formats stay small (a news report is a few
 * kilobytes, a saved page a few hundred); a Word file or a web archive carries its images, so it
 * may be larger, and the zip inside a .docx is bounded again by what it inflates to.
 */
export const MAX_BYTES_BY_FORMAT = {
  txt: 16 * 1024 * 1024,
  md: 16 * 1024 * 1024,
  html: 16 * 1024 * 1024,
  docx: 50 * 1024 * 1024,
  mhtml: 50 * 1024 * 1024,
  // A PDF carries its figures and fonts, and an agency's report with photographs runs to tens of
  // MiB; its text is bounded again by pages and characters (docs/pdf-import.md).
  pdf: 100 * 1024 * 1024,
  // A page photographed with a phone is 2–8 MiB, scanned at 600 dpi in colour up to about 25; its
  // pixels are bounded again before OCR decodes it (electron/core/import/image.ts).
  image: 32 * 1024 * 1024,
} as const satisfies Record<ReportFormat, number>;

/**
 * Largest text file (.txt, .md, .html): the limit the window's picker and drop, and a launch with
 * files, check before sending a file. They should check `maxBytesFor(name)` instead, which also
 * lets a Word file or a web archive over this size through to the importer.
 */
export const MAX_FILE_BYTES = MAX_BYTES_BY_FORMAT.txt;

/** The largest file the desk imports under this name (by its extension; MAX_FILE_BYTES if unknown). */
export function maxBytesFor(fileName: string): number {
  const format = formatOfExtension(/\.[^./\\]*$/.exec(fileName)?.[0] ?? '');
  return format ? MAX_BYTES_BY_FORMAT[format] : MAX_FILE_BYTES;
}

/**
 * Most pixels of an image the desk decodes: an image file read by OCR (a page scanned at 600 dpi
 * is about 35 million), and an image inside a PDF, which pdf.js leaves undrawn past this in the
 * import and in the page view.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** "3.2 MiB": a size as the analyst reads it in a message. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The reason a file over its limit is refused, in the same words wherever it is refused. */
export function tooLargeMessage(bytes: number, limit: number = MAX_FILE_BYTES): string {
  return `the file is ${mib(bytes)}; the limit is ${mib(limit)}`;
}
