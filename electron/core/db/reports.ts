import type {
  ParsedInput,
  Report,
  ReportListItem,
  ReportOrder,
  SearchHit,
} from '../../../shared/api.ts';
import { MATCH_END, MATCH_START } from '../../../shared/search.ts';
import type { ReportOcr } from '../../../shared/api/reports.ts';
import type { OcrMark, OriginalFile, PreparedReport, ReportPage } from '../import/index.ts';
import { canonicalOutlet, outletKey } from '../import/outlets.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import { DeskError, isDeskWideFailure } from './errors.ts';
import { schemaVersion } from './migrate.ts';
import { placePendingPassages } from './set-passages.ts';
import { prepared } from './statements.ts';
import { toReport, type DbReport } from './rows.ts';

const selectReport = (ocr: string): string => `
  SELECT r.id, r.sha256, r.title, o.name AS outlet, r.byline, r.published_at, r.url, r.language,
         r.format, r.original_name, r.imported_at, t.chars,
         (SELECT count(*) FROM passages p WHERE p.report_id = r.id) AS passage_count,
         ${ocr} AS ocr_confidence
  FROM reports r
  JOIN texts t ON t.sha256 = r.sha256
  LEFT JOIN outlets o ON o.id = r.outlet_id`;
const SELECT_REPORT = selectReport(
  '(SELECT confidence FROM text_ocr WHERE text_ocr.sha256 = r.sha256)',
);
/** For a desk from before OCR (schema < 12) opened read-only, which has no text_ocr table. */
const SELECT_REPORT_BEFORE_OCR = selectReport('NULL');

/** Whether the desk has OCR marks (a desk opened read-only may predate migration 012). */
function hasOcr(db: Db): boolean {
  return schemaVersion(db) >= 12;
}

/** The outlet's id, created (with its outlet source) on first use; "DailyNK" finds an existing "Daily NK". */
export function ensureOutlet(db: Db, name: string): number {
  const key = outletKey(name);
  const found = prepared(db, 'SELECT id FROM outlets WHERE name_key = ?').pluck().get(key) as
    number | undefined;
  if (found !== undefined) return found;
  const now = new Date().toISOString();
  const id = Number(
    prepared(db, 'INSERT INTO outlets (name, name_key, created_at) VALUES (?, ?, ?)').run(
      name,
      key,
      now,
    ).lastInsertRowid,
  );
  // Every outlet is also a source: the origin of its reports' unattributed passages.
  prepared(
    db,
    `INSERT INTO sources (outlet_id, name, kind, created_at) VALUES (?, ?, 'outlet', ?)`,
  ).run(id, name, now);
  return id;
}

/** The report holding this exact text now or in an earlier version, if any. */
export function findReportByText(
  db: Db,
  sha256: string,
): { id: number; title: string } | undefined {
  return prepared(
    db,
    `SELECT r.id, r.title FROM report_versions v JOIN reports r ON r.id = v.report_id
     WHERE v.sha256 = ? ORDER BY v.version DESC LIMIT 1`,
  ).get(sha256) as { id: number; title: string } | undefined;
}

export type StoreResult =
  { status: 'imported'; id: number } | { status: 'duplicate'; id: number; title: string };

