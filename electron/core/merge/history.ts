// Merging what the set says of its items' past: the reviewer's shared-origin decisions (a
// decision the desk made otherwise is a conflict) and the items' audit entries as the exporting
// desk recorded them (marked with the merge; one already here is not repeated).
import { prepared } from '../db/statements.ts';
import { clip, type MergeRun } from './run.ts';

/** Merges the set's shared-origin decisions and history, by the desk's ids of its items. */
export function mergeHistory(
  run: MergeRun,
  {
    claimLocal,
    sourceLocal,
    passageLocal,
  }: Record<'claimLocal' | 'sourceLocal' | 'passageLocal', Map<string, number>>,
): void {
  const { db, set, report, mergeId, wrote, conflict } = run;
  // The reviewer's shared-origin decisions, between passages both now in the desk.
  // A decision the desk made otherwise is a conflict, not overwritten.
  const review = prepared(
    db,
    `INSERT INTO origin_reviews (claim_id, passage_a, passage_b, decision, reviewer, decided_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const decided = prepared(
    db,
    'SELECT decision, reviewer FROM origin_reviews WHERE claim_id = ? AND passage_a = ? AND passage_b = ?',
  );
  const passageWords = prepared(db, 'SELECT uuid, exact FROM passages WHERE id = ?');
  for (const c of set.claims)
    for (const r of c.originReviews ?? []) {
      const a = passageLocal.get(r.passages[0]);
      const b = passageLocal.get(r.passages[1]);
      const claimId = claimLocal.get(c.id) as number;
      if (a === undefined || b === undefined || a === b) continue;
      const [first, second] = a < b ? [a, b] : [b, a];
      const here = decided.get(claimId, first, second) as
        { decision: string; reviewer: string } | undefined;
      if (!here) {
        wrote(review.run(claimId, first, second, r.decision, r.reviewer, r.at).changes);
        continue;
      }
      if (here.decision === r.decision) continue;
      const pair = [first, second].map((id) => passageWords.get(id)) as {
        uuid: string;
        exact: string;
      }[];
      const passages = pair.map((p) => p.uuid);
      const quotes = pair.map((p) => clip(p.exact));
      const claim = prepared(db, 'SELECT uuid, text FROM claims WHERE id = ?').get(claimId) as {
        uuid: string;
        text: string;
      };
      conflict({
        entity: 'claim',
        item: claim.uuid,
        label: claim.text,
        field: 'originReview',
        local: { passages, quotes, decision: here.decision },
        incoming: { passages, quotes, decision: r.decision },
        localReviewer: here.reviewer,
        incomingReviewer: r.reviewer,
      });
    }

  // The items' history, as the exporting desk recorded it; an entry already here is not repeated.
  const entityLocal = { claim: claimLocal, source: sourceLocal, passage: passageLocal };
  const seen = prepared(
    db,
    `SELECT 1 FROM audit_log WHERE entity = ? AND entity_id = ? AND at = ? AND action = ?
       AND reviewer = ? AND before IS ? AND after IS ?`,
  );
  const addEntry = prepared(
    db,
    `INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after, merge_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const entry of set.audit) {
    const id = entityLocal[entry.entity].get(entry.item);
    const before = entry.before === null ? null : JSON.stringify(entry.before);
    const after = entry.after === null ? null : JSON.stringify(entry.after);
    if (
      id === undefined ||
      seen.get(entry.entity, id, entry.at, entry.action, entry.reviewer, before, after)
    )
      continue;
    addEntry.run(entry.at, entry.reviewer, entry.action, entry.entity, id, before, after, mergeId);
    report.audit++;
    wrote(1);
  }
}
