// The contract's comparison of reports (docs/suggestions.md): sentences of other reports that may
// support or contradict a claim or a passage, accepted as evidence or rejected for good; and the
// sentences a report shares, or nearly shares, with other reports.
import { z } from 'zod';
import { claimSummarySchema } from './claim-summary.ts';
import { credibility, id, op, stance, type Slice } from './common.ts';
import { evidenceSchema } from './evidence.ts';
import { passageSchema } from './passages.ts';

const offset = z.number().int().nonnegative();
const score = z.number().min(0).max(1);

/** A claim or a passage, exactly one: what suggestions are for. */
const target = z.object({ claimId: id.optional(), passageId: id.optional() });
const oneTarget = <T extends { claimId?: number; passageId?: number }>(t: T): boolean =>
  (t.claimId === undefined) !== (t.passageId === undefined);
const ONE_TARGET = 'name either a claim (claimId) or a passage (passageId), not both';

/** A span of a report's normalised text: UTF-16 code units, end exclusive. */
const span = z.object({ reportId: id, start: offset, end: z.number().int().positive() });

export const suggestionSchema = z.object({
  reportId: id,
  reportTitle: z.string(),
  outlet: z.string().nullable(),
  /** The sentence suggested, as a TextPositionSelector and TextQuoteSelector over its report. */
  start: offset,
  end: offset,
  text: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** How much it says what the claim or passage says (docs/suggestions.md), 0 to 1. */
  score,
  /** What the wording signals; null: nothing either way. */
  stanceHint: z.enum(['supports', 'contradicts']).nullable(),
  /** Why, in words: the words shared, the numbers that differ, a negation on one side. */
  reason: z.string(),
  /** True when its outlet is not one the claim's evidence (or the passage) comes from. */
  otherOutlet: z.boolean(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const similarSentenceSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  other: z.object({
    reportId: id,
    reportTitle: z.string(),
    outlet: z.string().nullable(),
    start: offset,
    end: offset,
    text: z.string(),
  }),
  score,
  /** Content words of this sentence the other lacks, and of the other this one lacks. */
  onlyHere: z.array(z.string()),
  onlyThere: z.array(z.string()),
});
export type SimilarSentence = z.infer<typeof similarSentenceSchema>;

/** One sentence of a pair that nearly match, and its content words the other sentence lacks. */
const wordingSide = z.object({
  reportId: id,
  start: offset,
  end: offset,
  text: z.string(),
  only: z.array(z.string()),
});
/** Two sentences of two compared reports that say nearly the same in nearly the same words. */
export const wordingPairSchema = z.object({ score, sides: z.tuple([wordingSide, wordingSide]) });
export type WordingPair = z.infer<typeof wordingPairSchema>;

export const compareMethods = {
  'compare.suggest': op(
    target
      .extend({ limit: z.number().int().min(1).max(50).default(10) })
      .strict()
      .refine(oneTarget, ONE_TARGET),
    z.array(suggestionSchema),
  ),
  // Not offered again for that claim or passage (kept in the desk; undoable).
  'compare.reject': op(
    target
      .extend(span.shape)
      .strict()
      .refine(oneTarget, ONE_TARGET)
      .refine((s) => s.end > s.start, 'end must come after start'),
    target.extend(span.shape),
  ),
  // The sentence made a passage (or the passage already there) and linked to the claim: one step.
  'compare.accept': op(
    z
      .object({
        claimId: id,
        ...span.shape,
        stance,
        credibility,
        note: z.string().max(10_000).default(''),
      })
      .strict()
      .refine((s) => s.end > s.start, 'end must come after start'),
    z.object({
      passage: passageSchema,
      evidence: evidenceSchema.extend({ claim: claimSummarySchema }),
    }),
  ),
  'compare.similar': op(
    z.object({ reportId: id, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.array(similarSentenceSchema),
  ),
  // Between the reports of a compare, each pair of them: their nearly matching sentences.
  'compare.sharedWording': op(
    z
      .object({
        reportIds: z.array(id).min(2).max(3),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict()
      .refine((s) => new Set(s.reportIds).size === s.reportIds.length, 'name each report once'),
    z.array(wordingPairSchema),
  ),
} as const satisfies Slice<'compare'>;
