// Reading a report's original (migration 011): the file its current version was imported from,
// and the page spans of a paged original. The bytes are read only once the size is known to be
// within what the window may be handed.
import { MAX_ORIGINAL_VIEW_BYTES, type ReportOriginal } from '../../../shared/api/originals.ts';
import { mib } from '../../../shared/limits.ts';
import type { PageSpan } from '../../../shared/pages.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { prepared } from './statements.ts';

interface OriginalRow {
  sha256: string | null;
  /** The original the report names, held here or not (one merged from a claim set is not). */
  named: string | null;
  size: number | null;
  mediaType: string | null;
  name: string;
  title: string;
}

/**
 * Report `reportId`'s original, base64-encoded. Refused (not-found) for a report that does not
 * exist or was imported before originals were kept, and (rejected) above `limit` bytes.
 */
export function readOriginal(
  db: Db,
  reportId: number,
  limit: number = MAX_ORIGINAL_VIEW_BYTES,
): ReportOriginal {
  // The current version names the file; its original may be a later file than the first import's.
  const row = prepared(
    db,
    `SELECT o.sha256, o.size, o.media_type AS mediaType, r.original_sha256 AS named,
       coalesce(v.original_name, r.original_name) AS name, r.title
     FROM reports r
     LEFT JOIN report_versions v ON v.report_id = r.id
       AND v.version = (SELECT max(version) FROM report_versions WHERE report_id = r.id)
     LEFT JOIN originals o ON o.sha256 = r.original_sha256
     WHERE r.id = ?`,
  ).get(reportId) as OriginalRow | undefined;
  if (!row) throw new DeskError('not-found', `report ${reportId} does not exist`);
  if (row.named !== null && row.sha256 === null)
    throw new DeskError(
      'not-found',
      `report ${reportId} (“${row.title}”) came from a colleague's claim set: its original file (SHA-256 ${row.named}) is on their desk, not on this one`,
    );
  if (row.sha256 === null || row.size === null || row.mediaType === null)
    throw new DeskError(
      'not-found',
      `report ${reportId} (“${row.title}”) has no original file: it was imported before the desk kept originals`,
    );
  if (row.size > limit)
    throw new DeskError(
      'rejected',
      `the original of report ${reportId} (${row.name}) is ${mib(row.size)}; the window opens originals up to ${mib(limit)}`,
    );
  const { bytes } = prepared(db, 'SELECT bytes FROM originals WHERE sha256 = ?').get(
    row.sha256,
  ) as { bytes: Buffer };
  return {
    sha256: row.sha256,
    mediaType: row.mediaType,
    size: row.size,
    name: row.name,
    base64: bytes.toString('base64'),
  };
}

/** Report `reportId`'s page spans in its current text, in page order; empty when it has none. */
export function readPages(db: Db, reportId: number): PageSpan[] {
  const spans = prepared(
    db,
    'SELECT page, start, "end" AS "end" FROM report_pages WHERE report_id = ? ORDER BY page',
  ).all(reportId) as PageSpan[];
  if (spans.length === 0 && !prepared(db, 'SELECT 1 FROM reports WHERE id = ?').get(reportId))
    throw new DeskError('not-found', `report ${reportId} does not exist`);
  return spans;
}
