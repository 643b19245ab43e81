// The claims' handlers: the list, a claim's detail and history, and each change to a claim,
// each undoable but a merge.
import type { Db } from '../db/connection.ts';
import { listClaimPage } from '../db/claim-list.ts';
import {
  claimHistory,
  claimsForPassage,
  createClaim,
  deleteClaim,
  getClaim,
  mergeClaims,
  restoreClaim,
  updateClaim,
  type ClaimSnapshot,
} from '../db/claims.ts';
import { reviewWarning } from '../db/origin-reviews.ts';
import { short, type Handlers, type MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

type Review = Parameters<typeof reviewWarning>[1];

export function claimsHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'claims'>> {
  // A restored claim keeps its id, so later steps that name it still find it.
  const deletion =
    (id: number): Inverse =>
    () =>
      restoring(deleteClaim(db, id));
  const restoring =
    (snapshot: ClaimSnapshot): Inverse =>
    () => {
      restoreClaim(db, snapshot);
      return deletion(snapshot.id);
    };
  const edit =
    (id: number, state: ReturnType<typeof updateClaim>['before']): Inverse =>
    () =>
      edit(id, updateClaim(db, { id, ...state }).before);
  const review =
    (input: Review): Inverse =>
    () =>
      review({ ...input, decision: reviewWarning(db, input) });

  return {
    'claims.list': (query) => listClaimPage(db, query),
    'claims.get': ({ id }) => getClaim(db, id),
    'claims.forPassage': ({ passageId }) => claimsForPassage(db, passageId),
    'claims.create': (input) => {
      const claim = createClaim(db, input);
      undo.remember(`new claim “${short(claim.text)}”`, deletion(claim.id));
      return claim;
    },
    'claims.update': (input) => {
      const { claim, before } = updateClaim(db, input);
      undo.remember(
        input.verdict !== undefined ? 'verdict' : `edit of “${short(before.text)}”`,
        edit(input.id, before),
      );
      return claim;
    },
    'claims.delete': ({ id }) => {
      const snapshot = deleteClaim(db, id);
      undo.remember(`deletion of “${short(snapshot.state.text)}”`, restoring(snapshot));
      return { id };
    },
    'claims.merge': ({ keepId, mergeId }) => {
      const claim = mergeClaims(db, keepId, mergeId);
      // A merge rewrites two claims' evidence: it is not undone step by step.
      undo.clear();
      return { ...claim, removedId: mergeId };
    },
    'claims.reviewWarning': (input) => {
      const previous = reviewWarning(db, input);
      undo.remember(
        input.decision === 'confirmed' ? 'shared origin confirmed' : 'warning dismissed',
        review({ ...input, decision: previous }),
      );
      return getClaim(db, input.claimId);
    },
    'claims.history': ({ id }) => claimHistory(db, id),
  };
}
