import type { ReanchorSummary } from '../../../shared/api.ts';
import { anchorPassage, describePassage } from '../../../shared/anchoring.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { listPassages } from '../db/passages.ts';
import { placePendingPassages } from '../db/set-passages.ts';
import {
  findReportByText,
  getReport,
  getReportText,
  reindexReport,
  storeOriginal,
  storeOcr,
  storePages,
} from '../db/reports.ts';
import type { PreparedReport } from '../import/index.ts';

/**
 * Makes `prepared` the new text of report `id` and moves its passages onto it. A passage that
 * cannot be placed keeps its old selectors and is marked orphaned for the reviewer; none is dropped.
 */
export function importNewVersion(db: Db, id: number, prepared: PreparedReport): ReanchorSummary {
  return db.transaction((): ReanchorSummary => {
    const report = getReport(db, id);
    if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
    const holder = findReportByText(db, prepared.sha256);
    if (holder) {
      throw new DeskError(
        'conflict',
        holder.id === id
          ? `${prepared.originalName} is identical to a version this report already has`
          : `${prepared.originalName} is already in the desk as report ${holder.id} ("${holder.title}")`,
      );
    }
    const oldText = getReportText(db, id) as string;
    const now = new Date().toISOString();
    db.prepare('INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
      prepared.sha256,
      prepared.text,
      prepared.chars,
    );
    const originalSha256 = prepared.original ? storeOriginal(db, prepared.original) : null;
    db.prepare('UPDATE reports SET sha256 = ?, original_sha256 = ? WHERE id = ?').run(
      prepared.sha256,
      originalSha256,
      id,
    );
    // Page spans belong to the text: the new one's replace the old (none if it has no pages).
    storePages(db, id, prepared.pages ?? []);
    // A new version read by OCR carries its own mark (by its text's hash).
    if (prepared.ocr) storeOcr(db, prepared.sha256, prepared.ocr);
    const version =
      (db
        .prepare('SELECT max(version) FROM report_versions WHERE report_id = ?')
        .pluck()
        .get(id) as number) + 1;
    db.prepare(
      `INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at, original_sha256)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(id, version, prepared.sha256, prepared.originalName, now, originalSha256);
    reindexReport(
      db,
      id,
      { title: report.title, body: oldText },
      { title: report.title, body: prepared.text },
    );

    let moved = 0;
    let unchanged = 0;
    const move = db.prepare(
      `UPDATE passages SET sha256 = ?, position_start = ?, position_end = ?, exact = ?, prefix = ?, suffix = ?,
              anchor_status = 'anchored', updated_at = ? WHERE id = ?`,
    );
    const orphan = db.prepare(
      `UPDATE passages SET anchor_status = 'orphaned', updated_at = ? WHERE id = ?`,
    );
    const orphanedIds: number[] = [];
    for (const passage of listPassages(db, id)) {
      const anchor = anchorPassage(prepared.text, passage, oldText.length);
      if (!anchor) {
        orphan.run(now, passage.id);
        orphanedIds.push(passage.id);
        continue;
      }
      const s = describePassage(prepared.text, anchor.start, anchor.end);
      move.run(prepared.sha256, s.start, s.end, s.exact, s.prefix, s.suffix, now, passage.id);
      if (anchor.method === 'position') unchanged++;
      else moved++;
    }
    // Passages of a merged set may have been waiting for this text.
    placePendingPassages(db, prepared.sha256, prepared.text);
    const after = getReport(db, id) as typeof report;
    appendAudit(db, {
      action: 'report.version',
      entity: 'report',
      entityId: id,
      before: { sha256: report.sha256 },
      after: {
        sha256: prepared.sha256,
        version,
        file: prepared.originalName,
        moved,
        unchanged,
        orphaned: orphanedIds,
      },
    });
    const orphaned = listPassages(db, id).filter((p) => p.status === 'orphaned');
    return { report: after, moved, unchanged, orphaned };
  })();
}
