import type { Report } from '../../../shared/api.ts';
import type { ReportFormat } from '../../../shared/formats.ts';

/** A `reports` row joined with its outlet's name, its text length and its passage count. */
export interface DbReport {
  id: number;
  sha256: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  format: string;
  original_name: string;
  imported_at: string;
  chars: number;
  passage_count: number;
  /** From text_ocr: set when the text was recognised by OCR. */
  ocr_confidence: number | null;
}

export function toReport(row: DbReport): Report {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    publishedAt: row.published_at,
    url: row.url,
    language: row.language,
    sha256: row.sha256,
    chars: row.chars,
    format: row.format as ReportFormat,
    originalName: row.original_name,
    importedAt: row.imported_at,
    passageCount: row.passage_count,
    ocrConfidence: row.ocr_confidence,
  };
}
