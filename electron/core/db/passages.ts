import type { Passage } from '../../../shared/api.ts';
import { describePassage, splitsSurrogatePair } from '../../../shared/anchoring.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { getReportText } from './reports.ts';

interface DbPassage {
  id: number;
  report_id: number;
  position_start: number;
  position_end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  anchor_status: 'anchored' | 'orphaned';
  source_id: number | null;
  created_at: string;
  updated_at: string;
}

function toPassage(row: DbPassage): Passage {
  return {
    id: row.id,
    reportId: row.report_id,
    sourceId: row.source_id,
    start: row.position_start,
    end: row.position_end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    note: row.note,
    status: row.anchor_status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listPassages(db: Db, reportId: number): Passage[] {
  return (
    db
      .prepare(
        `SELECT * FROM passages WHERE report_id = ? ORDER BY anchor_status, position_start, id`,
      )
      .all(reportId) as DbPassage[]
  ).map(toPassage);
}

export function getPassage(db: Db, id: number): Passage {
  const row = db.prepare('SELECT * FROM passages WHERE id = ?').get(id) as DbPassage | undefined;
  if (!row) throw new DeskError('not-found', `passage ${id} does not exist`);
  return toPassage(row);
}

/**
 * Stores a passage over the report's current text. The UI sends what it believes is selected;
 * if the stored text differs there, the passage is refused rather than anchored to other words.
 */
export function createPassage(
  db: Db,
  input: { reportId: number; start: number; end: number; exact: string; note: string },
): Passage {
  return db.transaction(() => {
    const text = getReportText(db, input.reportId);
    if (text === undefined)
      throw new DeskError('not-found', `report ${input.reportId} does not exist`);
    if (input.end > text.length) {
      throw new DeskError(
        'invalid-input',
        `end: ${input.end} is past the end of the text (${text.length})`,
      );
    }
    for (const [field, offset] of [
      ['start', input.start],
      ['end', input.end],
    ] as const) {
      if (splitsSurrogatePair(text, offset)) {
        throw new DeskError(
          'invalid-input',
          `${field}: ${offset} falls inside a character (between the two halves of an emoji or another character beyond U+FFFF); select whole characters`,
        );
      }
    }
    const selector = describePassage(text, input.start, input.end);
    if (selector.exact !== input.exact) {
      throw new DeskError(
        'conflict',
        'the selected words do not match the report text at that position; reload the report',
      );
    }
    if (selector.exact.trim() === '')
      throw new DeskError('invalid-input', 'a passage needs some text, not only spaces');
    const now = new Date().toISOString();
    const sha = db
      .prepare('SELECT sha256 FROM reports WHERE id = ?')
      .pluck()
      .get(input.reportId) as string;
    const id = Number(
      db
        .prepare(
          `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.reportId,
          sha,
          selector.start,
          selector.end,
          selector.exact,
          selector.prefix,
          selector.suffix,
          input.note,
          now,
          now,
        ).lastInsertRowid,
    );
    const passage = getPassage(db, id);
    appendAudit(db, { action: 'passage.create', entity: 'passage', entityId: id, after: passage });
    return passage;
  })();
}

export function updatePassageNote(db: Db, id: number, note: string): Passage {
  return db.transaction(() => {
    const before = getPassage(db, id);
    db.prepare('UPDATE passages SET note = ?, updated_at = ? WHERE id = ?').run(
      note,
      new Date().toISOString(),
      id,
    );
    const after = getPassage(db, id);
    appendAudit(db, {
      action: 'passage.update',
      entity: 'passage',
      entityId: id,
      before: { note: before.note },
      after: { note },
    });
    return after;
  })();
}

export function deletePassage(db: Db, id: number): { id: number } {
  return db.transaction(() => {
    const before = getPassage(db, id);
    db.prepare('DELETE FROM passages WHERE id = ?').run(id);
    appendAudit(db, { action: 'passage.delete', entity: 'passage', entityId: id, before });
    return { id };
  })();
}
