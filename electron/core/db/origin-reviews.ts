// The reviewer's decisions on shared-origin warnings (two passages of one claim: same origin or not).
import { appendAudit, reviewerName } from './audit.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';

/** The reviewer's decision on a shared-origin warning; returns the previous one, for undo. */
export function reviewWarning(
  db: Db,
  input: {
    claimId: number;
    passageA: number;
    passageB: number;
    decision: 'confirmed' | 'dismissed' | null;
  },
): 'confirmed' | 'dismissed' | null {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM claims WHERE id = ?').get(input.claimId))
      throw new DeskError('not-found', `claim ${input.claimId} does not exist`);
    const [a, b] =
      input.passageA < input.passageB
        ? [input.passageA, input.passageB]
        : [input.passageB, input.passageA];
    const previous = (db
      .prepare(
        'SELECT decision FROM origin_reviews WHERE claim_id = ? AND passage_a = ? AND passage_b = ?',
      )
      .pluck()
      .get(input.claimId, a, b) ?? null) as 'confirmed' | 'dismissed' | null;
    if (input.decision === null)
      db.prepare(
        'DELETE FROM origin_reviews WHERE claim_id = ? AND passage_a = ? AND passage_b = ?',
      ).run(input.claimId, a, b);
    else
      db.prepare(
        `INSERT INTO origin_reviews (claim_id, passage_a, passage_b, decision, reviewer, decided_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (claim_id, passage_a, passage_b) DO UPDATE SET decision = excluded.decision, reviewer = excluded.reviewer, decided_at = excluded.decided_at`,
      ).run(input.claimId, a, b, input.decision, reviewerName(db), new Date().toISOString());
    appendAudit(db, {
      action: 'claim.shared-origin',
      entity: 'claim',
      entityId: input.claimId,
      before: { passages: [a, b], decision: previous },
      after: { passages: [a, b], decision: input.decision },
    });
    return previous;
  })();
}
