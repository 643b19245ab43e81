// The evidence's handlers: linking a passage to a claim, changing and removing the link. Each
// returns the claim's new summary, for the list.
import { getClaimSummary } from '../db/claims.ts';
import type { Db } from '../db/connection.ts';
import { linkEvidence, unlinkEvidence, updateEvidence } from '../db/evidence.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

export function evidenceHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'evidence'>> {
  return {
    'evidence.link': (input) => {
      const evidence = linkEvidence(db, input);
      undo.remember('evidence link', () => unlinkEvidence(db, evidence.id));
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.update': (input) => {
      const { evidence, before } = updateEvidence(db, input);
      undo.remember('evidence change', () =>
        updateEvidence(db, {
          id: before.id,
          stance: before.stance,
          credibility: before.credibility,
          note: before.note,
        }),
      );
      return { ...evidence, claim: getClaimSummary(db, evidence.claimId) };
    },
    'evidence.unlink': ({ id }) => {
      const before = unlinkEvidence(db, id);
      undo.remember('evidence removal', () =>
        linkEvidence(db, {
          claimId: before.claimId,
          passageId: before.passageId,
          stance: before.stance,
          credibility: before.credibility,
          note: before.note,
        }),
      );
      return { id, claim: getClaimSummary(db, before.claimId) };
    },
  };
}
