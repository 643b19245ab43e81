// Merging a set's claims: by UUID; the same words (case and punctuation aside) as a desk's claim
// is a likely duplicate. A known claim gains the set's tags; a differing verdict or wording is a
// conflict.
import type { SetClaim } from '../../../shared/claim-set.ts';
import { words } from '../../../shared/corroboration.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import type { MergeRun } from './run.ts';

/** "Reports say the market is open" and "Reports say: the market is open." are one claim. */
const wordingKey = (text: string): string => words(text).join(' ');

/** Merges the set's claims; returns the desk's id of each, by the set's id. */
export function mergeClaims(run: MergeRun): Map<string, number> {
  const {
    db,
    set,
    ctx,
    report,
    wrote,
    find,
    remember,
    conflict,
    lastLocalReviewer,
    incomingReviewer,
    local,
  } = run;
  const claimLocal = new Map<string, number>();
  const byWording = new Map<string, { id: number; uuid: string; text: string }>();
  for (const row of prepared(db, 'SELECT id, uuid, text FROM claims').all() as {
    id: number;
    uuid: string;
    text: string;
  }[])
    byWording.set(wordingKey(row.text), row);
  const addTag = prepared(db, 'INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?, ?)');
  for (const c of set.claims) {
    let id = find('claims', c.id);
    if (id === undefined) {
      const same = byWording.get(wordingKey(c.text));
      if (same) {
        const decision = ctx.decisions.get(c.id) ?? 'separate';
        report.duplicates.push({
          entity: 'claim',
          incoming: { id: c.id, label: c.text },
          local: { id: same.uuid, label: same.text },
          decision,
        });
        if (decision === 'merge') {
          id = same.id;
          remember('claim', c.id, same.uuid);
        }
      }
    }
    if (id === undefined) {
      id = insertClaim(db, c);
      remember('claim', c.id, c.id);
      report.claims.created++;
      wrote(1);
      claimLocal.set(c.id, id);
      continue;
    }
    report.claims.matched++;
    claimLocal.set(c.id, id);
    for (const tag of c.tags) wrote(addTag.run(id, tag).changes);
    const row = prepared(
      db,
      'SELECT uuid, text, verdict, verdict_rationale AS rationale FROM claims WHERE id = ?',
    ).get(id) as { uuid: string; text: string; verdict: string | null; rationale: string };
    if (c.verdict !== null && (c.verdict !== row.verdict || c.rationale !== row.rationale))
      conflict({
        entity: 'claim',
        item: row.uuid,
        label: row.text,
        field: 'verdict',
        local: row.verdict === null ? null : { verdict: row.verdict, rationale: row.rationale },
        incoming: { verdict: c.verdict, rationale: c.rationale },
        localReviewer: lastLocalReviewer('claim', id),
        incomingReviewer: incomingReviewer(c.id),
      });
    // A duplicate merged into a claim worded a little differently is no conflict: the same item
    // (its own UUID) worded differently is.
    if (c.text !== row.text && local.claims.get(c.id) !== undefined)
      conflict({
        entity: 'claim',
        item: row.uuid,
        label: row.text,
        field: 'text',
        local: row.text,
        incoming: c.text,
        localReviewer: lastLocalReviewer('claim', id),
        incomingReviewer: incomingReviewer(c.id),
      });
  }

  return claimLocal;
}

function insertClaim(db: Db, c: SetClaim): number {
  const id = Number(
    prepared(
      db,
      `INSERT INTO claims (uuid, text, verdict, verdict_rationale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(c.id, c.text, c.verdict, c.rationale, c.createdAt, c.updatedAt).lastInsertRowid,
  );
  const tag = prepared(db, 'INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?, ?)');
  for (const t of c.tags) tag.run(id, t);
  return id;
}
