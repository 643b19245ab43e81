import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isWebUrl, type ReportMetadata } from '../../../shared/api.ts';
import {
  formatOfExtension,
  REPORT_EXTENSIONS,
  type ReportFormat,
} from '../../../shared/formats.ts';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../../shared/limits.ts';
import { decodeText } from './decode.ts';
import { describeFsError } from '../fs-errors.ts';
import { ImportRejection } from './errors.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parseStatedDate } from './infer.ts';
import { canonicalOutlet } from './outlets.ts';
import { cleanLine, sha256 } from './normalise.ts';
import { parsePlainText, type ParsedReport } from './text.ts';

export { ImportRejection } from './errors.ts';
export { MAX_FILE_BYTES } from '../../../shared/limits.ts';
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
): Promise<PreparedReport> {
  const format = formatOf(fileName);
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(bytes.length);
  let parsed: ParsedReport;
  if (format === 'html') parsed = await parseHtml(bytes, basename(fileName));
  else {
    const raw = decodeText(bytes);
    parsed = format === 'md' ? parseMarkdown(raw) : parsePlainText(raw);
  }
  if (parsed.text.trim() === '') throw new ImportRejection('empty', 'the file has no text');
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
  };
}

/**
 * Reads and parses one file. Reads are synchronous: a report is small, the import runs off the
 * UI thread, and Node's thread-pool round trip per file costs more than the read itself.
 */
export async function readReportFile(
  path: string,
  overrides: ReportMetadata = {},
): Promise<PreparedReport> {
  formatOf(path);
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) throw new ImportRejection('unreadable', 'not a regular file');
    if (info.size > MAX_FILE_BYTES) throw tooLarge(info.size);
    bytes = readFileSync(fd);
  } catch (error) {
    if (error instanceof ImportRejection) throw error;
    throw new ImportRejection('unreadable', `cannot read the file (${describeFsError(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return prepareReport(bytes, path, overrides);
}

function tooLarge(size: number): ImportRejection {
  return new ImportRejection('too-large', tooLargeMessage(size));
}

function definedOnly(metadata: ReportMetadata): ReportMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, v]) => v !== undefined && v !== ''),
  ) as ReportMetadata;
}
