// Suggestions for a claim or a passage, and a report's shared wording (docs/suggestions.md): the
// index finds the reports, the measure (./measure.ts) scores their sentences.
import type { SimilarSentence, Suggestion } from '../../../shared/api/compare.ts';
import { REVIEWER_REQUIRED } from '../../../shared/api/session.ts';
import { describePassage } from '../../../shared/anchoring.ts';
import { reviewerName } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { getPassage } from '../db/passages.ts';
import { prepared } from '../db/statements.ts';
import { candidateReports, deskWeights, reportReader, type CorpusReport } from './corpus.ts';
import {
  differingWords,
  mayReach,
  profile,
  similarity,
  stanceHint,
  SCORE,
  type Profile,
} from './measure.ts';

/** How many of the heaviest keys go into the index query, and how many reports come back. */
export const CANDIDATES = { terms: 12, reports: 40 } as const;
/** For similar(): per sentence of the report. */
export const SIMILAR_CANDIDATES = { terms: 8, reports: 12 } as const;
/** A sentence with fewer content words says too little to be matched on its own. */
export const MIN_KEYS = 3;

export type Target = { claimId: number } | { passageId: number };

interface Placed {
  reportId: number;
  start: number;
  end: number;
}

interface Asked {
  /** What is looked for: the claim's wording and its evidence's quotes, or the passage's quote. */
  texts: string[];
  /** Spans already evidence (or the passage itself): their sentences are not offered. */
  own: Placed[];
  /** A report whose sentences are not suggested at all (a passage's own). */
  ownReport?: number;
  /** Outlets they come from: other outlets rank first among equal scores. */
  outlets: Set<string | null>;
  rejected: Set<string>;
}

const rejectionKey = (sha256: string, start: number, end: number): string =>
  `${sha256}:${start}:${end}`;

function asked(db: Db, target: Target): Asked {
  const [column, value] =
    'claimId' in target
      ? (['claim_id', target.claimId] as const)
      : (['passage_id', target.passageId] as const);
  const rejected = new Set(
    (
      prepared(
        db,
        `SELECT sha256, position_start, position_end FROM rejected_suggestions WHERE ${column} = ?`,
      )
        .raw()
        .all(value) as [string, number, number][]
    ).map(([sha, s, e]) => rejectionKey(sha, s, e)),
  );
  const outletOf = prepared(
    db,
    'SELECT o.name FROM reports r LEFT JOIN outlets o ON o.id = r.outlet_id WHERE r.id = ?',
  ).pluck();
  if ('passageId' in target) {
    const p = getPassage(db, target.passageId);
    // Its claims' evidence is not suggested again: it is linked already (taking it again fails).
    const linked = prepared(
      db,
      `SELECT p.report_id AS reportId, p.position_start AS start, p.position_end AS end
       FROM evidence e JOIN passages p ON p.id = e.passage_id
       WHERE e.claim_id IN (SELECT claim_id FROM evidence WHERE passage_id = ?)`,
    ).all(p.id) as Placed[];
    return {
      texts: [p.exact],
      own: [{ reportId: p.reportId, start: p.start, end: p.end }, ...linked],
      // Other reports only: the passage's own report is open beside it already.
      ownReport: p.reportId,
      outlets: new Set([outletOf.get(p.reportId) as string | null]),
      rejected,
    };
  }
  const claim = prepared(db, 'SELECT text FROM claims WHERE id = ?').pluck().get(target.claimId) as
    string | undefined;
  if (claim === undefined)
    throw new DeskError('not-found', `claim ${target.claimId} does not exist`);
  const evidence = prepared(
    db,
    `SELECT p.report_id AS reportId, p.position_start AS start, p.position_end AS end, p.exact
     FROM evidence e JOIN passages p ON p.id = e.passage_id WHERE e.claim_id = ?`,
  ).all(target.claimId) as (Placed & { exact: string })[];
  return {
    texts: [claim, ...evidence.map((e) => e.exact)],
    own: evidence,
    outlets: new Set(evidence.map((e) => outletOf.get(e.reportId) as string | null)),
    rejected,
  };
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

/** Candidate sentences of other reports (other outlets first among equal scores), best first. */
export function suggest(db: Db, target: Target, limit = 10): Suggestion[] {
  const want = asked(db, target);
  const weights = deskWeights(db);
  const profiles = want.texts.map(profile).filter((p) => p.keys.size > 0);
  // Only the sentences that may reach the threshold are profiled and scored (most share nothing).
  const read = reportReader(db, { profiles, weights, min: SCORE.suggest });
  const found: Suggestion[] = [];
  for (const reportId of candidateReports(db, profiles, weights, CANDIDATES)) {
    if (reportId === want.ownReport) continue;
    const report = read(reportId) as CorpusReport;
    for (const sentence of report.sentences) {
      if (sentence.profile.keys.size < MIN_KEYS) continue;
      const { start, end } = sentence;
      if (want.own.some((o) => o.reportId === reportId && o.start < end && start < o.end)) continue;
      if (want.rejected.has(rejectionKey(report.sha256, start, end))) continue;
      let best = 0;
      let closest: Profile | undefined;
      for (const p of profiles) {
        if (!mayReach(p, sentence.profile, weights, Math.max(best, SCORE.suggest))) continue;
        const s = similarity(p, sentence.profile, weights);
        if (s > best) [best, closest] = [s, p];
      }
      if (best < SCORE.suggest || closest === undefined) continue;
      const { hint, reason } = stanceHint(closest, sentence.profile, best, weights);
      const selector = describePassage(report.text, start, end);
      found.push({
        reportId,
        reportTitle: report.title,
        outlet: report.outlet,
        start,
        end,
        text: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        score: round(best),
        stanceHint: hint,
        reason,
        otherOutlet: !want.outlets.has(report.outlet),
      });
    }
  }
  return found
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.otherOutlet) - Number(a.otherOutlet) ||
        a.reportId - b.reportId ||
        a.start - b.start,
    )
    .slice(0, limit);
}

