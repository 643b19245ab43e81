// npm run bench sets: exporting and merging a claim set of the claims benches' desk (10,000 claims,
// 100,000 evidence links), each against a bare peer doing the same work, measured in the same run:
// - the export as the user waits for it (read the desk, compute statuses and origins, build and
//   serialise) against JSON.stringify of the same set already in memory;
// - its merge into an empty desk against bare better-sqlite3 inserts of the same rows, from the
//   same file, in one transaction with prepared statements (JSON.parse of the file included: the
//   merge must parse it too);
// - merging it a second time (nothing new) against the first merge.
// The claims desk is made a little more like a reviewed desk first (real SHA-256s, quote context,
// grades, verdicts, tags, history): a set is checked against all of these on merge.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MergeReport } from '../../shared/api/sets.ts';
import { shaOfUrn, type ClaimSet } from '../../shared/claim-set.ts';
import { convertOffsets } from '../../shared/code-points.ts';
import { openDesk, type Db } from '../../electron/core/db/connection.ts';
import { buildClaimSet } from '../../electron/core/export/claim-set.ts';
import { exportFiles } from '../../electron/core/export/index.ts';
import { normaliseText } from '../../electron/core/import/normalise.ts';
import { outletKey } from '../../electron/core/import/outlets.ts';
import { mergeClaimSet } from '../../electron/core/merge/index.ts';
import { buildClaimsDesk, CLAIMS, LINKS } from './claims-desk.ts';
import { compare, median, summary, time, verdict } from './harness.ts';

// The export takes seconds and the machine is shared: more rounds for it than for the merges.
const EXPORT_ROUNDS = 9;
const ROUNDS = 5;
const CONTEXT = 32;

const work = mkdtempSync(join(tmpdir(), 'source-desk-sets-bench-'));

/** Real SHA-256s (a merge checks every text against its own), quote context, and review work. */
function likeAReviewedDesk(db: Db): void {
  const sha = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');
  const texts = db.prepare('SELECT sha256, body FROM texts').raw().all() as [string, string][];
  // The generator's stand-in hashes are replaced everywhere they are named.
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    const renames = [
      db.prepare('UPDATE texts SET sha256 = ? WHERE sha256 = ?'),
      db.prepare('UPDATE reports SET sha256 = ? WHERE sha256 = ?'),
      db.prepare('UPDATE passages SET sha256 = ? WHERE sha256 = ?'),
    ];
    for (const [old, body] of texts) {
      if (normaliseText(body) !== body) throw new Error(`generated text ${old} is not normalised`);
      for (const rename of renames) rename.run(sha(body), old);
    }
    const bodies = new Map(
      db.prepare('SELECT sha256, body FROM texts').raw().all() as [string, string][],
    );
    const context = db.prepare('UPDATE passages SET prefix = ?, suffix = ? WHERE id = ?');
    for (const [id, sha256, start, end] of db
      .prepare('SELECT id, sha256, position_start, position_end FROM passages')
      .raw()
      .all() as [number, string, number, number][]) {
      const body = bodies.get(sha256) as string;
      context.run(
        body.slice(Math.max(0, start - CONTEXT), start),
        body.slice(end, end + CONTEXT),
        id,
      );
    }
    // A named source is made after its outlet (the generator stamps them all alike, so the set's
    // order of sources, by creation time then id, would otherwise put some before their outlet).
    db.exec(`
      UPDATE sources SET created_at = '2026-01-01T00:00:01Z' WHERE kind = 'named';
      INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at)
        SELECT id, 1, sha256, original_name, imported_at FROM reports;
      UPDATE claims SET verdict = CASE id % 10 WHEN 0 THEN 'verified' WHEN 1 THEN 'refuted'
                                               WHEN 2 THEN 'unresolved' END,
                        verdict_rationale = CASE WHEN id % 10 < 3 THEN 'Checked against ' || id
                                                 ELSE '' END;
      INSERT INTO claim_tags (claim_id, tag) SELECT id, 'topic-' || (id % 37) FROM claims;
      INSERT INTO claim_tags (claim_id, tag) SELECT id, 'region-' || (id % 11) FROM claims WHERE id % 3 = 0;
      INSERT INTO ratings (source_id, reliability, rationale, reviewer, rated_at)
        SELECT id, substr('ABCDEF', 1 + id % 6, 1), 'Track record ' || id, 'Bench', '2026-01-02T00:00:00Z'
        FROM sources;
      INSERT INTO ratings (source_id, reliability, rationale, reviewer, rated_at)
        SELECT id, substr('ABCDEF', 1 + (id + 1) % 6, 1), 'Revised ' || id, 'Bench', '2026-01-03T00:00:00Z'
        FROM sources WHERE id % 4 = 0;
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT '2026-01-01T00:00:00Z', 'Bench', 'source.create', 'source', id, NULL,
               json_object('name', name) FROM sources WHERE kind = 'named';
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT rated_at, reviewer, 'source.rate', 'source', source_id, NULL,
               json_object('reliability', reliability) FROM ratings;
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT created_at, 'Bench', 'passage.create', 'passage', id, NULL,
               json_object('exact', exact) FROM passages;
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT created_at, 'Bench', 'claim.create', 'claim', id, NULL, json_object('text', text)
        FROM claims;
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT created_at, 'Bench', 'evidence.link', 'claim', claim_id, NULL,
               json_object('passage', passage_id, 'stance', stance) FROM evidence;
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after)
        SELECT '2026-01-04T00:00:00Z', 'Bench', 'claim.verdict', 'claim', id, NULL,
               json_object('verdict', verdict) FROM claims WHERE verdict IS NOT NULL;
    `);
  })();
  db.pragma('foreign_keys = ON');
  const broken = db.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`the bench desk has ${broken.length} dangling references`);
}

