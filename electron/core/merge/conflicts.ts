// Conflicts left by merges, and passages still waiting for their report.
// Conflicts: a value the set and the desk disagree on, kept with both reviewers'
// names until the reviewer settles it. Taking the set's value makes the change as the desk always
// does (audited, under the reviewer's name); keeping the desk's changes nothing but the conflict.
import type { MergeConflict, MergedEntity, PendingPassageItem } from '../../../shared/api/sets.ts';
import type { SetPassage } from '../../../shared/claim-set.ts';
import type { Reliability } from '../../../shared/admiralty.ts';
import type { Stance, Verdict } from '../../../shared/vocabulary.ts';
import { appendAudit, reviewerName } from '../db/audit.ts';
import { updateClaim } from '../db/claims.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { updateEvidence } from '../db/evidence.ts';
import { reviewWarning } from '../db/origin-reviews.ts';
import { updatePassageNote } from '../db/passages.ts';
import { attributePassage, rateSource, updateSource } from '../db/sources.ts';
import { prepared } from '../db/statements.ts';

interface ConflictRow {
  id: number;
  merge_id: number;
  entity: MergedEntity;
  uuid: string;
  label: string;
  field: string;
  local_value: string;
  incoming_value: string;
  local_reviewer: string;
  incoming_reviewer: string;
  file_name: string;
  resolution: 'local' | 'incoming' | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

const SELECT = `SELECT c.*, m.file_name FROM merge_conflicts c JOIN merges m ON m.id = c.merge_id`;

const toConflict = (row: ConflictRow): MergeConflict => ({
  id: row.id,
  entity: row.entity,
  item: row.uuid,
  label: row.label,
  field: row.field,
  local: JSON.parse(row.local_value) as MergeConflict['local'],
  incoming: JSON.parse(row.incoming_value) as MergeConflict['incoming'],
  localReviewer: row.local_reviewer,
  incomingReviewer: row.incoming_reviewer,
  fileName: row.file_name,
  resolution: row.resolution,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at,
});

/** The merges' conflicts: open ones first, then resolved ones, newest first. */
export function listConflicts(db: Db): MergeConflict[] {
  return (
    prepared(db, `${SELECT} ORDER BY c.resolution IS NOT NULL, c.id DESC`).all() as ConflictRow[]
  ).map(toConflict);
}

/** Passages of merged sets still waiting for their report, oldest merge first. */
export function listPending(db: Db): PendingPassageItem[] {
  return (
    prepared(
      db,
      `SELECT p.uuid AS id, p.waiting_for AS waitingFor, p.report_title AS report, p.report_sha256 AS sha256, p.passage,
              m.file_name AS fileName, m.merged_at AS mergedAt
       FROM pending_passages p JOIN merges m ON m.id = p.merge_id ORDER BY m.id, p.uuid`,
    ).all() as (Omit<PendingPassageItem, 'quote'> & { passage: string })[]
  ).map(({ passage, ...row }) => ({
    ...row,
    quote: (JSON.parse(passage) as SetPassage).target.selector[0].exact,
  }));
}

const TABLE: Record<MergedEntity, string> = {
  claim: 'claims',
  source: 'sources',
  passage: 'passages',
  evidence: 'evidence',
};

/** Settles a conflict: keeps the desk's value, or takes the set's (written as a change, audited). */
export function resolveConflict(db: Db, id: number, take: 'local' | 'incoming'): MergeConflict {
  return db.transaction(() => {
    const row = prepared(db, `${SELECT} WHERE c.id = ?`).get(id) as ConflictRow | undefined;
    if (!row) throw new DeskError('not-found', `conflict ${id} does not exist`);
    if (row.resolution !== null)
      throw new DeskError(
        'conflict',
        `this conflict was settled by ${row.resolved_by ?? 'a reviewer'} (${row.resolution === 'local' ? 'kept the desk’s value' : 'took the set’s value'})`,
      );
    const itemId = prepared(db, `SELECT id FROM ${TABLE[row.entity]} WHERE uuid = ?`)
      .pluck()
      .get(row.uuid) as number | undefined;
    // Keeping the desk's value needs nothing of the item: one deleted since is settled all the same.
    if (itemId === undefined && take === 'incoming')
      throw new DeskError(
        'not-found',
        `${row.label} is no longer in the desk; its value cannot be taken (keep yours to close this)`,
      );
    const incoming: unknown = JSON.parse(row.incoming_value);
    if (take === 'incoming') applyIncoming(db, row, itemId as number, incoming);
    const reviewer = reviewerName(db);
    const now = new Date().toISOString();
    prepared(
      db,
      'UPDATE merge_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
    ).run(take, reviewer, now, id);
    const claimOfEvidence = (): number | null =>
      (prepared(db, 'SELECT claim_id FROM evidence WHERE id = ?').pluck().get(itemId) as
        number | undefined) ?? null;
    appendAudit(db, {
      action: 'conflict.resolve',
      entity: itemId === undefined ? 'merge' : row.entity === 'evidence' ? 'claim' : row.entity,
      entityId:
        itemId === undefined
          ? row.merge_id
          : row.entity === 'evidence'
            ? claimOfEvidence()
            : itemId,
      after: {
        conflict: id,
        item: row.uuid,
        field: row.field,
        took: take,
        value: take === 'incoming' ? incoming : JSON.parse(row.local_value),
        from: row.file_name,
      },
    });
    return toConflict(prepared(db, `${SELECT} WHERE c.id = ?`).get(id) as ConflictRow);
  })();
}

/** The desk's source for a conflict's value: `{ id, name }` (or null, none). */
function sourceIdOf(db: Db, value: unknown): number | null {
  const uuid = (value as { id?: unknown } | null)?.id;
  if (typeof uuid !== 'string') return null;
  const id = prepared(db, 'SELECT id FROM sources WHERE uuid = ?').pluck().get(uuid) as
    number | undefined;
  if (id === undefined)
    throw new DeskError('not-found', 'the source the set names is no longer in the desk');
  return id;
}

function applyIncoming(db: Db, row: ConflictRow, id: number, value: unknown): void {
  const v = value as Record<string, unknown>;
  switch (`${row.entity}.${row.field}`) {
    case 'source.reliability':
      // The grade is written under the reviewer who took it; its rationale says whose it was.
      rateSource(db, {
        id,
        reliability: v.grade as Reliability,
        rationale:
          `${String(v.rationale ?? '')} (${row.incoming_reviewer}'s grade, from ${row.file_name})`.trim(),
      });
      return;
    case 'source.cites':
      updateSource(db, { id, derivesFromId: sourceIdOf(db, value) });
      return;
    case 'claim.verdict':
      updateClaim(db, {
        id,
        verdict: v.verdict as Verdict,
        verdictRationale: String(v.rationale ?? ''),
      });
      return;
    case 'claim.text':
      updateClaim(db, { id, text: String(value) });
      return;
    case 'claim.originReview': {
      const [passageA, passageB] = (v.passages as string[]).map(
        (uuid) =>
          prepared(db, 'SELECT id FROM passages WHERE uuid = ?').pluck().get(uuid) as
            number | undefined,
      );
      if (passageA === undefined || passageB === undefined)
        throw new DeskError('not-found', 'one of the two passages is no longer in the desk');
      reviewWarning(db, {
        claimId: id,
        passageA,
        passageB,
        decision: v.decision as 'confirmed' | 'dismissed',
      });
      return;
    }
    case 'evidence.stance':
      updateEvidence(db, { id, stance: value as Stance });
      return;
    case 'evidence.credibility':
      updateEvidence(db, { id, credibility: Number(value) });
      return;
    case 'evidence.note':
      updateEvidence(db, { id, note: String(value) });
      return;
    case 'passage.note':
      updatePassageNote(db, id, String(value));
      return;
    case 'passage.source':
      attributePassage(db, id, sourceIdOf(db, value));
      return;
    default:
      throw new DeskError(
        'internal',
        `a conflict over ${row.entity} ${row.field} cannot be settled here`,
      );
  }
}
