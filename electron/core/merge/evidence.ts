// Merging a set's evidence links: by UUID, or the same claim and passage already linked; else
// linked, or kept with its passage while that waits. A known link's differing stance, credibility
// or note is a conflict.
import { insertSetEvidence } from '../db/set-passages.ts';
import { prepared } from '../db/statements.ts';
import type { Waiting } from './passages.ts';
import { clip, type MergeRun } from './run.ts';

/** Merges the set's links, and writes the passages left waiting with theirs. */
export function mergeEvidence(
  run: MergeRun,
  claimLocal: Map<string, number>,
  passageLocal: Map<string, number>,
  pending: Map<string, Waiting>,
): void {
  const {
    db,
    set,
    report,
    mergeId,
    wrote,
    find,
    remember,
    conflict,
    lastLocalReviewer,
    incomingReviewer,
  } = run;
  const setPassageById = new Map(set.passages.map((p) => [p.id, p]));
  const setClaimById = new Map(set.claims.map((c) => [c.id, c]));
  // The desk's links, read once: by UUID, and by claim and passage.
  interface LinkRow {
    id: number;
    uuid: string;
    stance: string;
    credibility: number;
    note: string;
  }
  const links = new Map<number, LinkRow>();
  const linkOfPair = new Map<string, number>();
  for (const row of prepared(
    db,
    'SELECT id, uuid, claim_id AS claimId, passage_id AS passageId, stance, credibility, note FROM evidence',
  ).all() as (LinkRow & { claimId: number; passageId: number })[]) {
    links.set(row.id, row);
    linkOfPair.set(`${row.claimId} ${row.passageId}`, row.id);
  }
  for (const e of set.evidence) {
    const claimId = claimLocal.get(e.claim) as number;
    const waiting = pending.get(e.passage);
    if (waiting) {
      waiting.evidence.push(e);
      continue;
    }
    const passageId = passageLocal.get(e.passage) as number;
    const pair = `${claimId} ${passageId}`;
    const id = find('evidence', e.id) ?? linkOfPair.get(pair);
    const row = id === undefined ? undefined : links.get(id);
    if (!row) {
      const inserted = insertSetEvidence(db, e, claimId, passageId);
      links.set(inserted, {
        id: inserted,
        uuid: e.id,
        stance: e.stance,
        credibility: e.credibility,
        note: e.note,
      });
      linkOfPair.set(pair, inserted);
      remember('evidence', e.id, e.id);
      report.evidence.created++;
      wrote(1);
      continue;
    }
    report.evidence.matched++;
    if (row.uuid !== e.id) remember('evidence', e.id, row.uuid);
    const compare = (field: string, mine: unknown, theirs: unknown): void =>
      conflict({
        entity: 'evidence',
        item: row.uuid,
        label: `“${clip(setPassageById.get(e.passage)?.target.selector[0].exact ?? '')}” for “${clip(setClaimById.get(e.claim)?.text ?? '')}”`,
        field,
        local: mine,
        incoming: theirs,
        localReviewer: lastLocalReviewer('claim', claimId),
        incomingReviewer: incomingReviewer(e.claim),
      });
    if (e.stance !== row.stance) compare('stance', row.stance, e.stance);
    if (e.credibility !== row.credibility) compare('credibility', row.credibility, e.credibility);
    if (e.note !== '' && e.note !== row.note) compare('note', row.note, e.note);
  }
  const reportTitle = new Map(set.reports.map((r) => [r.id, r.title]));
  for (const [uuid, waiting] of pending) {
    const changes = prepared(
      db,
      `INSERT OR IGNORE INTO pending_passages (uuid, report_sha256, report_title, waiting_for, merge_id, passage, evidence)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      uuid,
      waiting.sha256,
      reportTitle.get(waiting.passage.report) ?? waiting.passage.report,
      waiting.waitingFor,
      mergeId,
      JSON.stringify(waiting.passage),
      JSON.stringify(waiting.evidence),
    ).changes;
    // Already waiting from an earlier merge of this set: not news.
    if (changes === 0)
      report.passages.pending = report.passages.pending.filter((p) => p.id !== uuid);
    wrote(changes);
  }
}
