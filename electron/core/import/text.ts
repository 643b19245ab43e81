import type { ReportMetadata } from '../../../shared/api.ts';
import { deriveTitle, detectLanguage, findByline, findOutlet, takeTrailer } from './infer.ts';
import { normaliseText } from './normalise.ts';

export interface ParsedReport {
  /** Normalised body text (see normaliseText). */
  text: string;
  metadata: ReportMetadata;
  /** For a paged original (a PDF): where each page is in `text`, pages in order from 1. */
  pages?: ReportPage[];
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
