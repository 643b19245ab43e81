// Merging a set's passages: by UUID; else placed in the desk's text of their report (as they are,
// re-anchored, or orphaned on their own text), matched to a desk passage on the same words, or
// kept waiting for the text they need. A known passage's differing note or source is a conflict.
import type { SetPassage } from '../../../shared/claim-set.ts';
import { shaOfUrn } from '../../../shared/claim-set.ts';
import {
  insertSetPassage,
  placePassage,
  unitsIn,
  type PendingPassage,
  type WaitingFor,
} from '../db/set-passages.ts';
import { prepared } from '../db/statements.ts';
import type { LocalReport } from './reports.ts';
import { clip, type MergeRun } from './run.ts';

/** A passage of the set waiting for a text, with the links that wait with it. */
export type Waiting = PendingPassage & { sha256: string; waitingFor: WaitingFor };

/** Merges the set's passages; returns the desk's id of each placed one, and the waiting ones. */
export function mergePassages(
  run: MergeRun,
  reportByUrn: Map<string, LocalReport | null>,
  sourceLocal: Map<string, number>,
): { passageLocal: Map<string, number>; pending: Map<string, Waiting> } {
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
    textOf,
    sourceRef,
  } = run;
  const comparePassage = (
    p: SetPassage,
    row: { id: number; uuid: string; note: string; sourceId: number | null },
    sourceId: number | null,
  ): void => {
    const compare = (field: string, mine: unknown, theirs: unknown): void =>
      conflict({
        entity: 'passage',
        item: row.uuid,
        label: `“${clip(p.target.selector[0].exact)}”`,
        field,
        local: mine,
        incoming: theirs,
        localReviewer: lastLocalReviewer('passage', row.id),
        incomingReviewer: incomingReviewer(p.id),
      });
    if (p.note !== '' && p.note !== row.note) compare('note', row.note, p.note);
    if (p.source !== null && sourceId !== row.sourceId)
      compare('source', sourceRef(row.sourceId), sourceRef(sourceId));
  };
  // Positions of passages whose own text is not at hand: guessed in their report's text, one pass
  // per text.
  const guesses = new Map<string, [number, number]>();
  let unchecked: Map<string, SetPassage[]> | undefined;
  const guessedUnits = (p: SetPassage, sha: string, text: string): [number, number] => {
    if (!unchecked) {
      unchecked = new Map();
      for (const q of set.passages) {
        const at = reportByUrn.get(q.report)?.sha256;
        if (ctx.verified.units.has(q.id) || at === undefined) continue;
        const list = unchecked.get(at);
        if (list) list.push(q);
        else unchecked.set(at, [q]);
      }
    }
    if (!guesses.has(p.id)) {
      const group = unchecked.get(sha) ?? [p];
      unitsIn(text, group).forEach((u, i) => guesses.set((group[i] as SetPassage).id, u));
    }
    return guesses.get(p.id) as [number, number];
  };
  const passageLocal = new Map<string, number>();
  const pending = new Map<string, Waiting>();
  const reportTitle = new Map(set.reports.map((r) => [r.id, r.title]));
  for (const p of set.passages) {
    const quote = p.target.selector[0].exact;
    const id = find('passages', p.id);
    const sourceId = p.source === null ? null : (sourceLocal.get(p.source) ?? null);
    if (id !== undefined) {
      report.passages.matched++;
      passageLocal.set(p.id, id);
      comparePassage(
        p,
        prepared(db, 'SELECT id, uuid, note, source_id AS sourceId FROM passages WHERE id = ?').get(
          id,
        ) as { id: number; uuid: string; note: string; sourceId: number | null },
        sourceId,
      );
      continue;
    }
    const where = reportByUrn.get(p.report);
    const title = reportTitle.get(p.report) ?? p.report;
    if (!where) {
      pending.set(p.id, {
        passage: p,
        evidence: [],
        sha256: shaOfUrn(p.report),
        waitingFor: 'report',
      });
      report.passages.pending.push({ id: p.id, quote, report: title });
      continue;
    }
    const targetSha = shaOfUrn(p.target.source);
    const target = ctx.verified.texts.get(targetSha);
    const reportText = textOf(where.sha256);
    const units = ctx.verified.units.get(p.id) ?? guessedUnits(p, where.sha256, reportText);
    const placed = placePassage(p, units, where.sha256, reportText, target);
    if (!placed) {
      // Its quote could not be checked and is not word for word in the desk's version.
      pending.set(p.id, { passage: p, evidence: [], sha256: targetSha, waitingFor: 'text' });
      report.passages.pending.push({ id: p.id, quote, report: title });
      continue;
    }
    // The same words already marked in the desk (by a duplicate the reviewer kept apart, or under
    // another id): one passage, not two, so one quote is never counted twice.
    const same = prepared(
      db,
      `SELECT id, uuid, note, source_id AS sourceId FROM passages
       WHERE report_id = ? AND sha256 = ? AND position_start = ? AND position_end = ?`,
    ).get(where.id, placed.sha256, placed.start, placed.end) as
      { id: number; uuid: string; note: string; sourceId: number | null } | undefined;
    if (same) {
      report.passages.matched++;
      passageLocal.set(p.id, same.id);
      remember('passage', p.id, same.uuid);
      comparePassage(p, same, sourceId);
      continue;
    }
    if (placed.status === 'orphaned' && placed.sha256 !== where.sha256) {
      const text = target as string;
      wrote(
        prepared(db, 'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
          placed.sha256,
          text,
          text.length,
        ).changes,
      );
    }
    passageLocal.set(p.id, insertSetPassage(db, p, where.id, placed, sourceId));
    remember('passage', p.id, p.id);
    report.passages.created++;
    wrote(1);
    if (placed.how === 'reanchored')
      report.passages.reanchored.push({ id: p.id, quote, report: title });
    if (placed.how === 'orphaned')
      report.passages.orphaned.push({ id: p.id, quote, report: title });
  }

  return { passageLocal, pending };
}
