import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isWebUrl, type ReportMetadata } from '../../../shared/api.ts';
import {
  formatOfExtension,
  mediaTypeOf,
  REPORT_EXTENSIONS,
  type ReportFormat,
} from '../../../shared/formats.ts';
import { MAX_BYTES_BY_FORMAT, tooLargeMessage } from '../../../shared/limits.ts';
import { decodeText } from './decode.ts';
import { describeFsError } from '../fs-errors.ts';
import { ImportRejection } from './errors.ts';
import { parseDocx } from './docx.ts';
import { parseHtml } from './html.ts';
import { parseImage } from './image.ts';
import { parseMarkdown } from './markdown.ts';
import { parseMhtml } from './mhtml.ts';
import { sharedOcrEngine } from './ocr.ts';
import { parsePdf } from './pdf.ts';
import { parseStatedDate } from './infer.ts';
import { canonicalOutlet } from './outlets.ts';
import { cleanLine, sha256 } from './normalise.ts';
import { parsePlainText, type OcrMark, type ParsedReport, type ReportPage } from './text.ts';

export { ImportRejection } from './errors.ts';
export { MAX_BYTES_BY_FORMAT, MAX_FILE_BYTES } from '../../../shared/limits.ts';
export type { OcrMark, OcrSpan, ReportPage } from './text.ts';
/** The extensions the importer reads: named once, in shared/formats.ts, for every picker too. */
export { REPORT_EXTENSIONS as SUPPORTED_EXTENSIONS } from '../../../shared/formats.ts';

/** A report ready to store: normalised text, its hash, and every metadata field settled. */
export interface PreparedReport {
  text: string;
  sha256: string;
  chars: number;
  format: ReportFormat;
  originalName: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  /** The file as it arrived, stored once per distinct SHA-256 (the originals table). */
  original?: OriginalFile;
  /** Where each page of a paged original starts and ends in `text` (see ReportPage). */
  pages?: ReportPage[];
  /** Set when some or all of the text was recognised by OCR. */
  ocr?: OcrMark;
}

/** How a file's scanned pages or image are read by OCR. */
export interface ImportOptions {
  /** Before each page (or image) is recognised: the `index`th (from 1) of `count`. */
  onOcrPage?(index: number, count: number): void;
  /** Traineddata files OCR reads besides English (e.g. Debian's kor.traineddata). */
  ocrLanguageFiles?: readonly string[];
}

/** A file's own bytes, named by their SHA-256 (hex), with the media type of its format. */
export interface OriginalFile {
  sha256: string;
  bytes: Uint8Array;
  mediaType: string;
}

export function formatOf(fileName: string): ReportFormat {
  const ext = extname(fileName).toLowerCase();
  const format = formatOfExtension(ext);
  if (!format) {
    throw new ImportRejection(
      'unsupported-type',
      `${ext ? `"${ext}" files are` : 'files without an extension are'} not supported (use ${REPORT_EXTENSIONS.join(', ')})`,
    );
  }
  return format;
}

