// The contract's evidence: a passage linked to a claim, with its stance and credibility.
import { z } from 'zod';
import { claimSummarySchema } from './claim-summary.ts';
import { anchorStatus, credibility, id, op, stance, type Slice } from './common.ts';

export const evidenceSchema = z.object({
  id,
  claimId: id,
  passageId: id,
  reportId: id,
  reportTitle: z.string(),
  sourceId: id.nullable(),
  sourceName: z.string(),
  stance,
  credibility,
  note: z.string(),
  exact: z.string(),
  /**
   * A few whole words of the report just before and after the quote (its stored context, cut at a
   * paragraph break and at a word cut in half), shown muted around it.
   */
  contextBefore: z.string(),
  contextAfter: z.string(),
  passageStatus: anchorStatus,
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceMethods = {
  'evidence.link': op(
    z
      .object({
        claimId: id,
        passageId: id,
        stance,
        credibility,
        note: z.string().max(10_000).default(''),
      })
      .strict(),
    // With the claim's new summary, for the list.
    evidenceSchema.extend({ claim: claimSummarySchema }),
  ),
  'evidence.update': op(
    z
      .object({
        id,
        stance: stance.optional(),
        credibility: credibility.optional(),
        note: z.string().max(10_000).optional(),
      })
      .strict(),
    evidenceSchema.extend({ claim: claimSummarySchema }),
  ),
  'evidence.unlink': op(z.object({ id }).strict(), z.object({ id, claim: claimSummarySchema })),
} as const satisfies Slice<'evidence'>;
