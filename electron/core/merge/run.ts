// One merge under way: the set, what the desk already holds of it, and the helpers every phase
// shares (matching by UUID, provenance, conflicts, who changed what). Made inside the merge's
// transaction by merge/index.ts, then handed to each phase (sources, reports, claims, passages,
// evidence, history).
import type { MergeConflict, MergeReport, MergedEntity } from '../../../shared/api/sets.ts';
import type { ClaimSet } from '../../../shared/claim-set.ts';
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import type { Context } from './verify.ts';

/** A quote or a claim cut short for a label. */
export const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** Starts a merge: writes its row, reads the desk's ids and the set's history once. */
export function startRun(db: Db, set: ClaimSet, ctx: Context) {
  const now = new Date().toISOString();
  let writes = 0;
  const wrote = (changes: number): void => {
    writes += changes;
  };
  const mergeId = Number(
    prepared(
      db,
      `INSERT INTO merges (file_sha256, file_name, desk_id, exported_by, exported_at, merged_by, merged_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, '{}')`,
    ).run(
      ctx.fileSha256,
      ctx.fileName,
      set.exported.desk,
      set.exported.reviewer,
      set.exported.at,
      ctx.reviewer,
      now,
    ).lastInsertRowid,
  );
  const report: MergeReport = {
    fileName: ctx.fileName,
    fileSha256: ctx.fileSha256,
    dryRun: false,
    changed: false,
    from: { desk: set.exported.desk, reviewer: set.exported.reviewer, at: set.exported.at },
    reports: { imported: 0, matched: 0, missing: 0 },
    sources: { created: 0, matched: 0 },
    claims: { created: 0, matched: 0 },
    passages: { created: 0, matched: 0, reanchored: [], orphaned: [], pending: [] },
    evidence: { created: 0, matched: 0 },
    audit: 0,
    duplicates: [],
    conflicts: [],
  };

  // Who last changed each item, by the set's history: the incoming side of a conflict.
  const lastBy = new Map<string, string>();
  for (const entry of [...set.audit].sort((a, b) => a.at.localeCompare(b.at)))
    lastBy.set(entry.item, entry.reviewer);
  const incomingReviewer = (uuid: string): string => lastBy.get(uuid) ?? set.exported.reviewer;

  const provenance = new Map(
    (prepared(db, 'SELECT uuid, local_uuid FROM provenance').raw().all() as [string, string][]).map(
      ([a, b]) => [a, b],
    ),
  );
  const idsOf = (table: string): Map<string, number> =>
    new Map(prepared(db, `SELECT uuid, id FROM ${table}`).raw().all() as [string, number][]);
  const local = {
    sources: idsOf('sources'),
    claims: idsOf('claims'),
    passages: idsOf('passages'),
    evidence: idsOf('evidence'),
  };
  const find = (table: keyof typeof local, uuid: string): number | undefined =>
    local[table].get(provenance.get(uuid) ?? uuid);
  const remember = (entity: MergedEntity, uuid: string, localUuid: string): void =>
    wrote(
      prepared(
        db,
        'INSERT OR IGNORE INTO provenance (uuid, entity, merge_id, local_uuid) VALUES (?, ?, ?, ?)',
      ).run(uuid, entity, mergeId, localUuid).changes,
    );
  const conflict = (c: {
    entity: MergedEntity;
    item: string;
    label: string;
    field: string;
    local: unknown;
    incoming: unknown;
    localReviewer: string;
    incomingReviewer: string;
  }): void => {
    const changes = prepared(
      db,
      `INSERT OR IGNORE INTO merge_conflicts (merge_id, entity, uuid, label, field, local_value,
         incoming_value, local_reviewer, incoming_reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      mergeId,
      c.entity,
      c.item,
      c.label,
      c.field,
      JSON.stringify(c.local ?? null),
      JSON.stringify(c.incoming ?? null),
      c.localReviewer,
      c.incomingReviewer,
    ).changes;
    if (changes === 0) return;
    wrote(changes);
    report.conflicts.push({
      id: null,
      ...c,
      local: (c.local ?? null) as MergeConflict['local'],
      incoming: (c.incoming ?? null) as MergeConflict['incoming'],
      fileName: ctx.fileName,
      resolution: null,
      resolvedBy: null,
      resolvedAt: null,
    });
  };
  const lastLocalReviewer = (entity: string, id: number): string =>
    (prepared(
      db,
      // The desk's own changes first: history copied in from a merged set only for an item it
      // brought and the desk has not changed since.
      `SELECT reviewer FROM audit_log WHERE entity = ? AND entity_id = ?
       ORDER BY merge_id IS NOT NULL, id DESC LIMIT 1`,
    )
      .pluck()
      .get(entity, id) as string | undefined) ?? ctx.reviewer;

  const textOf = (sha: string): string =>
    ctx.verified.texts.get(sha) ??
    (prepared(db, 'SELECT body FROM texts WHERE sha256 = ?').pluck().get(sha) as string);

  // A source named in a conflict: its id, and its name and outlet for the reviewer to read.
  const sourceRef = (id: number | null): { id: string; name: string } | null => {
    if (id === null) return null;
    const row = prepared(
      db,
      `SELECT s.uuid, s.name, o.name AS outlet FROM sources s JOIN outlets o ON o.id = s.outlet_id WHERE s.id = ?`,
    ).get(id) as { uuid: string; name: string; outlet: string };
    return {
      id: row.uuid,
      name: row.name === row.outlet ? row.name : `${row.name} (${row.outlet})`,
    };
  };
  const uuidOfSource = (id: number | null): string | null =>
    id === null
      ? null
      : (prepared(db, 'SELECT uuid FROM sources WHERE id = ?').pluck().get(id) as string);
  return {
    db,
    set,
    ctx,
    report,
    mergeId,
    /** The desk's ids by UUID, as they were when the merge began. */
    local,
    /** How many rows the merge has changed so far: none means nothing new. */
    get writes(): number {
      return writes;
    },
    wrote,
    find,
    remember,
    conflict,
    lastLocalReviewer,
    incomingReviewer,
    textOf,
    sourceRef,
    uuidOfSource,
  };
}

export type MergeRun = ReturnType<typeof startRun>;
