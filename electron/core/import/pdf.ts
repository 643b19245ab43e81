// PDF reports (issue 12): the text layer read with pdf.js in reading order (pdf-layout.ts), the
// pages' spans in the text, and the metadata the file states. pdf.js runs in the calling thread
// (its "fake worker"; in the desk, that is the bounded parse worker): no eval, no scripting, no
// font loading, nothing fetched. Rules and limits: docs/pdf-import.md.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as pdfjsTypes from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ReportMetadata } from '../../../shared/api.ts';
import { MAX_IMAGE_PIXELS } from '../../../shared/limits.ts';
import { ImportRejection } from './errors.ts';
import { deriveTitle, detectLanguage, findByline, findOutlet } from './infer.ts';
import { ocrMark } from './image.ts';
import { tooComplex } from './limits.ts';
import { cleanLine, normaliseText } from './normalise.ts';
import type { OcrResult } from './ocr.ts';
import { readingOrder, type PageSpan, type TextRun } from './pdf-layout.ts';
import { renderPagePng } from './pdf-render.ts';
import type { ParsedReport } from './text.ts';

/** Most pages a PDF may have; a long report has a few hundred. Checked before any page is read. */
export const MAX_PDF_PAGES = 2000;
/** Most characters of text a PDF may yield (UTF-16 units): a 2,000-page book has about 5 million. */
export const MAX_PDF_TEXT_CHARS = 8_000_000;
/**
 * Most pages without a text layer OCR reads in one PDF: at 1–3 s a page, 500 pages is a quarter of
 * an hour or more. A longer scan is refused before any page is recognised; split it first.
 */
export const MAX_OCR_PAGES = 500;
/** How far from the end of the file its `%%EOF` marker may be (as in Acrobat's own check). */
const EOF_WINDOW = 1024;

export interface ParsedPdf extends ParsedReport {
  /** Each page's span in `text` (UTF-16 units, end exclusive); pages count from 1. */
  pages: PageSpan[];
  /** Pages with no text layer (a scan, a figure): empty spans, to be read by OCR later. */
  pagesWithoutText: number[];
}

/** OCR for the pages without a text layer (ocr.ts); without it, such pages stay empty. */
export interface PdfOcr {
  recognize(image: Uint8Array): Promise<OcrResult>;
  /** Before each page is recognised: the `index`th (from 1) of `count` pages to recognise. */
  onPage?(index: number, count: number, page: number): void;
}

export interface PdfLimits {
  maxPages?: number;
  maxOcrPages?: number;
  maxTextChars?: number;
}

type PdfJs = typeof pdfjsTypes;
let pdfjsLoaded: Promise<PdfJs> | undefined;

/** pdf.js is large: loaded on the first PDF, once per thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsLoaded;
}

/**
 * pdf.js's own data, read from its package folder: CMaps (needed to read the text of CJK fonts)
 * and the standard fonts. In Node pdf.js reads these with fs; nothing is fetched.
 */
function pdfjsDataDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

const reject = (fileName: string, what: string): ImportRejection =>
  new ImportRejection('unreadable', `${fileName}: ${what}`);

/** Bytes pdf.js will read; a file cut short (no `%%EOF` at its end) is refused before. */
function checkEnvelope(bytes: Uint8Array, fileName: string): void {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, EOF_WINDOW));
  if (!head.includes('%PDF-')) {
    throw reject(fileName, 'this is not a PDF (it does not start with "%PDF-")');
  }
  const tail = new TextDecoder('latin1').decode(bytes.subarray(-EOF_WINDOW));
  if (!tail.includes('%%EOF')) {
    throw reject(
      fileName,
      'the PDF is damaged: it stops before its end marker (%%EOF), as a file cut short by an interrupted download does; download or export it again',
    );
  }
}

/**
 * Reads a PDF's text layer in reading order, with each page's span in the text and the
 * document's metadata. Throws ImportRejection for an encrypted, damaged or oversized PDF, or one
 * with no text at all (a scan: OCR is not available yet).
 */
