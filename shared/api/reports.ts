// The contract's reports: the library, reading, search, import and new versions.
import { z } from 'zod';
import { REPORT_FORMATS } from '../formats.ts';
import { IMPORT_STATUSES } from '../vocabulary.ts';
import { id, isoDate, noControls, op, webUrlSchema, type Slice } from './common.ts';
import { passageSchema } from './passages.ts';

export const reportSchema = z.object({
  id,
  title: z.string(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  sha256: z.string(),
  chars: z.number().int(),
  format: z.enum(REPORT_FORMATS),
  originalName: z.string(),
  importedAt: z.string(),
  passageCount: z.number().int(),
  /** The mean confidence (0–100) of OCR when some or all of the text was recognised by it; else null. */
  ocrConfidence: z.number().min(0).max(100).nullable(),
});
export type Report = z.infer<typeof reportSchema>;

/** How a report's text was recognised by OCR (issue 12): which pages, and how sure it was. */
export const reportOcrSchema = z.object({
  /** The mean confidence of the recognised words, 0–100. */
  confidence: z.number().min(0).max(100),
  /** The pages OCR read (a scanned PDF's); null when it read the whole text (an image). */
  pages: z.array(z.number().int().positive()).nullable(),
  /** Words recognised with confidence under 60: spans of the text (UTF-16 units, end exclusive). */
  lowConfidence: z.array(
    z.object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      confidence: z.number().min(0).max(100),
    }),
  ),
});
export type ReportOcr = z.infer<typeof reportOcrSchema>;

/** A report as the library lists it: what a row shows, and nothing that costs a read of its text. */
export const reportListItemSchema = reportSchema.pick({
  id: true,
  title: true,
  outlet: true,
  byline: true,
  publishedAt: true,
  passageCount: true,
});
export type ReportListItem = z.infer<typeof reportListItemSchema>;

/** Rows the library may ask for in one call: a few screens' worth, never the whole desk. */
export const MAX_LIST_ITEMS = 1000;

/**
 * The library's order: every report's id, and the outlets' runs over it (the first `count` ids are
 * the first outlet's, and so on; `name` null for reports with no outlet, which come last).
 */
export const reportOrderSchema = z.object({
  ids: z.array(id),
  outlets: z.array(z.object({ name: z.string().nullable(), count: z.number().int().min(1) })),
});
export type ReportOrder = z.infer<typeof reportOrderSchema>;

export const importResultSchema = z.object({
  file: z.string(),
  status: z.enum(IMPORT_STATUSES),
  reportId: id.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const searchHitSchema = z.object({
  reportId: id,
  title: z.string(),
  outlet: z.string().nullable(),
  /** Matched terms wrapped in MATCH_START … MATCH_END (shared/search.ts), never in HTML. */
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** A claim whose wording or rationale matches a search; the snippet is marked as report snippets are. */
export const claimHitSchema = z.object({ claimId: id, text: z.string(), snippet: z.string() });
export type ClaimHit = z.infer<typeof claimHitSchema>;

/** A passage whose note matches a search, with the report it is in. */
export const noteHitSchema = z.object({
  passageId: id,
  reportId: id,
  title: z.string(),
  snippet: z.string(),
});
export type NoteHit = z.infer<typeof noteHitSchema>;

/** A file's contents as sent by the UI (picker or drag-and-drop): name and base64 bytes. */
export const uploadedFileSchema = z.object({
  name: z.string().min(1).max(255),
  data: z.string(),
});

const metadataPatch = z
  .object({
    title: noControls(z.string().trim().min(1, 'a title cannot be empty').max(500)),
    outlet: noControls(z.string().trim().max(200)).nullable(),
    byline: noControls(z.string().trim().max(500)).nullable(),
    publishedAt: isoDate.nullable(),
    url: webUrlSchema.nullable(),
    language: noControls(z.string().trim().max(35)).nullable(),
  })
  .partial()
  .strict();
/** Metadata the caller may set on import, as the reports.update patch names it; unset: inferred. */
export type ReportMetadata = { [K in keyof z.output<typeof metadataPatch>]?: string };

export const reanchorSummarySchema = z.object({
  report: reportSchema,
  moved: z.number().int(),
  unchanged: z.number().int(),
  orphaned: z.array(passageSchema),
});
export type ReanchorSummary = z.infer<typeof reanchorSummarySchema>;

export const reportsMethods = {
  'reports.list': op(z.object({}).strict(), reportOrderSchema),
  'reports.items': op(
    z.object({ ids: z.array(id).max(MAX_LIST_ITEMS) }).strict(),
    z.array(reportListItemSchema),
  ),
  'reports.get': op(
    z.object({ id }).strict(),
    z.object({ report: reportSchema, text: z.string() }),
  ),
  'reports.search': op(
    z.object({ query: z.string().max(500) }).strict(),
    // The best matching reports and how many match in all; the best matching claims and notes.
    z.object({
      hits: z.array(searchHitSchema),
      total: z.number().int().min(0),
      claims: z.array(claimHitSchema),
      notes: z.array(noteHitSchema),
    }),
  ),
  'reports.import': op(
    z.object({ files: z.array(uploadedFileSchema).min(1).max(1000) }).strict(),
    z.array(importResultSchema),
  ),
  'reports.update': op(z.object({ id, patch: metadataPatch }).strict(), reportSchema),
  /** How the report's current text was recognised by OCR; null when it was not. */
  'reports.ocr': op(z.object({ id }).strict(), reportOcrSchema.nullable()),
  /**
   * Stops the OCR under way (a scan or an image being imported): that file is rejected as
   * cancelled, the others go on. Names the file stopped; null when no OCR was running.
   */
  'reports.cancelOcr': op(z.object({}).strict(), z.object({ cancelled: z.string().nullable() })),
  'reports.importVersion': op(
    z.object({ id, file: uploadedFileSchema }).strict(),
    reanchorSummarySchema,
  ),
} as const satisfies Slice<'reports'>;
