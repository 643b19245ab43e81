// What corroboration reads from the desk: the evidence, origin reviews and sources of one claim,
// some claims or all of them, and the bulk recomputation of every claim's status.
import type { ClaimSummary, Evidence } from '../../../shared/api.ts';
import type { Credibility } from '../../../shared/admiralty.ts';
import {
  assessClaim,
  conclude,
  decisionsByPair,
  foldOwnVoice,
  originOf,
  originWarnings,
  trigramsOf,
  type EvidenceItem,
  type OriginReview,
  type OriginTally,
  type WordingCandidate,
} from '../../../shared/corroboration.ts';
import type { Db } from './connection.ts';
import { loadSourceNodes } from './sources.ts';

export type EvidenceRow = EvidenceItem & Evidence;

export const EVIDENCE_SQL = `
  SELECT e.id, e.claim_id AS claimId, e.passage_id AS passageId, p.report_id AS reportId, r.title AS reportTitle,
         p.source_id AS sourceId, os.id AS outletSourceId, e.stance, e.credibility, e.note, p.exact,
         p.anchor_status AS passageStatus, coalesce(ps.name, os.name, 'No outlet') AS sourceName
  FROM evidence e
  JOIN passages p ON p.id = e.passage_id
  JOIN reports r ON r.id = p.report_id
  LEFT JOIN sources os ON os.outlet_id = r.outlet_id AND os.kind = 'outlet'
  LEFT JOIN sources ps ON ps.id = p.source_id`;

/** Everything corroboration needs, for one claim, some claims or all of them, in three queries. */
export function loadCorroborationInput(db: Db, claims?: number | readonly number[]) {
  // Some claims are named as a JSON array, so one statement serves any number of them.
  const which =
    claims === undefined
      ? { evidence: 'ORDER BY e.claim_id, e.id', reviews: '', params: [] }
      : {
          evidence:
            'WHERE e.claim_id IN (SELECT value FROM json_each(?)) ORDER BY e.claim_id, e.id',
          reviews: 'WHERE claim_id IN (SELECT value FROM json_each(?))',
          params: [JSON.stringify(typeof claims === 'number' ? [claims] : claims)],
        };
  const evidence = db
    .prepare(`${EVIDENCE_SQL} ${which.evidence}`)
    .all(...which.params) as EvidenceRow[];
  const byClaim = new Map<number, EvidenceRow[]>();
  for (const row of evidence) {
    let list = byClaim.get(row.claimId);
    if (!list) byClaim.set(row.claimId, (list = []));
    list.push(row);
  }
  const reviewRows = db
    .prepare(
      `SELECT claim_id AS claimId, passage_a AS passageA, passage_b AS passageB, decision FROM origin_reviews ${which.reviews}`,
    )
    .all(...which.params) as (OriginReview & { claimId: number })[];
  const reviews = new Map<number, OriginReview[]>();
  for (const r of reviewRows) reviews.set(r.claimId, [...(reviews.get(r.claimId) ?? []), r]);
  return { byClaim, reviews, sources: loadSourceNodes(db) };
}

export interface ClaimConclusion {
  status: ClaimSummary['status'];
  suggestedCredibility: Credibility;
  counts: ClaimSummary['counts'];
}

/**
 * Temp triggers note every passage whose words may have changed since the trigrams were cut: an
 * edit of its words, or a passage written under an id (an undone deletion brings one back).
 */