/** Writes one report's rows; the caller holds the transaction. */
function insertReport(db: Db, report: PreparedReport): StoreResult {
  // The text is stored once: only when it was already there can a report already hold it.
  const newText = prepared(
    db,
    'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)',
  ).run(report.sha256, report.text, report.chars).changes;
  const existing = newText ? undefined : findReportByText(db, report.sha256);
  if (existing) return { status: 'duplicate', ...existing };
  const now = new Date().toISOString();
  const outletId = report.outlet ? ensureOutlet(db, report.outlet) : null;
  const originalSha256 = report.original ? storeOriginal(db, report.original) : null;
  const id = Number(
    prepared(
      db,
      `INSERT INTO reports (sha256, title, outlet_id, byline, published_at, url, language, format,
                            original_name, imported_at, original_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      report.sha256,
      report.title,
      outletId,
      report.byline,
      report.publishedAt,
      report.url,
      report.language,
      report.format,
      report.originalName,
      now,
      originalSha256,
    ).lastInsertRowid,
  );
  prepared(
    db,
    `INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at, original_sha256)
     VALUES (?, 1, ?, ?, ?, ?)`,
  ).run(id, report.sha256, report.originalName, now, originalSha256);
  if (report.pages) storePages(db, id, report.pages);
  if (report.ocr) storeOcr(db, report.sha256, report.ocr);
  prepared(db, 'INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)').run(
    id,
    report.title,
    report.text,
  );
  appendAudit(db, {
    action: 'report.import',
    entity: 'report',
    entityId: id,
    after: {
      title: report.title,
      outlet: report.outlet,
      sha256: report.sha256,
      file: report.originalName,
      ...(originalSha256 ? { originalSha256 } : {}),
    },
  });
  // Passages of a merged claim set may have been waiting for this text.
  placePendingPassages(db, report.sha256, report.text);
  return { status: 'imported', id };
}

/**
 * Keeps a file's own bytes, once however often it is imported (rows are keyed by the bytes'
 * SHA-256, so a second copy changes nothing), and returns that SHA-256. Inside the caller's
 * transaction.
 */
export function storeOriginal(db: Db, original: OriginalFile): string {
  prepared(
    db,
    'INSERT OR IGNORE INTO originals (sha256, bytes, size, media_type) VALUES (?, ?, ?, ?)',
  ).run(
    original.sha256,
    // A Uint8Array from the parse worker: better-sqlite3 binds Buffers (this one shares its memory).
    Buffer.from(original.bytes.buffer, original.bytes.byteOffset, original.bytes.byteLength),
    original.bytes.length,
    original.mediaType,
  );
  return original.sha256;
}

/** Makes `pages` the page spans of report `id`'s current text, replacing any it had. */
export function storePages(db: Db, id: number, pages: readonly ReportPage[]): void {
  prepared(db, 'DELETE FROM report_pages WHERE report_id = ?').run(id);
  const insert = prepared(
    db,
    'INSERT INTO report_pages (report_id, page, start, "end") VALUES (?, ?, ?, ?)',
  );
  for (const p of pages) insert.run(id, p.page, p.start, p.end);
}

/**
 * Marks the text with this SHA-256 as recognised by OCR (see migration 012). A text is stored once,
 * so its mark is too: a text already marked keeps its mark. Inside the caller's transaction.
 */
export function storeOcr(db: Db, sha256: string, ocr: OcrMark): void {
  const added = prepared(
    db,
    'INSERT OR IGNORE INTO text_ocr (sha256, confidence, pages) VALUES (?, ?, ?)',
  ).run(sha256, ocr.confidence, ocr.pages ? JSON.stringify(ocr.pages) : null).changes;
  if (!added) return;
  const insert = prepared(
    db,
    'INSERT INTO ocr_words (sha256, start, "end", confidence) VALUES (?, ?, ?, ?)',
  );
  for (const w of ocr.lowConfidence) insert.run(sha256, w.start, w.end, w.confidence);
}

/** How report `id`'s current text was recognised by OCR; null when it was not (or no such report). */
export function getReportOcr(db: Db, id: number): ReportOcr | null {
  if (!hasOcr(db)) return null;
  const row = prepared(
    db,
    `SELECT o.sha256, o.confidence, o.pages FROM reports r JOIN text_ocr o ON o.sha256 = r.sha256
     WHERE r.id = ?`,
  ).get(id) as { sha256: string; confidence: number; pages: string | null } | undefined;
  if (!row) return null;
  return {
    confidence: row.confidence,
    pages: row.pages === null ? null : (JSON.parse(row.pages) as number[]),
    lowConfidence: prepared(
      db,
      'SELECT start, "end" AS "end", confidence FROM ocr_words WHERE sha256 = ? ORDER BY start',
    ).all(row.sha256) as ReportOcr['lowConfidence'],
  };
}

/** Report `id`'s page spans in its current text, in page order; empty for a report without pages. */
export function getReportPages(db: Db, id: number): ReportPage[] {
  return prepared(
    db,
    'SELECT page, start, "end" AS "end" FROM report_pages WHERE report_id = ? ORDER BY page',
  ).all(id) as ReportPage[];
}

/** The original file report `id`'s current version was imported from; undefined if it predates originals. */
export function getReportOriginal(
  db: Db,
  id: number,
): { sha256: string; bytes: Buffer; mediaType: string; name: string } | undefined {
  return prepared(
    db,
    `SELECT o.sha256, o.bytes, o.media_type AS mediaType, v.original_name AS name
     FROM reports r
     JOIN originals o ON o.sha256 = r.original_sha256
     JOIN report_versions v ON v.report_id = r.id
       AND v.version = (SELECT max(version) FROM report_versions WHERE report_id = r.id)
     WHERE r.id = ?`,
  ).get(id) as { sha256: string; bytes: Buffer; mediaType: string; name: string } | undefined;
}

/** Stores one prepared report in its own transaction, or reports that its text is already here. */
export function storeReport(db: Db, report: PreparedReport): StoreResult {
  return db.transaction(() => insertReport(db, report)).immediate();
}

/**
 * Stores many reports, each all-or-nothing. They are written in one transaction (one commit, and
 * FTS5 merges its index once); if any write fails, that transaction is rolled back and each
 * report is stored again in its own, so a failure stays with the report that caused it.
 */
export function storeReports(db: Db, reports: PreparedReport[]): (StoreResult | Error)[] {
  try {
    return db.transaction(() => reports.map((report) => insertReport(db, report))).immediate();
  } catch (error) {
    if (isDeskWideFailure(error)) throw error;
    return reports.map((report) => {
      try {
        return storeReport(db, report);
      } catch (error) {
        return error as Error;
      }
    });
  }
}

export function listReports(db: Db): Report[] {
  const rows = db
    .prepare(
      `${hasOcr(db) ? SELECT_REPORT : SELECT_REPORT_BEFORE_OCR} ORDER BY o.name IS NULL, o.name COLLATE NOCASE, r.published_at DESC, r.id`,
    )
    .all() as DbReport[];
  return rows.map(toReport);
}

/**
 * The library's order, without the rows: every report's id, grouped by outlet (by name, reports
 * with none last), newest first within each; and the outlets' runs in that order. At 50,000 reports
 * this is a few hundred kilobytes, where the rows are megabytes; the page asks for the rows it
 * shows (`listReportItems`).
 */
export function listReportOrder(db: Db): ReportOrder {
  // One snapshot (another program may be importing), read outlet by outlet, each in order from
  // the reports_library index: no sort of the reports.
  return db.transaction(() => readReportOrder(db))();
}

function readReportOrder(db: Db): ReportOrder {
  const outlets = prepared(
    db,
    `SELECT id, name FROM outlets ORDER BY name COLLATE NOCASE, id`,
  ).all() as { id: number; name: string }[];
  const ofOutlet = prepared(
    db,
    `SELECT id FROM reports WHERE outlet_id = ? ORDER BY published_at DESC, id`,
  ).pluck();
  const ids: number[] = [];
  const runs: ReportOrder['outlets'] = [];
  const add = (name: string | null, run: number[]): void => {
    if (run.length === 0) return;
    for (const id of run) ids.push(id);
    runs.push({ name, count: run.length });
  };
  for (const outlet of outlets) add(outlet.name, ofOutlet.all(outlet.id) as number[]);
  add(
    null,
    prepared(db, `SELECT id FROM reports WHERE outlet_id IS NULL ORDER BY published_at DESC, id`)
      .pluck()
      .all() as number[],
  );
  return { ids, outlets: runs };
}

/**
 * The library's rows for these reports, in the order asked (ids of no report are left out): a
 * row's fields only. No join to the texts, whose length column sits after the body: reading it
 * walks each text's overflow pages (at 50,000 reports, most of the file).
 */
export function listReportItems(db: Db, ids: readonly number[]): ReportListItem[] {
  return prepared(
    db,
    `SELECT r.id, r.title, o.name AS outlet, r.byline, r.published_at AS publishedAt,
            (SELECT count(*) FROM passages p WHERE p.report_id = r.id) AS passageCount
     FROM json_each(?) AS asked
     JOIN reports r ON r.id = asked.value
     LEFT JOIN outlets o ON o.id = r.outlet_id
     ORDER BY asked.key`,
  ).all(JSON.stringify(ids)) as ReportListItem[];
}

export function getReport(db: Db, id: number): Report | undefined {
  const row = db
    .prepare(`${hasOcr(db) ? SELECT_REPORT : SELECT_REPORT_BEFORE_OCR} WHERE r.id = ?`)
    .get(id) as DbReport | undefined;
  return row && toReport(row);
}

export function getReportText(db: Db, id: number): string | undefined {
  return db
    .prepare('SELECT t.body FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?')
    .pluck()
    .get(id) as string | undefined;
}

// The snippet markers live in shared/ (the page reads them too); re-exported for the desk's callers.
export { MATCH_END, MATCH_START };

/**
 * Full-text search. The query is taken as words (each quoted for FTS5, so punctuation in what the
 * analyst typed is never FTS syntax); a trailing `*` on a word keeps prefix search.
 */
export function searchReports(db: Db, query: string, limit = 50): SearchHit[] {
  const match = toFtsQuery(query);
  if (!match) return [];
  const rows = prepared(db, SEARCH).all(match, limit) as (SearchHit & { rank: number })[];
  // The join may hand rows back in any order; the ranked subquery gave at most `limit` of them.
  return rows.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...hit }) => hit);
}

/**
 * Ranked by FTS5 itself (`ORDER BY rank` with the title weighted 5×), which keeps only the best
 * `limit` matches as it goes instead of sorting every match in a temporary B-tree; the snippet is
 * built in the subquery after the LIMIT, so only for the rows shown.
 */
export const SEARCH = `
  SELECT r.id AS reportId, r.title, o.name AS outlet, s.snippet, s.rank
  FROM (SELECT rowid, rank,
               snippet(report_search, 1, '${MATCH_START}', '${MATCH_END}', '…', 24) AS snippet
        FROM report_search
        WHERE report_search MATCH ? AND rank MATCH 'bm25(5.0, 1.0)'
        ORDER BY rank
        LIMIT ?) s
  JOIN reports r ON r.id = s.rowid
  LEFT JOIN outlets o ON o.id = r.outlet_id`;

/** How many reports match in all; counting needs no ranking, so it costs a scan of the index only. */
export function countMatches(db: Db, query: string): number {
  const match = toFtsQuery(query);
  if (!match) return 0;
  return prepared(db, 'SELECT count(*) FROM report_search WHERE report_search MATCH ?')
    .pluck()
    .get(match) as number;
}

export function toFtsQuery(query: string): string {
  return (query.normalize('NFC').match(/[\p{L}\p{N}_'’-]+\*?/gu) ?? [])
    .map((word) => {
      const prefix = word.endsWith('*');
      const bare = word.replace(/\*$/, '').replace(/"/g, '');
      return bare ? `"${bare}"${prefix ? '*' : ''}` : '';
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * Replaces a report's entry in the search index. External-content FTS5 must be told the old
 * values to remove them; call inside the transaction that changes the title or text.
 */
export function reindexReport(
  db: Db,
  id: number,
  old: { title: string; body: string },
  next: { title: string; body: string },
): void {
  prepared(
    db,
    `INSERT INTO report_search (report_search, rowid, title, body) VALUES ('delete', ?, ?, ?)`,
  ).run(id, old.title, old.body);
  prepared(db, 'INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)').run(
    id,
    next.title,
    next.body,
  );
}

/** The editable metadata, as the contract validates it. */
export type MetadataPatch = ParsedInput<'reports.update'>['patch'];

const COLUMN: Record<Exclude<keyof MetadataPatch, 'outlet'>, string> = {
  title: 'title',
  byline: 'byline',
  publishedAt: 'published_at',
  url: 'url',
  language: 'language',
};

/** Edits a report's metadata (never its text); the search index follows a new title. */
export function updateReportMetadata(db: Db, id: number, patch: MetadataPatch): Report {
  return db.transaction(() => {
    const before = getReport(db, id);
    if (!before) throw new DeskError('not-found', `report ${id} does not exist`);
    for (const [key, column] of Object.entries(COLUMN) as [keyof typeof COLUMN, string][]) {
      const value = patch[key];
      if (value === undefined) continue;
      db.prepare(`UPDATE reports SET ${column} = ? WHERE id = ?`).run(
        value === '' ? null : value,
        id,
      );
    }
    if (patch.outlet !== undefined) {
      const outletId = patch.outlet ? ensureOutlet(db, canonicalOutlet(patch.outlet)) : null;
      db.prepare('UPDATE reports SET outlet_id = ? WHERE id = ?').run(outletId, id);
    }
    if (patch.title !== undefined && patch.title !== before.title) {
      const body = getReportText(db, id) as string;
      reindexReport(db, id, { title: before.title, body }, { title: patch.title, body });
    }
    const after = getReport(db, id) as Report;
    appendAudit(db, {
      action: 'report.update',
      entity: 'report',
      entityId: id,
      before: pick(before, patch),
      after: pick(after, patch),
    });
    return after;
  })();
}

function pick(report: Report, patch: MetadataPatch): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, report[k as keyof Report]]));
}
