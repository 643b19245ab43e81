// What corroboration reads from the desk: the evidence, origin reviews and sources of one claim,
// some claims or all of them, and the bulk recomputation of every claim's status.
import type { ClaimSummary, Evidence } from '../../../shared/api.ts';
import type { Credibility } from '../../../shared/admiralty.ts';
import {
  assessClaim,
  conclude,
  originOf,
  type EvidenceItem,
  type OriginReview,
  type OriginTally,
  type Stance,
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
 * The status, counts and suggested grade of every claim, recomputed from the evidence: each
 * passage's origin is worked out once, then one ordered scan of the evidence table concludes
 * every claim. Agrees with assessClaim (both end in `conclude`); claims whose reviewer confirmed
 * a shared origin go through assessClaim itself.
 */
export function claimStatuses(db: Db): Map<number, ClaimConclusion> {
  const sources = loadSourceNodes(db);
  const outletSource = new Map<number, number>();
  for (const [id, source] of sources)
    if (source.kind === 'outlet') outletSource.set(source.outletId, id);
  // Per passage: its report, its report's outlet (or -report) and its origin (source id, or -report).
  const passageRows = db
    .prepare(
      'SELECT p.id, p.report_id, p.source_id, r.outlet_id FROM passages p JOIN reports r ON r.id = p.report_id',
    )
    .raw()
    .all() as [number, number, number | null, number | null][];
  const size = passageRows.reduce((max, [id]) => Math.max(max, id), 0) + 1;
  const reportOf = new Int32Array(size);
  const outletOf = new Int32Array(size);
  const originOfPassage = new Int32Array(size);
  const roots = new Map<number, number>();
  for (const [id, reportId, sourceId, outletId] of passageRows) {
    reportOf[id] = reportId;
    outletOf[id] = outletId ?? -reportId;
    const start = sourceId ?? (outletId === null ? undefined : outletSource.get(outletId));
    if (start === undefined) originOfPassage[id] = -reportId;
    else {
      let root = roots.get(start);
      if (root === undefined) roots.set(start, (root = originOf(start, sources).root));
      originOfPassage[id] = root;
    }
  }
  const merged = new Set(
    db
      .prepare(`SELECT DISTINCT claim_id FROM origin_reviews WHERE decision = 'confirmed'`)
      .pluck()
      .all() as number[],
  );
  const result = new Map<number, ClaimConclusion>();
  for (const id of db.prepare('SELECT id FROM claims').pluck().all() as number[]) {
    result.set(id, {
      status: 'no-evidence',
      suggestedCredibility: 6,
      counts: {
        passages: 0,
        reports: 0,
        outlets: 0,
        supportingOrigins: 0,
        contradictingOrigins: 0,
      },
    });
  }

  // A claim has a handful of evidence links: small arrays beat sets here.
  let current = -1;
  let supporting: OriginTally[] = [];
  let contradicting: OriginTally[] = [];
  let weighed = 0;
  let passages: number[] = [];
  let reports: number[] = [];
  let outlets: number[] = [];
  const finish = (): void => {
    if (current < 0 || merged.has(current)) return;
    const { status, grade } = conclude(supporting, contradicting, weighed);
    result.set(current, {
      status,
      suggestedCredibility: grade,
      counts: {
        passages: passages.length,
        reports: reports.length,
        outlets: outlets.length,
        supportingOrigins: supporting.length,
        contradictingOrigins: contradicting.length,
      },
    });
  };
  const rows = db
    .prepare('SELECT claim_id, stance, credibility, passage_id FROM evidence ORDER BY claim_id')
    .raw()
    .all() as [number, Stance, number, number][];
  for (const [claimId, stance, credibility, passageId] of rows) {
    if (claimId !== current) {
      finish();
      current = claimId;
      supporting = [];
      contradicting = [];
      weighed = 0;
      passages = [];
      reports = [];
      outlets = [];
    }
    const reportId = reportOf[passageId] as number;
    const outlet = outletOf[passageId] as number;
    if (!passages.includes(passageId)) passages.push(passageId);
    if (!reports.includes(reportId)) reports.push(reportId);
    if (!outlets.includes(outlet)) outlets.push(outlet);
    if (stance === 'context') continue;
    weighed++;
    const origin = originOfPassage[passageId] as number;
    const side = stance === 'supports' ? supporting : contradicting;
    const found = side.find((t) => t.key === origin);
    if (found) found.bestCredibility = Math.min(found.bestCredibility, credibility);
    else
      side.push({
        key: origin,
        reliability: origin > 0 ? (sources.get(origin)?.reliability ?? null) : null,
        bestCredibility: credibility,
      });
  }
  finish();
  for (const id of merged) {
    const input = loadCorroborationInput(db, id);
    const a = assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id));
    result.set(id, {
      status: a.status,
      suggestedCredibility: a.suggestedCredibility,
      counts: a.counts,
    });
  }
  return result;
}
