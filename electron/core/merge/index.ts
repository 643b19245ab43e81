// Merging a colleague's claim set (docs/claim-set.md). The set is read and checked whole first
// (read.ts), then every quote is checked against the text it names; only then is the desk written,
// in one transaction: reports matched by SHA-256 (or imported from the set's texts), sources and
// claims by UUID (a likely duplicate is merged only when the reviewer says so), passages placed in
// the desk's text of their report (or kept until it arrives), evidence linked. A value that differs
// between set and desk becomes a conflict listed with both values and both reviewers; nothing local
// is overwritten. A set merged twice changes nothing the second time: nothing new, nothing written.
import type {
  Duplicate,
  DuplicateDecision,
  MergeConflict,
  MergeReport,
  MergedEntity,
} from '../../../shared/api/sets.ts';
import {
  shaOfUrn,
  type ClaimSet,
  type SetClaim,
  type SetPassage,
  type SetSource,
} from '../../../shared/claim-set.ts';
import { convertOffsets } from '../../../shared/code-points.ts';
import { words } from '../../../shared/corroboration.ts';
import { appendAudit, reviewerName } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import { ensureOutlet } from '../db/reports.ts';
import { outletKey } from '../import/outlets.ts';
import {
  insertSetEvidence,
  insertSetPassage,
  placePassage,
  placePendingPassages,
  unitsIn,
  type PendingPassage,
  type WaitingFor,
} from '../db/set-passages.ts';
import { prepared } from '../db/statements.ts';
import { CHECKS_VERSION, readClaimSet, rejected } from './read.ts';

export { listConflicts, listPending, resolveConflict } from './conflicts.ts';

export interface MergeOptions {
  /** The file's name, for messages and provenance. */
  fileName: string;
  /** Check and plan only; the desk is not written. */
  dryRun: boolean;
  /** The reviewer's choice for likely duplicates, by the set's id; unlisted ones stay separate. */
  duplicates?: readonly { id: string; decision: DuplicateDecision }[];
  /** Who the merge is recorded under; the desk's reviewer unless told. */
  reviewer?: string;
  /** The largest file accepted, in bytes (CLAIM_SET_LIMITS.bytes unless told). */
  maxBytes?: number;
}

/** Thrown inside the transaction to roll back a dry run, or a merge that found nothing new. */
class RollBack extends Error {
  readonly report: MergeReport;
  constructor(report: MergeReport) {
    super('rolled back');
    this.report = report;
  }
}

/** "Reports say the market is open" and "Reports say: the market is open." are one claim. */
const wordingKey = (text: string): string => words(text).join(' ');

/** Merges the claim set in `content` (the file's bytes or text) into the desk. */
export function mergeClaimSet(
  db: Db,
  content: string | Uint8Array,
  options: MergeOptions,
): MergeReport {
  const { fileName } = options;
  const checkedBefore = prepared(
    db,
    `SELECT 1 FROM merges WHERE file_sha256 = ? AND json_extract(summary, '$.checks') = ${CHECKS_VERSION}`,
  );
  const { set, fileSha256, texts } = readClaimSet(
    content,
    fileName,
    options.maxBytes,
    (sha) => checkedBefore.get(sha) !== undefined,
  );
  const verified = verifyQuotes(db, set, texts, fileName);
  const reviewer = (options.reviewer ?? reviewerName(db)).trim();
  if (!options.dryRun && reviewer === '')
    throw rejected(
      fileName,
      'no reviewer is named on this desk (the app asks for one; the command line takes --reviewer); a merge records who made it',
    );
  try {
    return db
      .transaction(() => {
        const report = applySet(db, set, {
          fileName,
          fileSha256,
          texts,
          verified,
          reviewer: reviewer || '(no reviewer named)',
          decisions: new Map((options.duplicates ?? []).map((d) => [d.id, d.decision])),
        });
        if (options.dryRun || !report.changed)
          throw new RollBack({
            ...report,
            dryRun: options.dryRun,
            // Nothing was kept: the conflicts have no ids yet.
            conflicts: report.conflicts.map((c) => ({ ...c, id: null })),
          });
        return report;
      })
      .immediate();
  } catch (error) {
    if (error instanceof RollBack) return error.report;
    throw error;
  }
}

/** The texts the set's quotes were checked against, and each checked passage's position in its own. */
interface Verified {
  /** By SHA-256: carried by the set or held by the desk. */
  texts: Map<string, string>;
  /** By passage id: its position in code units of the text it was made on. */
  units: Map<string, [number, number]>;
}

/**
 * The quote of every passage whose text is at hand (carried by the set, or held by the desk) must
 * stand at its position there, with its context around it: a set whose quote contradicts its own
 * text was changed or made wrongly, and is refused. Each text's offsets are converted in one pass.
 */
