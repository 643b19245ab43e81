// The contract's sources: who a passage is attributed to, and their reliability grades.
import { z } from 'zod';
import { SOURCE_KINDS } from '../vocabulary.ts';
import { id, noControls, op, reliability, type Slice } from './common.ts';

export const sourceSummarySchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  outletId: id,
  outletName: z.string(),
  derivesFromId: id.nullable(),
  derivesFromName: z.string().nullable(),
  reliability: reliability.nullable(),
  rationale: z.string(),
  ratedAt: z.string().nullable(),
  reports: z.number().int(),
  passages: z.number().int(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

export const ratingSchema = z.object({
  id,
  reliability,
  rationale: z.string(),
  reviewer: z.string(),
  ratedAt: z.string(),
});
export type Rating = z.infer<typeof ratingSchema>;

const sourceName = noControls(z.string().trim().min(1, 'a source needs a name').max(300));

export const sourcesMethods = {
  'sources.list': op(z.object({}).strict(), z.array(sourceSummarySchema)),
  'sources.create': op(
    z
      .object({ outletId: id, name: sourceName, derivesFromId: id.nullable().default(null) })
      .strict(),
    sourceSummarySchema,
  ),
  'sources.update': op(
    z.object({ id, name: sourceName.optional(), derivesFromId: id.nullable().optional() }).strict(),
    sourceSummarySchema,
  ),
  'sources.rate': op(
    z.object({ id, reliability, rationale: z.string().trim().max(10_000).default('') }).strict(),
    sourceSummarySchema,
  ),
  'sources.history': op(z.object({ id }).strict(), z.array(ratingSchema)),
} as const satisfies Slice<'sources'>;
