import type { AuditEntry, ClaimDetail, ClaimSummary, Evidence } from '../../../shared/api.ts';
import type { Credibility } from '../../../shared/admiralty.ts';
import {
  assessClaim,
  conclude,
  originOf,
  sharedOriginWarnings,
  type OriginTally,
  type ClaimAssessment,
  type EvidenceItem,
  type OriginReview,
  type Stance,
} from '../../../shared/corroboration.ts';
import { appendAudit, reviewerName } from './audit.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { loadSourceNodes } from './sources.ts';

type Verdict = 'verified' | 'refuted' | 'unresolved';

export interface ClaimRow {
  id: number;
  text: string;
  verdict: Verdict | null;
  verdictRationale: string;
  updatedAt: string;
  tags: string | null;
}

type EvidenceRow = EvidenceItem & Evidence;

const EVIDENCE_SQL = `
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

const splitTags = (tags: string | null): string[] => (tags ? tags.split('\u001f').sort() : []);

function summary(row: ClaimRow, conclusion: ClaimConclusion, openWarnings: number): ClaimSummary {
  return {
    id: row.id,
    text: row.text,
    tags: splitTags(row.tags),
    verdict: row.verdict,
    verdictRationale: row.verdictRationale,
    status: conclusion.status,
    suggestedCredibility: conclusion.suggestedCredibility,
    counts: conclusion.counts,
    openWarnings,
    updatedAt: row.updatedAt,
  };
}

const openWarningCount = (a: ClaimAssessment): number =>
  a.warnings.filter((w) => !w.confirmed).length;

/** A claim's summary from its row and its own assessment. */
export const summarise = (row: ClaimRow, a: ClaimAssessment): ClaimSummary =>
  summary(row, a, openWarningCount(a));

export const CLAIM_SQL = `
  SELECT c.id, c.text, c.verdict, c.verdict_rationale AS verdictRationale, c.updated_at AS updatedAt,
         (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id) AS tags
  FROM claims c`;

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

/** Every claim with its computed status, counts, open shared-origin warnings and verdict. */
export function listClaims(db: Db): ClaimSummary[] {
  const rows = db.prepare(`${CLAIM_SQL} ORDER BY c.id`).all() as ClaimRow[];
  const statuses = claimStatuses(db);
  // Warnings need the wording; only claims with two supporting origins can have any.
  const input = loadCorroborationInput(db);
  return rows.map((row) => {
    const conclusion = statuses.get(row.id) as ClaimConclusion;
    const warnings =
      conclusion.counts.supportingOrigins >= 2
        ? sharedOriginWarnings(
            input.byClaim.get(row.id) ?? [],
            input.sources,
            input.reviews.get(row.id),
          )
        : [];
    return summary(row, conclusion, warnings.filter((w) => !w.confirmed).length);
  });
}

function claimRow(db: Db, id: number): ClaimRow {
  const row = db.prepare(`${CLAIM_SQL} WHERE c.id = ?`).get(id) as ClaimRow | undefined;
  if (!row) throw new DeskError('not-found', `claim ${id} does not exist`);
  return row;
}

export function getClaimSummary(db: Db, id: number): ClaimSummary {
  const row = claimRow(db, id);
  const input = loadCorroborationInput(db, id);
  return summarise(
    row,
    assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id)),
  );
}

/** A claim with its evidence grouped by origin, the warnings to review and the suggested grade. */
export function getClaim(db: Db, id: number): ClaimDetail {
  const row = claimRow(db, id);
  const input = loadCorroborationInput(db, id);
  const evidence = input.byClaim.get(id) ?? [];
  const a = assessClaim(evidence, input.sources, input.reviews.get(id));
  const byPassage = new Map(evidence.map((e) => [e.passageId, e]));
  const toEvidence = (e: EvidenceItem): Evidence => {
    const r = e as EvidenceRow;
    return {
      id: r.id,
      claimId: r.claimId,
      passageId: r.passageId,
      reportId: r.reportId,
      reportTitle: r.reportTitle,
      sourceId: r.sourceId,
      sourceName: r.sourceName,
      stance: r.stance,
      credibility: r.credibility,
      note: r.note,
      exact: r.exact,
      passageStatus: r.passageStatus,
    };
  };
  const groups = (list: ClaimAssessment['supporting']) =>
    list.map((g) => ({ ...g, evidence: g.evidence.map(toEvidence) }));
  return {
    ...summary(row, a, openWarningCount(a)),
    suggestionReason: a.suggestionReason,
    supporting: groups(a.supporting),
    contradicting: groups(a.contradicting),
    context: groups(a.context),
    warnings: a.warnings.map((w) => ({
      ...w,
      quoteA: byPassage.get(w.passageA)?.exact ?? '',
      quoteB: byPassage.get(w.passageB)?.exact ?? '',
      reportA: byPassage.get(w.passageA)?.reportTitle ?? '',
      reportB: byPassage.get(w.passageB)?.reportTitle ?? '',
    })),
  };
}

function setTags(db: Db, id: number, tags: string[]): void {
  db.prepare('DELETE FROM claim_tags WHERE claim_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?, ?)');
  for (const tag of tags) insert.run(id, tag.trim().toLowerCase());
}

interface ClaimState {
  text: string;
  tags: string[];
  verdict: Verdict | null;
  verdictRationale: string;
}

const stateOf = (s: ClaimSummary): ClaimState => ({
  text: s.text,
  tags: s.tags,
  verdict: s.verdict,
  verdictRationale: s.verdictRationale,
});

export function createClaim(
  db: Db,
  input: {
    text: string;
    tags: string[];
    evidence?: { passageId: number; stance: Stance; credibility: number; note: string };
  },
  restoreId?: number,
): ClaimSummary {
  return db.transaction(() => {
    const now = new Date().toISOString();
    const id = Number(
      db
        .prepare('INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(restoreId ?? null, input.text, now, now).lastInsertRowid,
    );
    setTags(db, id, input.tags);
    appendAudit(db, {
      action: 'claim.create',
      entity: 'claim',
      entityId: id,
      after: { text: input.text, tags: input.tags },
    });
    if (input.evidence) linkEvidence(db, { claimId: id, ...input.evidence });
    return getClaimSummary(db, id);
  })();
}

/** Edits text, tags or verdict; returns the state before, for undo. */
export function updateClaim(
  db: Db,
  input: {
    id: number;
    text?: string;
    tags?: string[];
    verdict?: Verdict | null;
    verdictRationale?: string;
  },
): { claim: ClaimSummary; before: ClaimState } {
  return db.transaction(() => {
    const before = stateOf(getClaimSummary(db, input.id));
    if (input.text !== undefined)
      db.prepare('UPDATE claims SET text = ? WHERE id = ?').run(input.text, input.id);
    if (input.tags !== undefined) setTags(db, input.id, input.tags);
    if (input.verdict !== undefined)
      db.prepare('UPDATE claims SET verdict = ? WHERE id = ?').run(input.verdict, input.id);
    if (input.verdictRationale !== undefined) {
      db.prepare('UPDATE claims SET verdict_rationale = ? WHERE id = ?').run(
        input.verdictRationale,
        input.id,
      );
    }
    db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(
      new Date().toISOString(),
      input.id,
    );
    const claim = getClaimSummary(db, input.id);
    const after = stateOf(claim);
    const changed = (Object.keys(after) as (keyof ClaimState)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    const verdictOnly = changed.every((k) => k === 'verdict' || k === 'verdictRationale');
    appendAudit(db, {
      action: changed.length > 0 && verdictOnly ? 'claim.verdict' : 'claim.update',
      entity: 'claim',
      entityId: input.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return { claim, before };
  })();
}

export interface ClaimSnapshot {
  id: number;
  state: ClaimState;
  evidence: { passageId: number; stance: Stance; credibility: number; note: string }[];
  reviews: OriginReview[];
}

/** Deletes a claim with its evidence links; returns what it was, for undo. */
export function deleteClaim(db: Db, id: number): ClaimSnapshot {
  return db.transaction(() => {
    const state = stateOf(getClaimSummary(db, id));
    const evidence = db
      .prepare(
        'SELECT passage_id AS passageId, stance, credibility, note FROM evidence WHERE claim_id = ? ORDER BY id',
      )
      .all(id) as ClaimSnapshot['evidence'];
    const reviews = db
      .prepare(
        'SELECT passage_a AS passageA, passage_b AS passageB, decision FROM origin_reviews WHERE claim_id = ?',
      )
      .all(id) as OriginReview[];
    db.prepare('DELETE FROM claims WHERE id = ?').run(id);
    appendAudit(db, {
      action: 'claim.delete',
      entity: 'claim',
      entityId: id,
      before: { ...state, evidence: evidence.length },
    });
    return { id, state, evidence, reviews };
  })();
}

/** Puts a deleted claim back as it was (undo of delete). */
export function restoreClaim(db: Db, snapshot: ClaimSnapshot): void {
  db.transaction(() => {
    createClaim(db, { text: snapshot.state.text, tags: snapshot.state.tags }, snapshot.id);
    db.prepare('UPDATE claims SET verdict = ?, verdict_rationale = ? WHERE id = ?').run(
      snapshot.state.verdict,
      snapshot.state.verdictRationale,
      snapshot.id,
    );
    for (const e of snapshot.evidence) linkEvidence(db, { claimId: snapshot.id, ...e });
    for (const r of snapshot.reviews) reviewWarning(db, { claimId: snapshot.id, ...r });
  })();
}

/** Merges a duplicate claim into another: its evidence and tags move over, then it is deleted. */
export function mergeClaims(db: Db, keepId: number, mergeId: number): ClaimSummary {
  return db.transaction(() => {
    const keep = getClaimSummary(db, keepId);
    const merged = getClaimSummary(db, mergeId);
    db.prepare(`UPDATE OR IGNORE evidence SET claim_id = ? WHERE claim_id = ?`).run(
      keepId,
      mergeId,
    );
    db.prepare(`UPDATE OR IGNORE origin_reviews SET claim_id = ? WHERE claim_id = ?`).run(
      keepId,
      mergeId,
    );
    setTags(db, keepId, [...new Set([...keep.tags, ...merged.tags])]);
    db.prepare('DELETE FROM claims WHERE id = ?').run(mergeId);
    db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(
      new Date().toISOString(),
      keepId,
    );
    appendAudit(db, {
      action: 'claim.merge',
      entity: 'claim',
      entityId: keepId,
      before: { merged: { id: mergeId, text: merged.text, evidence: merged.counts.passages } },
      after: { passages: getClaimSummary(db, keepId).counts.passages },
    });
    return getClaimSummary(db, keepId);
  })();
}

export function getEvidence(db: Db, id: number): Evidence {
  const row = db.prepare(`${EVIDENCE_SQL} WHERE e.id = ?`).get(id) as EvidenceRow | undefined;
  if (!row) throw new DeskError('not-found', `evidence ${id} does not exist`);
  const { outletSourceId, ...evidence } = row;
  return evidence;
}

export function linkEvidence(
  db: Db,
  input: { claimId: number; passageId: number; stance: Stance; credibility: number; note: string },
): Evidence {
  return db.transaction(() => {
    claimRow(db, input.claimId);
    if (!db.prepare('SELECT 1 FROM passages WHERE id = ?').get(input.passageId)) {
      throw new DeskError('not-found', `passage ${input.passageId} does not exist`);
    }
    if (
      db
        .prepare('SELECT 1 FROM evidence WHERE claim_id = ? AND passage_id = ?')
        .get(input.claimId, input.passageId)
    ) {
      throw new DeskError('conflict', 'this passage is already evidence for this claim');
    }
    const id = Number(
      db
        .prepare(
          'INSERT INTO evidence (claim_id, passage_id, stance, credibility, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          input.claimId,
          input.passageId,
          input.stance,
          input.credibility,
          input.note,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(
      new Date().toISOString(),
      input.claimId,
    );
    const evidence = getEvidence(db, id);
    appendAudit(db, {
      action: 'evidence.link',
      entity: 'claim',
      entityId: input.claimId,
      after: {
        evidence: id,
        passage: input.passageId,
        quote: evidence.exact,
        stance: input.stance,
        credibility: input.credibility,
      },
    });
    return evidence;
  })();
}

export function updateEvidence(
  db: Db,
  input: { id: number; stance?: Stance; credibility?: number; note?: string },
): { evidence: Evidence; before: Evidence } {
  return db.transaction(() => {
    const before = getEvidence(db, input.id);
    if (input.stance !== undefined)
      db.prepare('UPDATE evidence SET stance = ? WHERE id = ?').run(input.stance, input.id);
    if (input.credibility !== undefined)
      db.prepare('UPDATE evidence SET credibility = ? WHERE id = ?').run(
        input.credibility,
        input.id,
      );
    if (input.note !== undefined)
      db.prepare('UPDATE evidence SET note = ? WHERE id = ?').run(input.note, input.id);
    const evidence = getEvidence(db, input.id);
    appendAudit(db, {
      action: 'evidence.update',
      entity: 'claim',
      entityId: before.claimId,
      before: {
        evidence: input.id,
        stance: before.stance,
        credibility: before.credibility,
        note: before.note,
      },
      after: {
        evidence: input.id,
        stance: evidence.stance,
        credibility: evidence.credibility,
        note: evidence.note,
      },
    });
    return { evidence, before };
  })();
}

export function unlinkEvidence(db: Db, id: number): Evidence {
  return db.transaction(() => {
    const before = getEvidence(db, id);
    db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    appendAudit(db, {
      action: 'evidence.unlink',
      entity: 'claim',
      entityId: before.claimId,
      before: {
        evidence: id,
        passage: before.passageId,
        quote: before.exact,
        stance: before.stance,
        credibility: before.credibility,
      },
    });
    return before;
  })();
}

/** The reviewer's decision on a shared-origin warning; returns the previous one, for undo. */
export function reviewWarning(
  db: Db,
  input: {
    claimId: number;
    passageA: number;
    passageB: number;
    decision: 'confirmed' | 'dismissed' | null;
  },
): 'confirmed' | 'dismissed' | null {
  return db.transaction(() => {
    claimRow(db, input.claimId);
    const [a, b] =
      input.passageA < input.passageB
        ? [input.passageA, input.passageB]
        : [input.passageB, input.passageA];
    const previous = (db
      .prepare(
        'SELECT decision FROM origin_reviews WHERE claim_id = ? AND passage_a = ? AND passage_b = ?',
      )
      .pluck()
      .get(input.claimId, a, b) ?? null) as 'confirmed' | 'dismissed' | null;
    if (input.decision === null)
      db.prepare(
        'DELETE FROM origin_reviews WHERE claim_id = ? AND passage_a = ? AND passage_b = ?',
      ).run(input.claimId, a, b);
    else
      db.prepare(
        `INSERT INTO origin_reviews (claim_id, passage_a, passage_b, decision, reviewer, decided_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (claim_id, passage_a, passage_b) DO UPDATE SET decision = excluded.decision, reviewer = excluded.reviewer, decided_at = excluded.decided_at`,
      ).run(input.claimId, a, b, input.decision, reviewerName(db), new Date().toISOString());
    appendAudit(db, {
      action: 'claim.shared-origin',
      entity: 'claim',
      entityId: input.claimId,
      before: { passages: [a, b], decision: previous },
      after: { passages: [a, b], decision: input.decision },
    });
    return previous;
  })();
}

/** Claims a passage serves, for the reader. */
export function claimsForPassage(db: Db, passageId: number) {
  const rows = db
    .prepare(
      'SELECT e.id AS evidenceId, e.claim_id AS claimId, c.text, e.stance, e.credibility FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE e.passage_id = ? ORDER BY c.id',
    )
    .all(passageId) as {
    evidenceId: number;
    claimId: number;
    text: string;
    stance: Stance;
    credibility: Credibility;
  }[];
  return rows.map((r) => ({ ...r, status: getClaimSummary(db, r.claimId).status }));
}

/** A claim's history from the audit log, newest first. */
export function claimHistory(db: Db, id: number): AuditEntry[] {
  claimRow(db, id);
  const rows = db
    .prepare(
      `SELECT id, at, reviewer, action, before, after FROM audit_log WHERE entity = 'claim' AND entity_id = ? ORDER BY id DESC`,
    )
    .all(id) as {
    id: number;
    at: string;
    reviewer: string;
    action: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({
    ...r,
    before: r.before && JSON.parse(r.before),
    after: r.after && JSON.parse(r.after),
  }));
}
