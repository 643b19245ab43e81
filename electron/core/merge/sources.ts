// Merging a set's sources: by UUID; an outlet by its name (outlets are named alike everywhere);
// a named source with the same name in the same outlet is a likely duplicate, merged only on the
// reviewer's word. A new source comes with its grades' history; a known one's differing grade or
// "cites" is a conflict.
import type { SetSource } from '../../../shared/claim-set.ts';
import type { Db } from '../db/connection.ts';
import { ensureOutlet } from '../db/reports.ts';
import { prepared } from '../db/statements.ts';
import { outletKey } from '../import/outlets.ts';
import type { MergeRun } from './run.ts';

/** Merges the set's sources; returns the desk's id of each, by the set's id. */
export function mergeSources(run: MergeRun): Map<string, number> {
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
    sourceRef,
    uuidOfSource,
  } = run;
  const sourceLocal = new Map<string, number>();
  const createdSources = new Set<SetSource>();
  // Outlets first: a named source's outlet must not be made anew (under a new UUID for its own
  // voice) before the set's own outlet source is read.
  const outletsFirst = [
    ...set.sources.filter((s) => s.kind === 'outlet'),
    ...set.sources.filter((s) => s.kind !== 'outlet'),
  ];
  for (const s of outletsFirst) {
    let id = find('sources', s.id);
    if (id !== undefined) {
      report.sources.matched++;
      sourceLocal.set(s.id, id);
      continue;
    }
    // An outlet new to the desk is written under the set's UUID for its own voice.
    const outletId =
      s.kind === 'outlet' && !hasOutlet(db, s.outlet)
        ? createOutlet(db, s.outlet, s.createdAt)
        : ensureOutlet(db, s.outlet);
    // UNIQUE (outlet, name) holds whatever the kind: a named source spelt like the outlet's own
    // voice is one of its likely duplicates.
    const sameName = prepared(
      db,
      s.kind === 'outlet'
        ? `SELECT id, uuid, name FROM sources WHERE outlet_id = ? AND kind = 'outlet'`
        : `SELECT id, uuid, name FROM sources WHERE outlet_id = ? AND name = ?`,
    ).get(...(s.kind === 'outlet' ? [outletId] : [outletId, s.name])) as
      { id: number; uuid: string; name: string } | undefined;
    if (sameName && s.kind === 'outlet') {
      report.sources.matched++;
      sourceLocal.set(s.id, sameName.id);
      remember('source', s.id, sameName.uuid);
      continue;
    }
    let name = s.name;
    if (sameName) {
      const decision = ctx.decisions.get(s.id) ?? 'separate';
      report.duplicates.push({
        entity: 'source',
        incoming: { id: s.id, label: `${s.name} (${s.outlet})` },
        local: { id: sameName.uuid, label: `${sameName.name} (${s.outlet})` },
        decision,
      });
      if (decision === 'merge') {
        report.sources.matched++;
        sourceLocal.set(s.id, sameName.id);
        remember('source', s.id, sameName.uuid);
        continue;
      }
      name = freeName(db, outletId, `${s.name} (${set.exported.reviewer || 'merged'})`);
    }
    id = Number(
      prepared(
        db,
        `INSERT INTO sources (uuid, outlet_id, name, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(s.id, outletId, name, s.kind, s.note, s.createdAt).lastInsertRowid,
    );
    const rate = prepared(
      db,
      'INSERT INTO ratings (source_id, reliability, rationale, reviewer, rated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of s.history) rate.run(id, r.reliability, r.rationale, r.reviewer, r.at);
    sourceLocal.set(s.id, id);
    createdSources.add(s);
    remember('source', s.id, s.id);
    report.sources.created++;
    wrote(1);
  }
  for (const s of set.sources) {
    const id = sourceLocal.get(s.id) as number;
    const cites = s.cites === null ? null : (sourceLocal.get(s.cites) ?? null);
    if (createdSources.has(s)) {
      if (cites !== null)
        prepared(db, 'UPDATE sources SET derives_from_id = ? WHERE id = ?').run(cites, id);
      continue;
    }
    const row = prepared(
      db,
      `SELECT s.derives_from_id AS cites, s.name, r.reliability, r.rationale, r.reviewer
       FROM sources s LEFT JOIN ratings r ON r.id = (SELECT max(id) FROM ratings WHERE source_id = s.id)
       WHERE s.id = ?`,
    ).get(id) as {
      cites: number | null;
      name: string;
      reliability: string | null;
      rationale: string | null;
      reviewer: string | null;
    };
    const label = `${row.name} (${s.outlet})`;
    const theirs = s.history.at(-1);
    if (s.reliability !== null && s.reliability !== row.reliability)
      conflict({
        entity: 'source',
        item: uuidOfSource(id) as string,
        label,
        field: 'reliability',
        local:
          row.reliability === null ? null : { grade: row.reliability, rationale: row.rationale },
        incoming: { grade: s.reliability, rationale: s.rationale },
        localReviewer: row.reviewer ?? lastLocalReviewer('source', id),
        incomingReviewer: theirs?.reviewer || set.exported.reviewer,
      });
    if (s.cites !== null && cites !== row.cites)
      conflict({
        entity: 'source',
        item: uuidOfSource(id) as string,
        label,
        field: 'cites',
        local: sourceRef(row.cites),
        incoming: sourceRef(cites),
        localReviewer: lastLocalReviewer('source', id),
        incomingReviewer: incomingReviewer(s.id),
      });
  }

  return sourceLocal;
}

const hasOutlet = (db: Db, name: string): boolean =>
  prepared(db, 'SELECT 1 FROM outlets WHERE name_key = ?').get(outletKey(name)) !== undefined;

/** An outlet row without its own-voice source, which the caller writes under the set's UUID. */
const createOutlet = (db: Db, name: string, createdAt: string): number =>
  Number(
    prepared(db, 'INSERT INTO outlets (name, name_key, created_at) VALUES (?, ?, ?)').run(
      name,
      outletKey(name),
      createdAt,
    ).lastInsertRowid,
  );

/** `name`, or `name 2`, `name 3`…: the first not taken in the outlet. */
function freeName(db: Db, outletId: number, name: string): string {
  const taken = prepared(db, 'SELECT 1 FROM sources WHERE outlet_id = ? AND name = ?');
  let candidate = name;
  for (let n = 2; taken.get(outletId, candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}
