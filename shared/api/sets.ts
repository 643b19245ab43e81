// The contract's claim sets: what leaves the desk (an export in one of the open formats, chosen
// by filter) and what comes in (a colleague's set, merged after a preview, its conflicts listed
// for the reviewer). docs/claim-set.md describes the set itself.
import { z } from 'zod';
import { claimSetFilterSchema } from '../claim-set.ts';
import { id, op, type Slice } from './common.ts';

/** What an export writes: the desk's own set, or one of the open formats beside it. */
export const EXPORT_FORMATS = [
  'set',
  'annotations',
  'claimreview',
  'csv',
  'md',
  'html',
  'matrix-csv',
  'matrix-md',
  'matrix-html',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportFileSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  content: z.string(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportCountsSchema = z.object({
  claims: z.number().int(),
  evidence: z.number().int(),
  passages: z.number().int(),
  reports: z.number().int(),
  sources: z.number().int(),
});
export type ExportCounts = z.infer<typeof exportCountsSchema>;

const exportRequest = z
  .object({
    /** null: everything. */
    filter: claimSetFilterSchema.nullable(),
  })
  .strict();

/** A choice the reviewer makes for a likely duplicate: one item, or two kept apart. */
export const DUPLICATE_DECISIONS = ['merge', 'separate'] as const;
export type DuplicateDecision = (typeof DUPLICATE_DECISIONS)[number];

/** The entities a merge matches and can find in conflict. */
export const MERGED_ENTITIES = ['claim', 'source', 'passage', 'evidence'] as const;
export type MergedEntity = (typeof MERGED_ENTITIES)[number];

const tally = z.object({ created: z.number().int(), matched: z.number().int() });

export const mergeConflictSchema = z.object({
  /** null in a preview: nothing is written yet. */
  id: id.nullable(),
  entity: z.enum(MERGED_ENTITIES),
  /** The item's UUID. */
  item: z.string(),
  /** What the reviewer reads to know which item: a claim's wording, a source's name, a quote. */
  label: z.string(),
  field: z.string(),
  local: z.json(),
  incoming: z.json(),
  localReviewer: z.string(),
  incomingReviewer: z.string(),
  fileName: z.string(),
  resolution: z.enum(['local', 'incoming']).nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type MergeConflict = z.infer<typeof mergeConflictSchema>;

export const duplicateSchema = z.object({
  entity: z.enum(['claim', 'source']),
  /** The set's item. */
  incoming: z.object({ id: z.string(), label: z.string() }),
  /** The desk's item it looks like. */
  local: z.object({ id: z.string(), label: z.string() }),
  decision: z.enum(DUPLICATE_DECISIONS),
});
export type Duplicate = z.infer<typeof duplicateSchema>;

/** A passage the merge could not place where the set said, or could not place yet. */
export const placedPassageSchema = z.object({
  id: z.string(),
  quote: z.string(),
  report: z.string(),
});

/** A passage of a merged set waiting for its report: placed when a report with that text arrives. */
export const pendingPassageSchema = z.object({
  id: z.string(),
  /** Its report (the desk has none with its text), or the text it was made on (its quote could
   * not be checked, and is not word for word in the desk's version of the report). */
  waitingFor: z.enum(['report', 'text']),
  quote: z.string(),
  report: z.string(),
  sha256: z.string(),
  fileName: z.string(),
  mergedAt: z.string(),
});
export type PendingPassageItem = z.infer<typeof pendingPassageSchema>;

export const mergeReportSchema = z.object({
  fileName: z.string(),
  fileSha256: z.string(),
  dryRun: z.boolean(),
  /** False when the desk already held everything the set says (a set merged twice). */
  changed: z.boolean(),
  from: z.object({ desk: z.string(), reviewer: z.string(), at: z.string() }),
  reports: z.object({
    imported: z.number().int(),
    matched: z.number().int(),
    /** Reports the set names without their text, and the desk does not hold. */
    missing: z.number().int(),
  }),
  sources: tally,
  claims: tally,
  passages: tally.extend({
    reanchored: z.array(placedPassageSchema),
    orphaned: z.array(placedPassageSchema),
    pending: z.array(placedPassageSchema),
  }),
  evidence: tally,
  audit: z.number().int(),
  duplicates: z.array(duplicateSchema),
  conflicts: z.array(mergeConflictSchema),
});
export type MergeReport = z.infer<typeof mergeReportSchema>;

export const setsMethods = {
  /** How much an export with this filter holds, for the dialog's preview. */
  'sets.preview': op(exportRequest, exportCountsSchema),
  'sets.export': op(
    exportRequest.extend({ format: z.enum(EXPORT_FORMATS), withTexts: z.boolean() }).strict(),
    z.object({ files: z.array(exportFileSchema), counts: exportCountsSchema }),
  ),
  'sets.merge': op(
    z
      .object({
        fileName: z.string().min(1).max(255),
        content: z.string(),
        dryRun: z.boolean(),
        /**
         * The reviewer's choice for each likely duplicate the preview listed, by the set's id (a
         * list, not an object keyed by id: a key such as `__proto__` must stay a plain string).
         */
        duplicates: z
          .array(z.object({ id: z.string(), decision: z.enum(DUPLICATE_DECISIONS) }).strict())
          .max(200_000),
      })
      .strict(),
    mergeReportSchema,
  ),
  /** Conflicts from merges: the open ones first, then the resolved, newest first. */
  'sets.conflicts': op(z.object({}).strict(), z.array(mergeConflictSchema)),
  'sets.pending': op(z.object({}).strict(), z.array(pendingPassageSchema)),
  'sets.resolve': op(
    z.object({ id, take: z.enum(['local', 'incoming']) }).strict(),
    mergeConflictSchema,
  ),
} as const satisfies Slice<'sets'>;
