// The contract's passages: a highlighted span of a report, anchored to its text.
import { z } from 'zod';
import { STANCES } from '../vocabulary.ts';
import { anchorStatus, id, op, type Slice } from './common.ts';

export const passageSchema = z.object({
  id,
  reportId: id,
  /** The source it is attributed to; null: the report's outlet. */
  sourceId: id.nullable(),
  /** TextPositionSelector over the report's normalised text, UTF-16 code units, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** TextQuoteSelector. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  note: z.string(),
  status: anchorStatus,
  /** The stances it is evidence with, each once (empty: not evidence yet), for the reader's colours. */
  stances: z.array(z.enum(STANCES)),
  /** How many claims it is evidence for. */
  claimCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Passage = z.infer<typeof passageSchema>;

export const passagesMethods = {
  'passages.list': op(z.object({ reportId: id }).strict(), z.array(passageSchema)),
  'passages.create': op(
    z
      .object({
        reportId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        /** What the UI believes is selected; refused if the stored text differs there. */
        exact: z.string().min(1),
        note: z.string().max(10_000).default(''),
      })
      .strict()
      .refine((p) => p.end > p.start, 'end must come after start'),
    passageSchema,
  ),
  'passages.update': op(z.object({ id, note: z.string().max(10_000) }).strict(), passageSchema),
  'passages.delete': op(
    z.object({ id }).strict(),
    // The claims it was evidence for, which lost it (each one's history records it).
    z.object({ id, claims: z.array(z.object({ id, text: z.string() })) }),
  ),
  'passages.attribute': op(
    z.object({ passageId: id, sourceId: id.nullable() }).strict(),
    passageSchema,
  ),
} as const satisfies Slice<'passages'>;
