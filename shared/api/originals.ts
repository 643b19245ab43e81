// The contract's originals (issue 12): the file a report was imported from, as it was imported
// (for the page view of a PDF, and to prove what was imported), and where each page of a paged
// original lies in the report's text.
import { z } from 'zod';
import { id, op, type Slice } from './common.ts';

/**
 * The largest original `originals.get` hands over. The file travels base64-encoded in one answer
 * (a third larger) to the window; above this it would hold hundreds of MiB in the window at once.
 * Larger than any import limit, so it refuses only originals of desks from a laxer version.
 */
export const MAX_ORIGINAL_VIEW_BYTES = 150 * 1024 * 1024;

const offset = z.number().int().nonnegative();

export const pageSpanSchema = z.object({
  page: z.number().int().positive(),
  start: offset,
  end: offset,
});

export const reportOriginalSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** e.g. application/pdf. */
  mediaType: z.string(),
  /** In bytes. */
  size: offset,
  /** The file's name when the report's current version was imported. */
  name: z.string(),
  /** The file's bytes, base64-encoded. */
  base64: z.string(),
});
export type ReportOriginal = z.infer<typeof reportOriginalSchema>;

export const originalsMethods = {
  'originals.get': op(z.object({ reportId: id }).strict(), reportOriginalSchema),
  /** Page spans in the report's text, in page order; empty for a report without pages. */
  'originals.pages': op(z.object({ reportId: id }).strict(), z.array(pageSpanSchema)),
} as const satisfies Slice<'originals'>;