/** Parses one file's bytes into a report. Throws ImportRejection for anything it will not store. */
export async function prepareReport(
  bytes: Uint8Array,
  fileName: string,
  overrides: ReportMetadata = {},
  options: ImportOptions = {},
): Promise<PreparedReport> {
  const format = formatOf(fileName);
  if (bytes.length > MAX_BYTES_BY_FORMAT[format]) throw tooLarge(bytes.length, format);
  // Hashed before any parser sees the bytes; a parser that detaches or shrinks them (pdf.js
  // transfers what it is given) would otherwise leave an original that is not the file.
  const original = { sha256: bytesSha256(bytes), bytes, mediaType: mediaTypeOf(format, fileName) };
  const size = bytes.byteLength;
  const parsed = await parse(format, bytes, basename(fileName), options);
  if (bytes.byteLength !== size)
    throw new ImportRejection(
      'parse-failed',
      'the parser consumed the file’s bytes, so its original could not be kept',
    );
  if (parsed.text.trim() === '') throw new ImportRejection('empty', 'the file has no text');
  if (parsed.pages) checkPages(parsed.pages, parsed.text.length);
  const m = { ...parsed.metadata, ...definedOnly(overrides) };
  if (overrides.publishedAt !== undefined && !parseStatedDate(overrides.publishedAt)) {
    throw new ImportRejection(
      'invalid-metadata',
      `the date "${overrides.publishedAt}" is not a date`,
    );
  }
  if (overrides.url && !isWebUrl(overrides.url.trim())) {
    throw new ImportRejection(
      'invalid-metadata',
      `the URL "${cleanLine(overrides.url)}" is not a web address (http or https)`,
    );
  }
  // Metadata from the file is as untrusted as its text: one line, no control characters, and a
  // URL only if it is a web address.
  const line = (value: string | undefined): string | null => cleanLine(value ?? '') || null;
  const outlet = line(m.outlet);
  const url = line(m.url);
  return {
    text: parsed.text,
    sha256: sha256(parsed.text),
    chars: parsed.text.length,
    format,
    originalName: basename(fileName),
    title: line(m.title) ?? basename(fileName, extname(fileName)),
    outlet: outlet && canonicalOutlet(outlet),
    byline: line(m.byline),
    publishedAt: m.publishedAt ? parseStatedDate(m.publishedAt) : null,
    url: url && isWebUrl(url) ? url : null,
    language: line(m.language),
    original,
    ...(parsed.pages ? { pages: parsed.pages } : {}),
    ...(parsed.ocr ? { ocr: parsed.ocr } : {}),
  };
}

function parse(
  format: ReportFormat,
  bytes: Uint8Array,
  name: string,
  options: ImportOptions,
): Promise<ParsedReport> {
  const recognize = async (image: Uint8Array) =>
    (await sharedOcrEngine(options.ocrLanguageFiles)).recognize(image);
  switch (format) {
    case 'html':
      return parseHtml(bytes, name);
    case 'mhtml':
      return parseMhtml(bytes, name);
    case 'docx':
      return parseDocx(bytes, name);
    case 'pdf':
      return parsePdf(bytes, name, {}, { recognize, onPage: options.onOcrPage });
    case 'image':
      options.onOcrPage?.(1, 1);
      return parseImage(bytes, name, recognize);
    case 'md':
      return Promise.resolve(parseMarkdown(decodeText(bytes)));
    case 'txt':
      return Promise.resolve(parsePlainText(decodeText(bytes)));
  }
}

/**
 * Pages must tile the text in order: numbered from 1 without gaps, each within the text and
 * starting where the previous one ended or later. A parser that breaks this is a bug, and its
 * report would anchor passages to the wrong pages, so it is not stored.
 */
export function checkPages(pages: readonly ReportPage[], length: number): void {
  let end = 0;
  pages.forEach((p, i) => {
    if (p.page !== i + 1 || p.start < end || p.end < p.start || p.end > length)
      throw new ImportRejection(
        'parse-failed',
        `the parser gave page ${p.page} the span ${p.start}–${p.end}, which is not in order within the text`,
      );
    end = p.end;
  });
}

/**
 * Reads and parses one file. Reads are synchronous: a report is small, the import runs off the
 * UI thread, and Node's thread-pool round trip per file costs more than the read itself.
 */
export async function readReportFile(
  path: string,
  overrides: ReportMetadata = {},
  options: ImportOptions = {},
): Promise<PreparedReport> {
  const format = formatOf(path);
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ImportRejection('unreadable', 'not a regular file');
    if (info.size > MAX_BYTES_BY_FORMAT[format]) throw tooLarge(info.size, format);
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof ImportRejection) throw error;
    throw new ImportRejection('unreadable', `cannot read the file (${describeFsError(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return prepareReport(bytes, path, overrides, options);
}

function tooLarge(size: number, format: ReportFormat): ImportRejection {
  return new ImportRejection('too-large', tooLargeMessage(size, MAX_BYTES_BY_FORMAT[format]));
}

function bytesSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function definedOnly(metadata: ReportMetadata): ReportMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== undefined && v !== ''),
  ) as ReportMetadata;
}
