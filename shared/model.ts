// Domain types shared by the backend and the UI. Row types live in electron/core/db/rows.ts.

export const REPORT_FORMATS = ['txt', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Metadata the caller may set on import; anything left out is inferred from the file. */
export interface ReportMetadata {
  title?: string | undefined;
  outlet?: string | undefined;
  byline?: string | undefined;
  /** ISO 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, as precise as the source states it. */
  publishedAt?: string | undefined;
  url?: string | undefined;
  language?: string | undefined;
}

export interface Report {
  id: number;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  sha256: string;
  chars: number;
  format: ReportFormat;
  originalName: string;
  importedAt: string;
  passageCount: number;
}

export type ImportStatus = 'imported' | 'duplicate' | 'rejected';

export interface ImportResult {
  /** The file as the caller named it. */
  file: string;
  status: ImportStatus;
  reportId?: number;
  title?: string;
  /** Why the file was rejected, or which report already holds its text. */
  message?: string;
}

export interface SearchHit {
  reportId: number;
  title: string;
  outlet: string | null;
  /** Snippet text; matched terms are wrapped in U+E000 … U+E001 markers, never in HTML. */
  snippet: string;
}
