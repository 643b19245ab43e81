// The evidence's handlers: linking a passage to a claim, changing and removing the link, each
// undoable. Each returns the claim's new summary, for the list.
import type { Evidence } from '../../../shared/api.ts';
import { getClaimSummary } from '../db/claims.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { linkEvidence, unlinkEvidence, updateEvidence } from '../db/evidence.ts';
import { evidenceIdFor } from '../db/passages.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

/** A link named by its claim and passage: its id changes when undo or redo links it again. */
type Link = Pick<Evidence, 'claimId' | 'passageId'>;
type Grading = Pick<Evidence, 'stance' | 'credibility' | 'note'>;

export function evidenceHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'evidence'>> {
  const idOf = ({ claimId, passageId }: Link): number => {
    const id = evidenceIdFor(db, claimId, passageId);
    if (id === undefined)
      throw new DeskError(
        'not-found',
        `passage ${passageId} is no longer evidence for claim ${claimId}`,
      );
    return id;
  };
  const grading = ({ stance, credibility, note }: Evidence): Grading => ({
    stance,
    credibility,
    note,
  });
  const unlinking =
    (link: Link): Inverse =>
    () =>
      linking(unlinkEvidence(db, idOf(link)));
  const linking =
    (before: Evidence & { uuid: string }): Inverse =>
    () => {
      linkEvidence(db, {
        claimId: before.claimId,
        passageId: before.passageId,
        uuid: before.uuid,
        ...grading(before),
      });
      return unlinking(before);
    };
  const regrading =
    (link: Link, values: Grading): Inverse =>
    () =>
      regrading(link, grading(updateEvidence(db, { id: idOf(link), ...values }).before));

  return {
    'evidence.link': (input) => {
      const evidence = linkEvidence(db, input);
      undo.remember('evidence link', unlinking(evidence));
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.update': (input) => {
      const { evidence, before } = updateEvidence(db, input);
      undo.remember('evidence change', regrading(before, grading(before)));
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.unlink': ({ id }) => {
      const before = unlinkEvidence(db, id);
      undo.remember('evidence removal', linking(before));
      return { id, claim: getClaimSummary(db, before.claimId) };
    },
  };
}
