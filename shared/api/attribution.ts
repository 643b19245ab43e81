// The contract's suggested attribution: which source a passage's words come from, as the mention
// governing them says (shared/attribution.ts, docs/attribution.md), and mentions elsewhere in the
// outlet's reports that may be the same source.
import { z } from 'zod';
import { id, op, type Slice } from './common.ts';
import { passageSchema } from './passages.ts';

const offset = z.number().int().nonnegative();
const namedSource = z.object({ id, name: z.string() });

export const attributionSuggestionSchema = z.object({
  /** The mention governing the passage's words; null when none does (no suggestion). */
  mention: z.object({ ordinal: offset, start: offset, end: offset, exact: z.string() }).nullable(),
  /** The earlier mention a back-reference ("the source said") resolves to, when it is one. */
  from: z.object({ ordinal: offset, exact: z.string() }).nullable(),
  /**
   * The source it suggests: a named source, or another outlet's own voice ("according to
   * ASIAPRESS" in a Daily NK report). Null with no `newName`: the report's own outlet.
   */
  source: namedSource.nullable(),
  /** The name of a source to make from the mention when none exists yet, and its outlet. */
  newName: z.string().nullable(),
  newOutletId: id.nullable(),
  /** An outlet the mention names that no report of this desk has: nothing to attribute to yet. */
  unknownOutlet: z.string().nullable(),
  /** Mentions in the outlet's other reports that may be the same source, to merge or keep apart. */
  alike: z.array(
    z.object({
      reportId: id,
      /** The mention's place in its report's list (what Keep apart names). */
      ordinal: offset,
      title: z.string(),
      exact: z.string(),
      source: namedSource.nullable(),
      newName: z.string().nullable(),
    }),
  ),
});
export type AttributionSuggestion = z.infer<typeof attributionSuggestionSchema>;

export const attributionMethods = {
  'attribution.suggest': op(z.object({ passageId: id }).strict(), attributionSuggestionSchema),
  // A suggestion accepted: the source made under the mention's name in its outlet, and the
  // passage attributed to it, as one change (one undo step).
  'attribution.accept': op(
    z
      .object({
        passageId: id,
        newName: z.string().trim().min(1, 'a source needs a name').max(300),
        outletId: id,
      })
      .strict(),
    passageSchema,
  ),
  // The reviewer's decision that a mention elsewhere is not the passage's source: no longer
  // offered as possibly the same. Returns the passage's suggestion without it.
  'attribution.keepApart': op(
    z.object({ passageId: id, reportId: id, ordinal: offset }).strict(),
    attributionSuggestionSchema,
  ),
} as const satisfies Slice<'attribution'>;
