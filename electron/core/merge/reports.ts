// Merging a set's reports: matched by the SHA-256 of their text (now or in an earlier version),
// else imported from the set's text under its metadata and import time, else missing (their
// passages wait).
import type { ClaimSet } from '../../../shared/claim-set.ts';
import { convertOffsets } from '../../../shared/code-points.ts';
import type { Db } from '../db/connection.ts';
import { ensureOutlet } from '../db/reports.ts';
import { prepared } from '../db/statements.ts';
import type { MergeRun } from './run.ts';

/** A report of the desk: its id, current text and title. */
export type LocalReport = { id: number; sha256: string; title: string };

/** Merges the set's reports; returns the desk's report for each (null: missing), by the set's id. */
export function mergeReports(run: MergeRun): Map<string, LocalReport | null> {
  const { db, set, report, wrote } = run;
  const reportByUrn = new Map<string, LocalReport | null>();
  const findReport = prepared(
    db,
    `SELECT r.id, r.sha256, r.title FROM report_versions v JOIN reports r ON r.id = v.report_id
     WHERE v.sha256 = ? ORDER BY v.version DESC LIMIT 1`,
  );
  for (const r of set.reports) {
    const found = findReport.get(r.sha256) as
      { id: number; sha256: string; title: string } | undefined;
    if (found) {
      report.reports.matched++;
      reportByUrn.set(r.id, found);
    } else if (r.text !== undefined) {
      reportByUrn.set(r.id, { id: insertReport(db, r, r.text), sha256: r.sha256, title: r.title });
      report.reports.imported++;
      wrote(1);
    } else {
      report.reports.missing++;
      reportByUrn.set(r.id, null);
    }
  }
  return reportByUrn;
}

/** A report from the set's text, under the set's metadata and import time. */
function insertReport(db: Db, r: ClaimSet['reports'][number], text: string): number {
  prepared(db, 'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
    r.sha256,
    text,
    text.length,
  );
  const outletId = r.outlet ? ensureOutlet(db, r.outlet) : null;
  const id = Number(
    prepared(
      db,
      `INSERT INTO reports (sha256, title, outlet_id, byline, published_at, url, language, format,
                            original_name, imported_at, original_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.sha256,
      r.title,
      outletId,
      r.byline,
      r.publishedAt,
      r.url,
      r.language,
      r.format,
      r.originalName,
      r.importedAt,
      // The file the colleague imported, named by its hash (its bytes stay on their desk).
      r.originalSha256 ?? null,
    ).lastInsertRowid,
  );
  prepared(
    db,
    'INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at) VALUES (?, 1, ?, ?, ?)',
  ).run(id, r.sha256, r.originalName, r.importedAt);
  prepared(db, 'INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)').run(
    id,
    r.title,
    text,
  );
  // A paged report's pages, from code points to the desk's UTF-16 units.
  if (r.pages?.length) {
    const units = convertOffsets(
      text,
      r.pages.flatMap((p) => [p.start, p.end]),
      'units',
    );
    const insert = prepared(
      db,
      'INSERT INTO report_pages (report_id, page, start, "end") VALUES (?, ?, ?, ?)',
    );
    r.pages.forEach((p, i) => insert.run(id, p.page, units[2 * i], units[2 * i + 1]));
  }
  return id;
}