function verifyQuotes(
  db: Db,
  set: ClaimSet,
  texts: Map<string, string>,
  fileName: string,
): Verified {
  const byText = new Map<string, SetPassage[]>();
  for (const p of set.passages) {
    const sha = shaOfUrn(p.target.source);
    let list = byText.get(sha);
    if (!list) byText.set(sha, (list = []));
    list.push(p);
  }
  const readText = prepared(db, 'SELECT body FROM texts WHERE sha256 = ?').pluck();
  const verified: Verified = { texts: new Map(), units: new Map() };
  for (const [sha, passages] of byText) {
    const text = texts.get(sha) ?? (readText.get(sha) as string | undefined);
    if (text === undefined) continue;
    verified.texts.set(sha, text);
    let units: number[];
    try {
      units = convertOffsets(
        text,
        passages.flatMap((p) => [p.target.selector[1].start, p.target.selector[1].end]),
        'units',
      );
    } catch {
      // Which one: each on its own, only now that one is known to be wrong.
      for (const p of passages) {
        const { start, end } = p.target.selector[1];
        try {
          convertOffsets(text, [start, end], 'units');
        } catch (error) {
          throw rejected(
            fileName,
            `passage ${p.id}'s position ${start}–${end} does not fit its text ${sha} (${(error as Error).message})`,
          );
        }
      }
      throw rejected(fileName, `a passage's position does not fit its text ${sha}`);
    }
    passages.forEach((p, i) => {
      const [quote] = p.target.selector;
      const start = units[2 * i] as number;
      const end = units[2 * i + 1] as number;
      const there = text.slice(start, end);
      if (
        there !== quote.exact ||
        start < quote.prefix.length ||
        !text.startsWith(quote.prefix, start - quote.prefix.length) ||
        !text.startsWith(quote.suffix, end)
      )
        throw rejected(
          fileName,
          `passage ${p.id} quotes “${clip(quote.exact)}” at ${p.target.selector[1].start}–${p.target.selector[1].end}, but its text reads “${clip(there)}” there`,
        );
      verified.units.set(p.id, [start, end]);
    });
  }
  return verified;
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

interface Context {
  fileName: string;
  fileSha256: string;
  texts: Map<string, string>;
  verified: Verified;
  reviewer: string;
  decisions: Map<string, DuplicateDecision>;
}

function applySet(db: Db, set: ClaimSet, ctx: Context): MergeReport {
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

  // Sources: by UUID; an outlet by its name (outlets are named alike everywhere); a named source
  // with the same name in the same outlet is a likely duplicate, merged only on the reviewer's word.
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
  // Reports: by the SHA-256 of their text, now or in an earlier version.
  const reportByUrn = new Map<string, { id: number; sha256: string; title: string } | null>();
  const findReport = prepared(
    db,
    `SELECT r.id, r.sha256, r.title FROM report_versions v JOIN reports r ON r.id = v.report_id
     WHERE v.sha256 = ? ORDER BY v.version DESC LIMIT 1`,
  );
  for (const r of set.reports) {
    const found = findReport.get(r.sha256) as
      { id: number; sha256: string; title: string } | undefined;
    if (found) {
      report.reports.matched++;
      reportByUrn.set(r.id, found);
    } else if (r.text !== undefined) {
      reportByUrn.set(r.id, { id: insertReport(db, r, r.text), sha256: r.sha256, title: r.title });
      report.reports.imported++;
      wrote(1);
    } else {
      report.reports.missing++;
      reportByUrn.set(r.id, null);
    }
  }
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

  // Claims: by UUID; the same wording is a likely duplicate.
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

  // Passages: by UUID, else placed in the desk's text of their report, else kept for it.
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
  const pending = new Map<string, PendingPassage & { sha256: string; waitingFor: WaitingFor }>();
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

  // Evidence: by UUID, or the same claim and passage already linked; else linked, or kept with its
  // passage until that is placed.
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

  // Passages an earlier merge left waiting for a text this set carries.
  for (const [sha, text] of ctx.texts) wrote(placePendingPassages(db, sha, text));

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

  report.changed = writes > 0;
  const summary = {
    checks: CHECKS_VERSION,
    file: ctx.fileName,
    sha256: ctx.fileSha256,
    from: report.from,
    reports: report.reports,
    sources: report.sources,
    claims: report.claims,
    passages: {
      created: report.passages.created,
      matched: report.passages.matched,
      reanchored: report.passages.reanchored.length,
      orphaned: report.passages.orphaned.length,
      pending: report.passages.pending.length,
    },
    evidence: report.evidence,
    conflicts: report.conflicts.length,
    duplicates: report.duplicates.map((d: Duplicate) => ({
      id: d.incoming.id,
      decision: d.decision,
    })),
  };
  prepared(db, 'UPDATE merges SET summary = ? WHERE id = ?').run(JSON.stringify(summary), mergeId);
  if (report.changed)
    appendAudit(db, {
      reviewer: ctx.reviewer,
      action: 'set.merge',
      entity: 'merge',
      entityId: mergeId,
      after: summary,
    });
  // The conflicts as stored, with their ids.
  if (report.conflicts.length > 0) {
    const ids = prepared(db, 'SELECT id FROM merge_conflicts WHERE merge_id = ? ORDER BY id')
      .pluck()
      .all(mergeId) as number[];
    report.conflicts = report.conflicts.map((c, i) => ({ ...c, id: ids[i] ?? null }));
  }
  return report;
}

/** A report from the set's text, under the set's metadata and import time. */
function insertReport(db: Db, r: ClaimSet['reports'][number], text: string): number {
  prepared(db, 'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
    r.sha256,
    text,
    text.length,
  );
  const outletId = r.outlet ? ensureOutlet(db, r.outlet) : null;
  const id = Number(
    prepared(
      db,
      `INSERT INTO reports (sha256, title, outlet_id, byline, published_at, url, language, format,
                            original_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.sha256,
      r.title,
      outletId,
      r.byline,
      r.publishedAt,
      r.url,
      r.language,
      r.format,
      r.originalName,
      r.importedAt,
    ).lastInsertRowid,
  );
  prepared(
    db,
    'INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at) VALUES (?, 1, ?, ?, ?)',
  ).run(id, r.sha256, r.originalName, r.importedAt);
  prepared(db, 'INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)').run(
    id,
    r.title,
    text,
  );
  return id;
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