const WORDING_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS wording_changed (id INTEGER PRIMARY KEY);
  CREATE TEMP TRIGGER IF NOT EXISTS wording_changed_edit AFTER UPDATE OF exact ON main.passages
    BEGIN INSERT OR IGNORE INTO wording_changed VALUES (new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS wording_changed_in AFTER INSERT ON main.passages
    BEGIN INSERT OR IGNORE INTO wording_changed VALUES (new.id); END;`;

/** Each connection's passages' word trigrams, and the data_version they were last checked at. */
const trigramCache = new WeakMap<Db, { version: number; grams: Map<number, Set<string> | null> }>();

/**
 * Passages' word trigrams, kept for the connection: a passage backs several claims and the bulk
 * pass runs again after each change, so its words are read and cut once. The temp triggers drop
 * a passage whose words changed; a write by another connection (the CLI) drops them all.
 */
function cachedTrigrams(
  db: Db,
  passageIds: Iterable<number>,
): (passageId: number) => Set<string> | null {
  const read = (ids: number[], into: Map<number, Set<string> | null>): void => {
    for (const [id, exact] of db
      .prepare('SELECT id, exact FROM passages WHERE id IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify(ids)) as [number, string][])
      into.set(id, trigramsOf(exact));
  };
  // Inside a transaction the words read may yet be rolled back: they are not kept.
  if (db.inTransaction) {
    const fresh = new Map<number, Set<string> | null>();
    read([...passageIds], fresh);
    return (passageId) => fresh.get(passageId) ?? null;
  }
  let cache = trigramCache.get(db);
  if (!cache) {
    db.exec(WORDING_SQL);
    trigramCache.set(db, (cache = { version: -1, grams: new Map() }));
  }
  const { grams } = cache;
  const version = db.pragma('data_version', { simple: true }) as number;
  if (cache.version !== version) {
    grams.clear();
    cache.version = version;
  }
  const changed = db.prepare('SELECT id FROM temp.wording_changed').pluck().all() as number[];
  if (changed.length > 0) {
    for (const id of changed) grams.delete(id);
    db.exec('DELETE FROM temp.wording_changed');
  }
  const missing = [...passageIds].filter((id) => !grams.has(id));
  if (missing.length > 0) read(missing, grams);
  return (passageId) => grams.get(passageId) ?? null;
}

/** Flags packed under each link's passage id: bit 0 supports, bit 1 contradicts, then the credibility. */
const LINK_BITS = 32;

/**
 * The status, counts and suggested grade of every claim, recomputed from the evidence: each
 * passage's report, outlet and origin are worked out once into arrays indexed by passage id, the
 * evidence table is read in one scan as one number per link, and the links are grouped by claim
 * with a counting sort. Agrees with assessClaim (both fold an outlet's own voice with
 * `foldOwnVoice`, check wording with `originWarnings` and end in `conclude`). Only the claims that
 * come out plainly corroborated have their supporting passages' words read, for an undecided
 * shared-origin warning that would make them pending; claims whose reviewer confirmed a shared
 * origin go through assessClaim itself, in one batch.
 */
export function claimStatuses(db: Db): Map<number, ClaimConclusion> {
  const sources = loadSourceNodes(db);
  const outletSource = new Map<number, number>();
  for (const [id, source] of sources)
    if (source.kind === 'outlet') outletSource.set(source.outletId, id);
  const maxPassage =
    (db.prepare('SELECT max(id) FROM passages').pluck().get() as number | null) ?? 0;
  const size = maxPassage + 1;
  // Per passage: its report, its report's outlet (or -report), its origin (source id, or -report),
  // and the outlet whose own voice it is or whose named source it is attributed to (0: neither).
  // Narrow columns, so SQLite reads the covering indexes rather than the passages' text.
  const reportOf = new Int32Array(size);
  const outletOf = new Int32Array(size);
  const originOfPassage = new Int32Array(size);
  const voiceOf = new Int32Array(size);
  const namedIn = new Int32Array(size);
  const attribute = (passageId: number, sourceId: number): void => {
    originOfPassage[passageId] = rootOf(sourceId);
    const source = sources.get(sourceId);
    voiceOf[passageId] = source?.kind === 'outlet' ? source.outletId : 0;
    namedIn[passageId] = source?.kind === 'named' ? source.outletId : 0;
  };
  const outletOfReport = new Map<number, number | null>();
  for (const [id, outletId] of db.prepare('SELECT id, outlet_id FROM reports').raw().all() as [
    number,
    number | null,
  ][])
    outletOfReport.set(id, outletId);
  const roots = new Map<number, number>();
  const rootOf = (start: number): number => {
    let root = roots.get(start);
    if (root === undefined) roots.set(start, (root = originOf(start, sources).root));
    return root;
  };
  for (const [id, reportId] of db.prepare('SELECT id, report_id FROM passages').raw().all() as [
    number,
    number,
  ][]) {
    const outletId = outletOfReport.get(reportId) ?? null;
    reportOf[id] = reportId;
    outletOf[id] = outletId ?? -reportId;
    const start = outletId === null ? undefined : outletSource.get(outletId);
    if (start === undefined) originOfPassage[id] = -reportId;
    else attribute(id, start);
  }
  for (const [id, sourceId] of db
    .prepare('SELECT id, source_id FROM passages WHERE source_id IS NOT NULL')
    .raw()
    .all() as [number, number][])
    attribute(id, sourceId);
  // The outlet an origin sits in; a report without outlet (a negative origin) is one of its own.
  const outletOfOrigin = (origin: number): number | string =>
    origin > 0 ? (sources.get(origin)?.outletId ?? `source:${origin}`) : origin;

  const merged = new Set(
    db
      .prepare(`SELECT DISTINCT claim_id FROM origin_reviews WHERE decision = 'confirmed'`)
      .pluck()
      .all() as number[],
  );
  const claimIds = db.prepare('SELECT id FROM claims').pluck().all() as number[];
  const claimIndex = new Map<number, number>();
  for (let i = 0; i < claimIds.length; i++) claimIndex.set(claimIds[i] as number, i);

  // One number per link, claim_id × stride + passage_id × LINK_BITS + flags, in table order:
  // no per-row array and no index lookups. A desk whose ids are too large for one exact double
  // reads the claim in a column of its own.
  const stride = size * LINK_BITS;
  const maxClaim = claimIds.reduce((max, id) => Math.max(max, id), 0);
  const flags = `(stance = 'supports') + 2 * (stance = 'contradicts') + 4 * credibility`;
  let claimOfLink: Float64Array;
  let linkValue: Float64Array;
  if ((maxClaim + 1) * stride <= Number.MAX_SAFE_INTEGER) {
    const rows = db
      .prepare(`SELECT claim_id * ? + passage_id * ${LINK_BITS} + ${flags} FROM evidence`)
      .pluck()
      .all(stride) as number[];
    claimOfLink = new Float64Array(rows.length);
    linkValue = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      const claimId = Math.floor(row / stride);
      claimOfLink[i] = claimId;
      linkValue[i] = row - claimId * stride;
    }
  } else {
    const rows = db
      .prepare(`SELECT claim_id, passage_id * ${LINK_BITS} + ${flags} FROM evidence`)
      .raw()
      .all() as [number, number][];
    claimOfLink = Float64Array.from(rows, (row) => row[0]);
    linkValue = Float64Array.from(rows, (row) => row[1]);
  }
  // Counting sort of the links by claim (the table's order is the order they were added).
  const starts = new Int32Array(claimIds.length + 1);
  const claimAt = new Int32Array(claimOfLink.length);
  for (let i = 0; i < claimOfLink.length; i++) {
    const index = claimIndex.get(claimOfLink[i] as number) ?? -1;
    claimAt[i] = index;
    if (index >= 0) starts[index + 1] = (starts[index + 1] as number) + 1;
  }
  for (let c = 0; c < claimIds.length; c++)
    starts[c + 1] = (starts[c + 1] as number) + (starts[c] as number);
  const sorted = new Float64Array(linkValue.length);
  const next = starts.slice(0, claimIds.length);
  for (let i = 0; i < linkValue.length; i++) {
    const index = claimAt[i] as number;
    if (index < 0) continue;
    const at = next[index] as number;
    sorted[at] = linkValue[i] as number;
    next[index] = at + 1;
  }

  // A claim has a handful of evidence links: small arrays beat sets here.
  const passages: number[] = [];
  const reports: number[] = [];
  const outlets: number[] = [];
  // The claim's weighed links, in parallel arrays reused from claim to claim.
  const weighedPassage: number[] = [];
  const weighedSupports: boolean[] = [];
  const weighedCredibility: number[] = [];
  const voices: number[] = [];
  const named: number[] = [];
  const result = new Map<number, ClaimConclusion>();
  const merge: number[] = [];
  // Plainly corroborated claims wait for the wording check (an undecided warning makes them pending).
  const corroborated: {
    claimId: number;
    supporting: OriginTally[];
    weighed: number;
    counts: ClaimConclusion['counts'];
    candidates: WordingCandidate<number>[];
  }[] = [];
  for (let c = 0; c < claimIds.length; c++) {
    const claimId = claimIds[c] as number;
    if (merged.has(claimId)) {
      merge.push(claimId);
      continue;
    }
    passages.length = reports.length = outlets.length = 0;
    weighedPassage.length = weighedSupports.length = weighedCredibility.length = 0;
    // The outlets whose own voice speaks, and those whose named sources do: a fold needs both.
    voices.length = named.length = 0;
    for (let i = starts[c] as number; i < (starts[c + 1] as number); i++) {
      const link = sorted[i] as number;
      const passageId = Math.floor(link / LINK_BITS);
      const bits = link % LINK_BITS;
      const reportId = reportOf[passageId] as number;
      const outlet = outletOf[passageId] as number;
      if (!passages.includes(passageId)) passages.push(passageId);
      if (!reports.includes(reportId)) reports.push(reportId);
      if (!outlets.includes(outlet)) outlets.push(outlet);
      if ((bits & 3) === 0) continue; // context
      const voice = voiceOf[passageId] as number;
      const namedOutlet = namedIn[passageId] as number;
      if (voice !== 0 && !voices.includes(voice)) voices.push(voice);
      if (namedOutlet !== 0 && !named.includes(namedOutlet)) named.push(namedOutlet);
      weighedPassage.push(passageId);
      weighedSupports.push((bits & 1) === 1);
      weighedCredibility.push(bits >> 2);
    }
    // Context weighs on neither side and folds nothing: the weighed links suffice. An own voice
    // folds only where some named source speaks too.
    const origins = voices.some((outlet) => named.includes(outlet))
      ? foldOwnVoice(
          weighedPassage.map((passageId, i) => ({
            stance: weighedSupports[i] ? ('supports' as const) : ('contradicts' as const),
            origin: originOfPassage[passageId] as number,
            voiceOf: (voiceOf[passageId] as number) || null,
            namedIn: (namedIn[passageId] as number) || null,
          })),
        )
      : weighedPassage.map((passageId) => originOfPassage[passageId] as number);
    const supporting: OriginTally[] = [];
    const contradicting: OriginTally[] = [];
    for (let i = 0; i < weighedPassage.length; i++) {
      const origin = origins[i] as number;
      const credibility = weighedCredibility[i] as number;
      const side = weighedSupports[i] ? supporting : contradicting;
      const found = side.find((t) => t.key === origin);
      if (found) found.bestCredibility = Math.min(found.bestCredibility, credibility);
      else
        side.push({
          key: origin,
          outlet: outletOfOrigin(origin),
          reliability: origin > 0 ? (sources.get(origin)?.reliability ?? null) : null,
          bestCredibility: credibility,
        });
    }
    const counts = {
      passages: passages.length,
      reports: reports.length,
      outlets: outlets.length,
      supportingOrigins: supporting.length,
      contradictingOrigins: contradicting.length,
    };
    const { status, grade } = conclude(supporting, contradicting, weighedPassage.length);
    if (status === 'corroborated')
      corroborated.push({
        claimId,
        supporting,
        weighed: weighedPassage.length,
        counts,
        candidates: weighedPassage.flatMap((passageId, i) =>
          weighedSupports[i]
            ? [{ passageId, reportId: reportOf[passageId] as number, origin: origins[i] as number }]
            : [],
        ),
      });
    else result.set(claimId, { status, suggestedCredibility: grade, counts });
  }

  if (corroborated.length > 0) {
    // Only these claims' supporting passages are read for their words, once for all claims.
    const needed = new Set<number>();
    for (const claim of corroborated) for (const p of claim.candidates) needed.add(p.passageId);
    const reviews = new Map<number, OriginReview[]>();
    for (const r of db
      .prepare(
        `SELECT claim_id AS claimId, passage_a AS passageA, passage_b AS passageB, decision
         FROM origin_reviews WHERE claim_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(corroborated.map((claim) => claim.claimId))) as (OriginReview & {
      claimId: number;
    })[])
      reviews.set(r.claimId, [...(reviews.get(r.claimId) ?? []), r]);
    const gramsOf = cachedTrigrams(db, needed);
    for (const claim of corroborated) {
      const open = originWarnings(
        claim.candidates,
        gramsOf,
        decisionsByPair(reviews.get(claim.claimId) ?? []),
      ).filter((w) => !w.confirmed).length;
      const { status, grade } = conclude(claim.supporting, [], claim.weighed, open);
      result.set(claim.claimId, { status, suggestedCredibility: grade, counts: claim.counts });
    }
  }
  if (merge.length > 0) {
    const input = loadCorroborationInput(db, merge);
    for (const claimId of merge) {
      const a = assessClaim(
        input.byClaim.get(claimId) ?? [],
        input.sources,
        input.reviews.get(claimId),
      );
      result.set(claimId, {
        status: a.status,
        suggestedCredibility: a.suggestedCredibility,
        counts: a.counts,
      });
    }
  }
  return result;
}
