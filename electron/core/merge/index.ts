// Merging a colleague's claim set (docs/claim-set.md). The set is read and checked whole first
// (read.ts), then every quote is checked against the text it names; only then is the desk written,
// in one transaction: reports matched by SHA-256 (or imported from the set's texts), sources and
// claims by UUID (a likely duplicate is merged only when the reviewer says so), passages placed in
// the desk's text of their report (or kept until it arrives), evidence linked. A value that differs
// between set and desk becomes a conflict listed with both values and both reviewers; nothing local
// is overwritten. A set merged twice changes nothing the second time: nothing new, nothing written.
import type { Duplicate, DuplicateDecision, MergeReport } from '../../../shared/api/sets.ts';
import type { ClaimSet } from '../../../shared/claim-set.ts';
import { appendAudit, reviewerName } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import { placePendingPassages } from '../db/set-passages.ts';
import { prepared } from '../db/statements.ts';
import { mergeClaims } from './claims.ts';
import { mergeEvidence } from './evidence.ts';
import { mergeHistory } from './history.ts';
import { mergePassages } from './passages.ts';
import { CHECKS_VERSION, readClaimSet, rejected } from './read.ts';
import { mergeReports } from './reports.ts';
import { startRun } from './run.ts';
import { mergeSources } from './sources.ts';
import { verifyQuotes, type Context } from './verify.ts';

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

/**
 * The merge itself, inside its transaction: each phase matches, creates or lists conflicts for its
 * kind of item, handing the desk's ids on to the next; then the merge's summary is recorded.
 */
function applySet(db: Db, set: ClaimSet, ctx: Context): MergeReport {
  const run = startRun(db, set, ctx);
  const { report, mergeId } = run;
  const sourceLocal = mergeSources(run);
  const reportByUrn = mergeReports(run);
  const claimLocal = mergeClaims(run);
  const { passageLocal, pending } = mergePassages(run, reportByUrn, sourceLocal);
  mergeEvidence(run, claimLocal, passageLocal, pending);
  // Passages an earlier merge left waiting for a text this set carries.
  for (const [sha, text] of ctx.texts) run.wrote(placePendingPassages(db, sha, text));
  mergeHistory(run, { claimLocal, sourceLocal, passageLocal });

  report.changed = run.writes > 0;
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
