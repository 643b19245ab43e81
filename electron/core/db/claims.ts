// Claims: create, edit, verdict, delete, restore, merge; their summaries, detail and history.
// Evidence links, origin reviews and what corroboration reads live beside it (evidence.ts,
// origin-reviews.ts, corroboration-input.ts).
import type { AuditEntry, ClaimDetail, ClaimSummary, Evidence } from '../../../shared/api.ts';
import type { Credibility } from '../../../shared/admiralty.ts';
import {
  assessClaim,
  sharedOriginWarnings,
  type ClaimAssessment,
  type EvidenceItem,
  type OriginReview,
  type Stance,
} from '../../../shared/corroboration.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import {
  claimStatuses,
  loadCorroborationInput,
  type ClaimConclusion,
  type EvidenceRow,
} from './corroboration-input.ts';
import { DeskError } from './errors.ts';
import { linkEvidence, passageContexts } from './evidence.ts';
import { reviewWarning } from './origin-reviews.ts';

type Verdict = 'verified' | 'refuted' | 'unresolved';

export interface ClaimRow {
  id: number;
  uuid: string;
  text: string;
  verdict: Verdict | null;
  verdictRationale: string;
  updatedAt: string;
  tags: string | null;
}

const splitTags = (tags: string | null): string[] => (tags ? tags.split('\u001f').sort() : []);

function summary(row: ClaimRow, conclusion: ClaimConclusion, openWarnings: number): ClaimSummary {
  return {
    id: row.id,
    uuid: row.uuid,
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
  SELECT c.id, c.uuid, c.text, c.verdict, c.verdict_rationale AS verdictRationale, c.updated_at AS updatedAt,
         (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id) AS tags
  FROM claims c`;

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
  const contexts = passageContexts(
    db,
    evidence.map((e) => e.passageId),
  );
  const toEvidence = (e: EvidenceItem): Evidence => {
    const r = e as EvidenceRow;
    return {
      ...(contexts.get(r.passageId) ?? { contextBefore: '', contextAfter: '' }),
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
  /** Its identity in claim sets, and its links', kept through undo. */
  uuid: string;
  state: ClaimState;
  evidence: {
    uuid: string;
    passageId: number;
    stance: Stance;
    credibility: number;
    note: string;
  }[];
  reviews: OriginReview[];
}

/** Deletes a claim with its evidence links; returns what it was, for undo. */
export function deleteClaim(db: Db, id: number): ClaimSnapshot {
  return db.transaction(() => {
    const state = stateOf(getClaimSummary(db, id));
    const evidence = db
      .prepare(
        'SELECT uuid, passage_id AS passageId, stance, credibility, note FROM evidence WHERE claim_id = ? ORDER BY id',
      )
      .all(id) as ClaimSnapshot['evidence'];
    const reviews = db
      .prepare(
        'SELECT passage_a AS passageA, passage_b AS passageB, decision FROM origin_reviews WHERE claim_id = ?',
      )
      .all(id) as OriginReview[];
    const uuid = db.prepare('SELECT uuid FROM claims WHERE id = ?').pluck().get(id) as string;
    db.prepare('DELETE FROM claims WHERE id = ?').run(id);
    appendAudit(db, {
      action: 'claim.delete',
      entity: 'claim',
      entityId: id,
      before: { ...state, evidence: evidence.length },
    });
    return { id, uuid, state, evidence, reviews };
  })();
}

/** Puts a deleted claim back as it was (undo of delete). */
export function restoreClaim(db: Db, snapshot: ClaimSnapshot): void {
  db.transaction(() => {
    createClaim(db, { text: snapshot.state.text, tags: snapshot.state.tags }, snapshot.id);
    db.prepare('UPDATE claims SET verdict = ?, verdict_rationale = ?, uuid = ? WHERE id = ?').run(
      snapshot.state.verdict,
      snapshot.state.verdictRationale,
      snapshot.uuid,
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