export async function parsePdf(
  bytes: Uint8Array,
  fileName: string,
  limits: PdfLimits = {},
  ocr?: PdfOcr,
): Promise<ParsedPdf> {
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const maxChars = limits.maxTextChars ?? MAX_PDF_TEXT_CHARS;
  checkEnvelope(bytes, fileName);
  const pdfjs = await loadPdfJs();
  const data = pdfjsDataDir();
  const params: Parameters<PdfJs['getDocument']>[0] & { isEvalSupported: false } = {
    // A copy pdf.js may detach, as a plain Uint8Array: a Node Buffer's slice() is a view on the
    // same memory (the original's bytes), and pdf.js refuses a Buffer.
    data: new Uint8Array(bytes),
    // pdf.js 6 compiles no code from fonts at all and has dropped this option (the fix for
    // CVE-2024-4367 in 4.2 made it default off); still passed, so an older pdf.js would not.
    isEvalSupported: false,
    enableXfa: false,
    // An image in the page is decoded outside V8's heap (the worker's limit does not hold it): a
    // few hundred bytes may declare 16,000 × 16,000 pixels. Larger ones are left undrawn.
    maxImageSize: MAX_IMAGE_PIXELS,
    canvasMaxAreaInBytes: MAX_IMAGE_PIXELS * 4,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    cMapUrl: join(data, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(data, 'standard_fonts') + '/',
    // A broken content stream rejects the page rather than yielding part of its text.
    stopAtErrors: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
  const task = pdfjs.getDocument(params);
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      throw openFailure(pdfjs, error, fileName);
    }
    if (doc.numPages > maxPages) {
      throw tooComplex(
        `${fileName} has ${doc.numPages.toLocaleString('en')} pages; the limit is ${maxPages.toLocaleString('en')}`,
      );
    }
    const { info, metadata: xmp } = await doc.getMetadata();
    const stated = info as Record<string, unknown>;
    if (typeof stated.EncryptFilterName === 'string') {
      throw reject(
        fileName,
        'the PDF is encrypted (it opens without a password, but its publisher restricts it); the desk does not import encrypted PDFs: print it to a new PDF first',
      );
    }
    const pages: TextRun[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let page;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (error) {
        throw reject(fileName, `page ${n} of the PDF is damaged (${describe(error)})`);
      }
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        chars += item.str.length;
        const [a = 1, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        runs.push({
          text: item.str,
          x,
          y,
          width: item.width,
          size: item.height || Math.hypot(c, d),
          angle: Math.round((Math.atan2(b, a) * 180) / Math.PI),
        });
      }
      if (chars > maxChars) {
        throw tooComplex(
          `${fileName} has more than ${maxChars.toLocaleString('en')} characters of text by page ${n}`,
        );
      }
      pages.push(runs);
      page.cleanup();
    }
    const read = readingOrder(pages);
    // A page is without text when it has no text layer, not when all it had was a header.
    const withoutLayer = pages.flatMap((runs, i) =>
      runs.some((run) => run.text.trim() !== '') ? [] : [i + 1],
    );
    if (withoutLayer.length === pages.length && !ocr) {
      throw new ImportRejection(
        'empty',
        `${fileName}: no page of this PDF has a text layer (it looks scanned); OCR is not available yet`,
      );
    }
    const maxOcrPages = limits.maxOcrPages ?? MAX_OCR_PAGES;
    if (ocr && withoutLayer.length > maxOcrPages) {
      throw tooComplex(
        `${fileName} has ${withoutLayer.length.toLocaleString('en')} pages without a text layer; OCR reads at most ${maxOcrPages.toLocaleString('en')} pages of one PDF (split the scan into parts)`,
      );
    }
    const recognised = new Map<number, OcrResult>();
    for (const [i, n] of withoutLayer.entries()) {
      if (!ocr) break;
      ocr.onPage?.(i + 1, withoutLayer.length, n);
      const page = await doc.getPage(n);
      const result = await ocr.recognize(await renderPagePng(doc, page));
      page.cleanup();
      if (result.text !== '') recognised.set(n, result);
    }
    const { text, spans, results } = spliceRecognised(read.text, read.spans, recognised);
    // Built line by line in the normal form; a difference here would shift every page's span.
    if (normaliseText(text) !== text) throw new Error('PDF text was not in the normal form');
    const pagesWithoutText = withoutLayer.filter((n) => !recognised.has(n));
    if (text === '' && withoutLayer.length === pages.length) {
      throw new ImportRejection(
        'empty',
        `${fileName}: no page of this PDF has a text layer (it looks scanned), and OCR recognised no text on its pages`,
      );
    }
    if (text === '') {
      throw new ImportRejection(
        'empty',
        `${fileName}: this PDF has no text but page numbers, headers or footers`,
      );
    }
    return {
      text,
      pages: spans,
      pagesWithoutText,
      metadata: pdfMetadata(stated, xmp, text),
      ...(recognised.size > 0 ? { ocr: ocrMark(results, [...recognised.keys()]) } : {}),
    };
  } finally {
    await task.destroy();
  }
}

