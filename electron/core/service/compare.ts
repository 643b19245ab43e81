// The comparison's handlers: suggestions for a claim or a passage (read-only), rejecting one (kept,
// undoable), accepting one as a passage linked to the claim (one undo step), and a report's shared
// wording.
import type { Method, Output, ParsedInput } from '../../../shared/api.ts';
import {
  forgetRejection,
  rejectSuggestion,
  similar,
  suggest,
  type Rejection,
  type Target,
} from '../compare/suggest.ts';
import { sharedWording } from '../compare/between.ts';
import type { Db } from '../db/connection.ts';
import { getPassage } from '../db/passages.ts';
import { getReportText } from '../db/reports.ts';
import { DeskError } from '../db/errors.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

/** A handler that answers at once (better-sqlite3 is synchronous): it can run in a transaction. */
type Sync<M extends Method> = (input: ParsedInput<M>) => Output<M>;

/** The claim or the passage the input names (the contract lets through exactly one). */
const targetOf = (input: { claimId?: number; passageId?: number }): Target =>
  input.claimId !== undefined
    ? { claimId: input.claimId }
    : { passageId: input.passageId as number };

export function compareHandlers(deps: {
  db: Db;
  undo: Undo;
  /** The desk's other handlers (composed after these): accepting is theirs, grouped. */
  handlers: () => { [M in 'passages.create' | 'evidence.link']: Sync<M> };
}): Handlers<MethodsOf<'compare'>> {
  const { db, undo, handlers } = deps;
  // A rejection undone is forgotten; redone, recorded again.
  const forgetting =
    (rejection: Rejection): Inverse =>
    () => {
      forgetRejection(db, rejection);
      return () => {
        rejectSuggestion(db, rejection);
        return forgetting(rejection);
      };
    };
  return {
    'compare.suggest': (input) => suggest(db, targetOf(input), input.limit),
    'compare.similar': ({ reportId, limit }) => similar(db, reportId, limit),
    'compare.sharedWording': ({ reportIds, limit }) => sharedWording(db, reportIds, limit),
    'compare.reject': (input) => {
      const rejection: Rejection = {
        ...targetOf(input),
        reportId: input.reportId,
        start: input.start,
        end: input.end,
      };
      rejectSuggestion(db, rejection);
      undo.remember('rejection of a suggestion', forgetting(rejection));
      return rejection;
    },
    'compare.accept': ({ claimId, reportId, start, end, stance, credibility, note }) =>
      undo.group(
        () => 'suggestion accepted as evidence',
        () => {
          const text = getReportText(db, reportId);
          if (text === undefined)
            throw new DeskError('not-found', `report ${reportId} does not exist`);
          // The passage already on those words, if there is one: not a second highlight.
          const existing = db
            .prepare(
              'SELECT id FROM passages WHERE report_id = ? AND position_start = ? AND position_end = ?',
            )
            .pluck()
            .get(reportId, start, end) as number | undefined;
          const passageId =
            existing ??
            handlers()['passages.create']({
              reportId,
              start,
              end,
              exact: text.slice(start, end),
              note: '',
            }).id;
          const evidence = handlers()['evidence.link']({
            claimId,
            passageId,
            stance,
            credibility,
            note,
          });
          return { passage: getPassage(db, passageId), evidence };
        },
      ),
  };
}
