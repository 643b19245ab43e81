import type { ReportMetadata } from '../../../shared/api.ts';
import { deriveTitle, detectLanguage, findByline, findOutlet, takeTrailer } from './infer.ts';
import { normaliseText } from './normalise.ts';

export interface ParsedReport {
  /** Normalised body text (see normaliseText). */
  text: string;
  metadata: ReportMetadata;
  /** For a paged original (a PDF): where each page is in `text`, pages in order from 1. */
  pages?: ReportPage[];
  /** Set when some or all of the text was recognised by OCR (a scan, an image). */
  ocr?: OcrMark;
}

/** Which text came from OCR, and how sure it was. */
export interface OcrMark {
  /** The pages recognised by OCR (a PDF's scanned pages); null when the whole text was (an image). */
  pages: number[] | null;
  /** Mean confidence of the recognised words, 0–100. */
  confidence: number;
  /** Words recognised with confidence under LOW_CONFIDENCE (ocr.ts): spans in the text. */
  lowConfidence: OcrSpan[];
}

/** A span of the report's text (UTF-16 units, end exclusive) and OCR's confidence in it (0–100). */
export interface OcrSpan {
  start: number;
  end: number;
  confidence: number;
}

/**
 * One page of a paged original: `start` and `end` are offsets in the report's normalised text, in
 * UTF-16 code units (as passages count them), end exclusive; `page` counts from 1.
 */
export interface ReportPage {
  page: number;
  start: number;
  end: number;
}

/** Fills what `known` leaves open with what the text itself states. */
export function inferFromText(rawText: string, known: ReportMetadata = {}): ParsedReport {
  // takeTrailer only removes whole lines from the end, so its body stays normalised.
  const trailer = takeTrailer(normaliseText(rawText));
  const text = trailer.body;
  return {
    text,
    metadata: {
      title: known.title || deriveTitle(text),
      outlet: known.outlet || trailer.outlet || findOutlet(text),
      byline: known.byline || findByline(text),
      publishedAt: known.publishedAt || trailer.publishedAt,
      url: known.url,
      language: known.language || detectLanguage(text),
    },
  };
}

export function parsePlainText(raw: string): ParsedReport {
  return inferFromText(raw);
}