/**
 * The text with each recognised page's text put where its (empty) page span is, as a paragraph of
 * its own; the page spans after it shifted, and the words' spans moved into the whole text.
 */
export function spliceRecognised(
  text: string,
  spans: readonly PageSpan[],
  recognised: ReadonlyMap<number, OcrResult>,
): { text: string; spans: PageSpan[]; results: OcrResult[] } {
  let out = text;
  const pages = spans.map((span) => ({ ...span }));
  const results: OcrResult[] = [];
  for (const [n, result] of [...recognised].sort((a, b) => a[0] - b[0])) {
    const span = pages[n - 1];
    if (!span) continue;
    const at = span.start;
    const before = at > 0 ? '\n' : '';
    const rest = out.slice(at);
    const after = rest !== '' && !rest.startsWith('\n') ? '\n' : '';
    const inserted = before + result.text + after;
    out = out.slice(0, at) + inserted + rest;
    const start = at + before.length;
    span.start = start;
    span.end = start + result.text.length;
    for (const later of pages.slice(n)) {
      later.start += inserted.length;
      later.end += inserted.length;
    }
    results.push({
      ...result,
      words: result.words.map((w) => ({ ...w, start: w.start + start, end: w.end + start })),
    });
  }
  return { text: out, spans: pages, results };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why pdf.js could not open the file, in the analyst's words. */
function openFailure(pdfjs: PdfJs, error: unknown, fileName: string): Error {
  if (error instanceof pdfjs.PasswordException) {
    return reject(
      fileName,
      'the PDF is encrypted with a password; the desk does not import encrypted PDFs: open it with its password and print it to a new PDF first',
    );
  }
  if (error instanceof pdfjs.InvalidPDFException) {
    return reject(fileName, `the PDF is damaged and cannot be read (${describe(error)})`);
  }
  return new ImportRejection(
    'parse-failed',
    `${fileName}: pdf.js failed on it (${describe(error)})`,
  );
}

/** Titles that name the file the PDF was made from, not the report. */
const NOT_A_TITLE =
  /^(?:microsoft (?:word|powerpoint|excel) - |untitled\b)|\.(?:docx?|pdf|indd|odt|rtf)$/i;

interface XmpLike {
  get(name: string): unknown;
}

function pdfMetadata(
  info: Record<string, unknown>,
  xmp: XmpLike | null,
  text: string,
): ReportMetadata {
  const field = (value: unknown): string | undefined =>
    typeof value === 'string' && cleanLine(value) ? cleanLine(value) : undefined;
  const titled = [field(info.Title), field(xmp?.get('dc:title'))].find(
    (t) => t && !NOT_A_TITLE.test(t),
  );
  const creator = xmp?.get('dc:creator');
  return {
    title: titled ?? deriveTitle(text),
    byline:
      field(info.Author) ??
      (Array.isArray(creator) ? field(creator.join(', ')) : undefined) ??
      findByline(text),
    outlet: findOutlet(text),
    publishedAt: pdfDate(info.CreationDate) ?? pdfDate(info.ModDate),
    language: field(info.Language) ?? field(xmp?.get('dc:language')) ?? detectLanguage(text),
  };
}

/**
 * "D:20240315093000+01'00'" as "2024-03-15": the date as the PDF writes it, in the time zone
 * it was written in (the desk stores dates without a zone).
 */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // A year alone or a month alone would pass for a day it is not: a whole date or none.
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
