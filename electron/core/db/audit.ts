import { REVIEWER_REQUIRED } from '../../../shared/api/session.ts';
import type { AuditAction, AuditEntity } from '../../../shared/vocabulary.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { prepared } from './statements.ts';

/** One change as appended; `claims.history` reads these back (shared/api.ts, auditEntrySchema). */
export interface AuditEntry {
  reviewer?: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Who an import is recorded under when no reviewer is named yet: imports also run with nobody to
 * ask (the demo case on a new desk, `source-desk import`), and the log says so instead of nothing.
 */
export const IMPORT_WITHOUT_REVIEWER = '(imported before a reviewer was named)';

/**
 * Appends one entry; call inside the transaction that made the change, so that a change refused
 * here (no reviewer named) is undone with it.
 */
export function appendAudit(db: Db, entry: AuditEntry): void {
  let reviewer = (entry.reviewer ?? reviewerName(db)).trim();
  if (reviewer === '') {
    if (entry.action !== 'report.import')
      throw new DeskError(
        'conflict',
        `${REVIEWER_REQUIRED} ${db.name}: its history records who made each change.`,
      );
    reviewer = IMPORT_WITHOUT_REVIEWER;
  }
  prepared(
    db,
    `INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    reviewer,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

/** The reviewer named in preferences: who the audit log says made a change. */
export function reviewerName(db: Db): string {
  return (
    (prepared(db, `SELECT value FROM preferences WHERE key = 'reviewer'`).pluck().get() as
      string | undefined) ?? ''
  );
}