/** Sentences of the report that nearly match a sentence of another report, best first. */
export function similar(db: Db, reportId: number, limit = 50): SimilarSentence[] {
  const report = reportReader(db)(reportId);
  if (!report) throw new DeskError('not-found', `report ${reportId} does not exist`);
  const weights = deskWeights(db);
  const mine = report.sentences.filter((s) => s.profile.keys.size >= MIN_KEYS);
  // Of the other reports, only the sentences that may nearly match one of these are profiled.
  const read = reportReader(db, {
    profiles: mine.map((s) => s.profile),
    weights,
    min: SCORE.similar,
  });
  const found: SimilarSentence[] = [];
  for (const sentence of mine) {
    for (const otherId of candidateReports(db, [sentence.profile], weights, SIMILAR_CANDIDATES)) {
      if (otherId === reportId) continue;
      const other = read(otherId) as CorpusReport;
      for (const theirs of other.sentences) {
        if (theirs.profile.keys.size < MIN_KEYS) continue;
        if (!mayReach(sentence.profile, theirs.profile, weights, SCORE.similar)) continue;
        const score = similarity(sentence.profile, theirs.profile, weights);
        if (score < SCORE.similar) continue;
        const differ = differingWords(sentence.profile, theirs.profile);
        found.push({
          start: sentence.start,
          end: sentence.end,
          text: report.text.slice(sentence.start, sentence.end),
          other: {
            reportId: otherId,
            reportTitle: other.title,
            outlet: other.outlet,
            start: theirs.start,
            end: theirs.end,
            text: other.text.slice(theirs.start, theirs.end),
          },
          score: round(score),
          onlyHere: differ.here,
          onlyThere: differ.there,
        });
      }
    }
  }
  return found
    .sort((a, b) => b.score - a.score || a.start - b.start || a.other.reportId - b.other.reportId)
    .slice(0, limit);
}

export type Rejection = Target & Placed;

/** Records that the span is not to be suggested for the claim or passage again. */
export function rejectSuggestion(db: Db, rejection: Rejection): void {
  db.transaction(() => {
    const reviewer = reviewerName(db).trim();
    if (reviewer === '')
      throw new DeskError(
        'conflict',
        `${REVIEWER_REQUIRED} ${db.name}: it records who rejected a suggestion.`,
      );
    if ('claimId' in rejection) asked(db, { claimId: rejection.claimId });
    else getPassage(db, rejection.passageId);
    const report = prepared(
      db,
      'SELECT r.sha256, t.chars FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?',
    ).get(rejection.reportId) as { sha256: string; chars: number } | undefined;
    if (!report) throw new DeskError('not-found', `report ${rejection.reportId} does not exist`);
    if (rejection.end > report.chars)
      throw new DeskError(
        'invalid-input',
        `end: ${rejection.end} is past the end of report ${rejection.reportId}'s text (${report.chars})`,
      );
    prepared(
      db,
      `INSERT OR IGNORE INTO rejected_suggestions
         (claim_id, passage_id, sha256, position_start, position_end, reviewer, rejected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      'claimId' in rejection ? rejection.claimId : null,
      'passageId' in rejection ? rejection.passageId : null,
      report.sha256,
      rejection.start,
      rejection.end,
      reviewer,
      new Date().toISOString(),
    );
  })();
}

/** Takes a rejection back (undo): the span is suggested again. */
export function forgetRejection(db: Db, rejection: Rejection): void {
  prepared(
    db,
    `DELETE FROM rejected_suggestions
     WHERE (claim_id IS ? AND passage_id IS ?) AND position_start = ? AND position_end = ?
       AND sha256 = (SELECT sha256 FROM reports WHERE id = ?)`,
  ).run(
    'claimId' in rejection ? rejection.claimId : null,
    'passageId' in rejection ? rejection.passageId : null,
    rejection.start,
    rejection.end,
    rejection.reportId,
  );
}
