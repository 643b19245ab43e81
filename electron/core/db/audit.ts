import type { AuditAction, AuditEntity } from '../../../shared/vocabulary.ts';
import type { Db } from './connection.ts';
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

/** Appends one entry; call inside the transaction that made the change. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  prepared(
    db,
    `INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    new Date().toISOString(),
    entry.reviewer ?? reviewerName(db),
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
