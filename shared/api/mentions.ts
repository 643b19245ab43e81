// The contract's source mentions: the attribution phrases read from a report's text
// (shared/attribution.ts, docs/attribution.md), each with what it says of the source and the
// text it governs.
import { z } from 'zod';
import { MENTION_KINDS } from '../attribution.ts';
import { id, op, type Slice } from './common.ts';

const offset = z.number().int().nonnegative();
const spanSchema = z.object({ start: offset, end: offset });

export const mentionSchema = z.object({
  /** Its place in the report's list; `refersTo` counts in it. */
  ordinal: offset,
  start: offset,
  end: offset,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  role: z.string().nullable(),
  outlet: z.string().nullable(),
  name: z.string().nullable(),
  place: z.string().nullable(),
  time: z.string().nullable(),
  kind: z.enum(MENTION_KINDS),
  anaphor: z.enum(['definite', 'pronoun']).nullable(),
  refersTo: offset.nullable(),
  governs: z.array(spanSchema),
});
export type ReportMention = z.infer<typeof mentionSchema>;

export const mentionsMethods = {
  'mentions.list': op(z.object({ reportId: id }).strict(), z.array(mentionSchema)),
} as const satisfies Slice<'mentions'>;
