// The contract's claims: the paged list, a claim with its evidence by origin, its history, and
// the changes an analyst makes to it.
import { z } from 'zod';
import { CLAIM_SORTS } from '../claim-list.ts';
import { REVIEW_DECISIONS } from '../vocabulary.ts';
import { claimSummarySchema } from './claim-summary.ts';
import {
  claimStatus,
  credibility,
  id,
  noControls,
  op,
  reliability,
  stance,
  verdict,
  type Slice,
} from './common.ts';
import { evidenceSchema } from './evidence.ts';

const claimText = noControls(z.string().trim().min(1, 'a claim needs some words').max(2000));
const tags = z.array(noControls(z.string().trim().min(1).max(60))).max(30);

export const claimListQuerySchema = z
  .object({
    /** The `next` of the page before; absent for the first page. */
    after: z.string().max(1000).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    filter: z
      .object({
        status: claimStatus.optional(),
        /** One tag, with or without its #. */
        tag: z.string().max(61).optional(),
        /** Words in the claim's text, or part of one of its tags. */
        text: z.string().max(2000).optional(),
      })
      .strict()
      .default({}),
    sort: z.enum(CLAIM_SORTS).default('recent'),
  })
  .strict();
export type ClaimListQuery = z.output<typeof claimListQuerySchema>;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export const claimPageSchema = z.object({
  items: z.array(claimSummarySchema),
  /** Where the next page starts; null on the last page. */
  next: z.string().nullable(),
  /** Claims matching the filter, and claims on the desk. */
  total: z.number().int(),
  all: z.number().int(),
});
export type ClaimPage = z.infer<typeof claimPageSchema>;

const originGroupSchema = z.object({
  key: z.string(),
  name: z.string(),
  outlet: z.string().nullable(),
  reliability: reliability.nullable(),
  via: z.array(z.string()),
  reports: z.number().int(),
  evidence: z.array(evidenceSchema),
});

export const auditEntrySchema = z.object({
  id,
  at: z.string(),
  reviewer: z.string(),
  /** One of AUDIT_ACTIONS (shared/vocabulary.ts); read back from the log as text. */
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const claimDetailSchema = claimSummarySchema.extend({
  suggestionReason: z.string(),
  supporting: z.array(originGroupSchema),
  contradicting: z.array(originGroupSchema),
  context: z.array(originGroupSchema),
  warnings: z.array(
    z.object({
      passageA: id,
      passageB: id,
      similarity: z.number(),
      confirmed: z.boolean(),
      quoteA: z.string(),
      quoteB: z.string(),
      reportA: z.string(),
      reportB: z.string(),
    }),
  ),
});
export type ClaimDetail = z.infer<typeof claimDetailSchema>;

export const claimsMethods = {
  'claims.list': op(claimListQuerySchema, claimPageSchema),
  'claims.get': op(z.object({ id }).strict(), claimDetailSchema),
  'claims.forPassage': op(
    z.object({ passageId: id }).strict(),
    z.array(
      z.object({
        evidenceId: id,
        claimId: id,
        text: z.string(),
        stance,
        credibility,
        status: claimStatus,
      }),
    ),
  ),
  'claims.create': op(
    z
      .object({
        text: claimText,
        tags: tags.default([]),
        /** Create it from a passage in one gesture: the passage becomes its first evidence. */
        evidence: z
          .object({
            passageId: id,
            stance: stance.default('supports'),
            credibility: credibility.default(6),
            note: z.string().max(10_000).default(''),
          })
          .optional(),
      })
      .strict(),
    claimSummarySchema,
  ),
  'claims.update': op(
    z
      .object({
        id,
        text: claimText.optional(),
        tags: tags.optional(),
        verdict: verdict.nullable().optional(),
        verdictRationale: z.string().max(10_000).optional(),
      })
      .strict(),
    claimSummarySchema,
  ),
  'claims.delete': op(z.object({ id }).strict(), z.object({ id })),
  'claims.merge': op(
    z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((m) => m.keepId !== m.mergeId, 'a claim cannot be merged into itself'),
    // The kept claim's new summary, and the claim merged into it (now gone).
    claimSummarySchema.extend({ removedId: id }),
  ),
  'claims.reviewWarning': op(
    z
      .object({
        claimId: id,
        passageA: id,
        passageB: id,
        decision: z.enum(REVIEW_DECISIONS),
      })
      .strict(),
    claimDetailSchema,
  ),
  'claims.history': op(z.object({ id }).strict(), z.array(auditEntrySchema)),
} as const satisfies Slice<'claims'>;