/** An empty desk with a reviewer named, in a file of its own; its open handle. */
let made = 0;
function emptyDesk(): { db: Db; drop: () => void } {
  const file = join(work, `empty-${++made}.sqlite`);
  const { db } = openDesk(file);
  db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'Bench')`).run();
  return {
    db,
    drop: () => {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * The bare peer of a merge into an empty desk: the same rows (texts, reports with their version
 * and search entry, outlets, sources, ratings, claims, tags, passages, evidence, history) written
 * from the parsed file with prepared statements in one transaction. No checks, no matching, no
 * provenance: what any writer of these rows must do at the least.
 */
function bareInserts(db: Db, content: string): void {
  const set = JSON.parse(content) as ClaimSet;
  const now = new Date().toISOString();
  const insert = {
    outlet: db.prepare('INSERT INTO outlets (name, name_key, created_at) VALUES (?, ?, ?)'),
    source: db.prepare(
      'INSERT INTO sources (uuid, outlet_id, name, kind, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    cites: db.prepare('UPDATE sources SET derives_from_id = ? WHERE id = ?'),
    rating: db.prepare(
      'INSERT INTO ratings (source_id, reliability, rationale, reviewer, rated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    text: db.prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)'),
    report: db.prepare(
      `INSERT INTO reports (sha256, title, outlet_id, byline, published_at, url, language, format,
                            original_name, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    version: db.prepare(
      'INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at) VALUES (?, 1, ?, ?, ?)',
    ),
    search: db.prepare('INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)'),
    claim: db.prepare(
      `INSERT INTO claims (uuid, text, verdict, verdict_rationale, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    tag: db.prepare('INSERT INTO claim_tags (claim_id, tag) VALUES (?, ?)'),
    passage: db.prepare(
      `INSERT INTO passages (uuid, report_id, sha256, position_start, position_end, exact, prefix,
                             suffix, note, source_id, anchor_status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    evidence: db.prepare(
      `INSERT INTO evidence (uuid, claim_id, passage_id, stance, credibility, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    audit: db.prepare(
      'INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };
  const id = (info: { lastInsertRowid: number | bigint }): number => Number(info.lastInsertRowid);
  db.transaction(() => {
    const outlets = new Map<string, number>();
    const outletOf = (name: string, createdAt: string): number => {
      let found = outlets.get(name);
      if (found === undefined)
        outlets.set(name, (found = id(insert.outlet.run(name, outletKey(name), createdAt))));
      return found;
    };
    const sources = new Map<string, number>();
    for (const s of set.sources) {
      const sourceId = id(
        insert.source.run(
          s.id,
          outletOf(s.outlet, s.createdAt),
          s.name,
          s.kind,
          s.note,
          s.createdAt,
        ),
      );
      sources.set(s.id, sourceId);
      for (const r of s.history)
        insert.rating.run(sourceId, r.reliability, r.rationale, r.reviewer, r.at);
    }
    for (const s of set.sources)
      if (s.cites !== null) insert.cites.run(sources.get(s.cites), sources.get(s.id));
    const reports = new Map<string, number>();
    const texts = new Map<string, string>();
    for (const r of set.reports) {
      const text = r.text as string;
      texts.set(r.sha256, text);
      insert.text.run(r.sha256, text, text.length);
      const reportId = id(
        insert.report.run(
          r.sha256,
          r.title,
          r.outlet === null ? null : outletOf(r.outlet, now),
          r.byline,
          r.publishedAt,
          r.url,
          r.language,
          r.format,
          r.originalName,
          r.importedAt,
        ),
      );
      insert.version.run(reportId, r.sha256, r.originalName, r.importedAt);
      insert.search.run(reportId, r.title, text);
      reports.set(r.id, reportId);
    }
    const claims = new Map<string, number>();
    for (const c of set.claims) {
      const claimId = id(
        insert.claim.run(c.id, c.text, c.verdict, c.rationale, c.createdAt, c.updatedAt),
      );
      claims.set(c.id, claimId);
      for (const tag of c.tags) insert.tag.run(claimId, tag);
    }
    // The set counts code points, the desk code units: one pass over each text for its passages.
    const byText = new Map<string, ClaimSet['passages']>();
    for (const p of set.passages) {
      const sha = shaOfUrn(p.target.source);
      let list = byText.get(sha);
      if (!list) byText.set(sha, (list = []));
      list.push(p);
    }
    const passages = new Map<string, number>();
    for (const [sha, list] of byText) {
      const units = convertOffsets(
        texts.get(sha) as string,
        list.flatMap((p) => [p.target.selector[1].start, p.target.selector[1].end]),
        'units',
      );
      list.forEach((p, i) => {
        const [quote] = p.target.selector;
        passages.set(
          p.id,
          id(
            insert.passage.run(
              p.id,
              reports.get(p.report),
              sha,
              units[2 * i],
              units[2 * i + 1],
              quote.exact,
              quote.prefix,
              quote.suffix,
              p.note,
              p.source === null ? null : sources.get(p.source),
              p.status,
              p.createdAt,
              p.updatedAt,
            ),
          ),
        );
      });
    }
    for (const e of set.evidence)
      insert.evidence.run(
        e.id,
        claims.get(e.claim),
        passages.get(e.passage),
        e.stance,
        e.credibility,
        e.note,
        e.createdAt,
      );
    const local = { claim: claims, source: sources, passage: passages };
    for (const a of set.audit)
      insert.audit.run(
        a.at,
        a.reviewer,
        a.action,
        a.entity,
        local[a.entity].get(a.item),
        a.before === null ? null : JSON.stringify(a.before),
        a.after === null ? null : JSON.stringify(a.after),
      );
  })();
}

/** Row counts (and a checksum of passage positions) of the tables both sides write. */
const TABLES = [
  'texts',
  'reports',
  'report_versions',
  'outlets',
  'sources',
  'ratings',
  'claims',
  'claim_tags',
  'passages',
  'evidence',
  'audit_log',
] as const;
function rowsOf(db: Db): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const table of TABLES)
    rows[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  rows['passage positions'] = db
    .prepare('SELECT total(position_start) + 7 * total(position_end) FROM passages')
    .pluck()
    .get() as number;
  rows['search entries'] = db
    .prepare(`SELECT count(*) FROM report_search WHERE report_search MATCH 'the'`)
    .pluck()
    .get() as number;
  return rows;
}

/** Fails loudly when a merge did not do the whole work (or, the second time, did any). */
function checkMerge(report: MergeReport, set: ClaimSet, first: boolean): void {
  const want = first
    ? {
        changed: true,
        'reports imported': set.reports.length,
        'sources created': set.sources.length,
        'claims created': set.claims.length,
        'passages created': set.passages.length,
        'evidence created': set.evidence.length,
        'audit entries': set.audit.length,
      }
    : {
        changed: false,
        'reports matched': set.reports.length,
        'sources matched': set.sources.length,
        'claims matched': set.claims.length,
        'passages matched': set.passages.length,
        'evidence matched': set.evidence.length,
        'audit entries': 0,
      };
  const got: Record<string, unknown> = {
    changed: report.changed,
    'reports imported': report.reports.imported,
    'reports matched': report.reports.matched,
    'sources created': report.sources.created,
    'sources matched': report.sources.matched,
    'claims created': report.claims.created,
    'claims matched': report.claims.matched,
    'passages created': report.passages.created,
    'passages matched': report.passages.matched,
    'evidence created': report.evidence.created,
    'evidence matched': report.evidence.matched,
    'audit entries': report.audit,
  };
  const wrong = Object.entries(want).filter(([key, value]) => got[key] !== value);
  const stray = [
    ['reanchored', report.passages.reanchored.length],
    ['orphaned', report.passages.orphaned.length],
    ['pending', report.passages.pending.length],
    ['conflicts', report.conflicts.length],
    ['duplicates', report.duplicates.length],
  ].filter(([, n]) => n !== 0);
  if (wrong.length || stray.length)
    throw new Error(
      `the ${first ? 'first' : 'second'} merge did not do the bench's work: ${[
        ...wrong.map(([key, value]) => `${key} ${String(got[key])}, expected ${String(value)}`),
        ...stray.map(([key, n]) => `${n} ${key}`),
      ].join('; ')}`,
    );
}

try {
  const { db } = buildClaimsDesk(work);
  likeAReviewedDesk(db);

  // 1. Export.
  const bare = buildClaimSet(db, { filter: null, withTexts: false });
  const exported = (withTexts: boolean): string => {
    const file = exportFiles(db, { format: 'set', filter: null, withTexts }).files[0];
    if (!file || file.content.length < 1000) throw new Error('the export wrote no set');
    return file.content;
  };
  const plain = exported(false);
  // The same bytes on both sides (the export time aside), or the comparison is not like for like.
  const stringified = `${JSON.stringify(bare)}\n`;
  if (Math.abs(stringified.length - plain.length) > 8)
    throw new Error(
      `the export is ${plain.length} characters, its JSON.stringify ${stringified.length}`,
    );
  console.log(
    `set: ${bare.claims.length} claims, ${bare.evidence.length} evidence links, ${bare.passages.length} passages, ${bare.reports.length} reports, ${bare.sources.length} sources, ${bare.audit.length} audit entries; ${(plain.length / 1048576).toFixed(1)} MiB without texts`,
  );
  if (bare.claims.length !== CLAIMS || bare.evidence.length < LINKS * 0.99)
    throw new Error('the set does not hold the whole desk');
  let sink = 0;
  await compare({
    title: `export of the claim set at ${CLAIMS} claims / ${LINKS} links`,
    baseline: {
      name: 'JSON.stringify of the same set in memory',
      run: () => time(() => (sink += JSON.stringify(bare).length)),
    },
    subject: {
      name: "exportFiles 'set' (read, statuses, origins, write)",
      run: () => time(() => (sink += exported(false).length)),
    },
    rounds: EXPORT_ROUNDS,
    target: { kind: 'time', atMost: 3 },
  });
  const full = buildClaimSet(db, { filter: null, withTexts: true });
  const content = exported(true);
  await compare({
    title: `export with the reports' texts (${(content.length / 1048576).toFixed(1)} MiB)`,
    baseline: {
      name: 'JSON.stringify of the same set in memory',
      run: () => time(() => (sink += JSON.stringify(full).length)),
    },
    subject: {
      name: "exportFiles 'set', withTexts",
      run: () => time(() => (sink += exported(true).length)),
    },
    rounds: ROUNDS,
    target: { kind: 'time', atMost: 3 },
    informational: true,
  });
  db.close();

  // 2 and 3. Merge into an empty desk, then the same set again into that desk.
  const fileName = 'claim-set.json';
  const seconds: number[] = [];
  const firsts: number[] = [];
  let merged: Record<string, number> | null = null;
  let inserted: Record<string, number> | null = null;
  let provenance = 0;
  const merge = await compare({
    title: `merge of that set (with texts) into an empty desk`,
    baseline: {
      name: 'bare inserts of the same rows (JSON.parse included)',
      run: () => {
        const desk = emptyDesk();
        try {
          const ms = time(() => bareInserts(desk.db, content));
          inserted ??= rowsOf(desk.db);
          return ms;
        } finally {
          desk.drop();
        }
      },
    },
    subject: {
      name: 'mergeClaimSet',
      run: () => {
        const desk = emptyDesk();
        try {
          let report: MergeReport | null = null;
          const ms = time(
            () => (report = mergeClaimSet(desk.db, content, { fileName, dryRun: false })),
          );
          checkMerge(report as unknown as MergeReport, full, true);
          if (merged === null) {
            merged = rowsOf(desk.db);
            provenance = desk.db.prepare('SELECT count(*) FROM provenance').pluck().get() as number;
          }
          let again: MergeReport | null = null;
          const second = time(
            () => (again = mergeClaimSet(desk.db, content, { fileName, dryRun: false })),
          );
          checkMerge(again as unknown as MergeReport, full, false);
          firsts.push(ms);
          seconds.push(second);
          return ms;
        } finally {
          desk.drop();
        }
      },
    },
    rounds: ROUNDS,
    target: { kind: 'time', atMost: 3 },
  });
  // Both sides wrote the same rows (the merge adds its own entry to the history).
  const differ = Object.keys(merged ?? {}).filter(
    (key) => (merged?.[key] ?? 0) - (key === 'audit_log' ? 1 : 0) !== (inserted?.[key] ?? -1),
  );
  console.log(`  rows written by each side: ${JSON.stringify(inserted)}`);
  console.log(
    `  the merge also writes ${provenance} provenance rows, its merges row and its own history entry (not in the baseline)`,
  );
  if (differ.length)
    throw new Error(
      `the baseline did not write the merge's rows: ${differ.map((k) => `${k} ${inserted?.[k]} vs ${merged?.[k]}`).join(', ')}`,
    );

  // The second merge follows its first in the same round, so the pairs are the merge rounds
  // (warm-up left out): alternating would need the first merge's desk before it exists.
  const measured = firsts.slice(-merge.subject.length);
  const again = seconds.slice(-merge.subject.length);
  const title = 'merging the same set a second time (nothing new)';
  console.log(title);
  console.log(summary('baseline: the first merge (same rounds)', measured));
  console.log(summary('subject:  the second merge', again));
  const ratio = median(again) / median(measured);
  const perRound = again.map((s, i) => s / (measured[i] as number));
  console.log(
    `  subject/baseline time (medians) ${ratio.toFixed(2)}×; per round ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}×; target ≤ 0.5×`,
  );
  verdict(title, `${ratio.toFixed(2)}× (medians; target ≤ 0.5×)`, ratio <= 0.5);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
