// Originals (issue 12): every import keeps the file's own bytes, once per distinct SHA-256, and
// names them from the report and its version; migration 011 brings older desks along; page spans
// of a paged original are stored with the report.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk, type Db } from '../../electron/core/db/connection.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../electron/core/db/migrate.ts';
import {
  getReportOriginal,
  getReportPages,
  searchReports,
  storeReport,
  storeReports,
} from '../../electron/core/db/reports.ts';
import { checkPages, prepareReport } from '../../electron/core/import/index.ts';
import { startParsePool } from '../../electron/core/import/parse-pool.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { importNewVersion } from '../../electron/core/reports/versions.ts';
import { FIXTURES, preparedReport, SEED_FILES, SEEDS, tempDesk, tempDir } from './helpers.ts';

const hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const count = (db: Db, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function originalOf(db: Db, reportId: number): { sha256: string; bytes: Buffer } | undefined {
  return db
    .prepare(
      `SELECT o.sha256, o.bytes FROM reports r JOIN originals o ON o.sha256 = r.original_sha256
       WHERE r.id = ?`,
    )
    .get(reportId) as { sha256: string; bytes: Buffer } | undefined;
}

describe('originals', () => {
  it('are kept for every file imported from a path, byte for byte, and once when imported twice', async () => {
    const { db } = tempDesk();
    const dir = tempDir();
    const files = [join(SEEDS, SEED_FILES[0] as string), join(FIXTURES, 'saved-page.html')];
    const results = await importPaths(db, files);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    for (const [i, file] of files.entries()) {
      const bytes = readFileSync(file);
      const original = originalOf(db, results[i]?.reportId as number);
      expect(original?.sha256).toBe(hex(bytes));
      expect(Buffer.compare(original?.bytes as Buffer, bytes)).toBe(0);
    }
    expect(
      db.prepare('SELECT media_type, size FROM originals ORDER BY media_type DESC').all(),
    ).toEqual([
      { media_type: 'text/plain', size: readFileSync(files[0] as string).length },
      { media_type: 'text/html', size: readFileSync(files[1] as string).length },
    ]);
    // The same file again, and a copy under another name: the same text, so nothing is added.
    const copy = join(dir, 'copy.txt');
    copyFileSync(files[0] as string, copy);
    const again = await importPaths(db, [files[0] as string, copy]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(count(db, 'originals')).toBe(2);
    expect(count(db, 'reports')).toBe(2);
  });

  it('are kept for files sent as bytes (a drop in the window), through the parse worker', async () => {
    const { db } = tempDesk();
    const bytes = readFileSync(join(SEEDS, SEED_FILES[1] as string));
    const pool = startParsePool();
    try {
      // As the service receives a drop: base64 decoded into a Buffer of its own.
      const report = await pool.parse({
        name: 'dropped.txt',
        bytes: Buffer.from(bytes.toString('base64'), 'base64'),
      });
      expect(report.original?.sha256).toBe(hex(bytes));
      const [stored] = storeReports(db, [report]);
      const id = (stored as { id: number }).id;
      expect(getReportOriginal(db, id)).toEqual({
        sha256: hex(bytes),
        bytes,
        mediaType: 'text/plain',
        name: 'dropped.txt',
      });
      // Two reports whose files differ but not their text cannot both be stored: one original.
      const small = await pool.parse({ name: 'small.txt', bytes: Buffer.from('A short text.') });
      expect(new Uint8Array(small.original?.bytes ?? [])).toEqual(
        new Uint8Array(Buffer.from('A short text.')),
      );
    } finally {
      await pool.close();
    }
    expect(count(db, 'originals')).toBe(1);
  });

  it('of a new version are kept beside the first version’s, and the report names the new one', async () => {
    const { db } = tempDesk();
    const first = await prepareReport(
      Buffer.from('Fuel prices rose in Hyesan last week.'),
      'a.txt',
    );
    const id = (storeReport(db, first) as { id: number }).id;
    const next = await prepareReport(
      Buffer.from('Fuel prices rose sharply in Hyesan last week.'),
      'b.txt',
    );
    importNewVersion(db, id, next);
    expect(
      db
        .prepare(
          'SELECT version, original_sha256 FROM report_versions WHERE report_id = ? ORDER BY version',
        )
        .all(id),
    ).toEqual([
      { version: 1, original_sha256: first.original?.sha256 },
      { version: 2, original_sha256: next.original?.sha256 },
    ]);
    expect(getReportOriginal(db, id)?.name).toBe('b.txt');
    expect(getReportOriginal(db, id)?.sha256).toBe(next.original?.sha256);
    expect(count(db, 'originals')).toBe(2);
  });
});

describe('page spans', () => {
  it('are stored with a report, and a new version’s replace them', () => {
    const { db } = tempDesk();
    const text = 'Page one text.\nPage two text.';
    const pages = [
      { page: 1, start: 0, end: 15 },
      { page: 2, start: 15, end: 29 },
    ];
    const id = (storeReport(db, { ...preparedReport('Paged', text), pages }) as { id: number }).id;
    expect(getReportPages(db, id)).toEqual(pages);
    importNewVersion(db, id, preparedReport('Paged', 'Page one text, revised.'));
    expect(getReportPages(db, id)).toEqual([]);
    db.prepare('DELETE FROM reports WHERE id = ?').run(id);
    expect(count(db, 'report_pages')).toBe(0);
  });

  it('must tile the text in order, or the report is not stored', () => {
    expect(() => checkPages([{ page: 1, start: 0, end: 10 }], 10)).not.toThrow();
    expect(() => checkPages([{ page: 1, start: 0, end: 11 }], 10)).toThrow(
      /page 1 the span 0–11, which is not in order within the text/,
    );
    expect(() =>
      checkPages(
        [
          { page: 1, start: 0, end: 6 },
          { page: 2, start: 5, end: 10 },
        ],
        10,
      ),
    ).toThrow(/page 2/);
    expect(() => checkPages([{ page: 2, start: 0, end: 1 }], 10)).toThrow(/page 2/);
  });
});

describe('migration 011', () => {
  it('brings a schema-10 desk along: its reports keep their rows and search, with no original', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const old = new Database(file);
    migrate(old, 10);
    const sha = 'a'.repeat(64);
    old.exec(`
      INSERT INTO texts VALUES ('${sha}', 'Fuel prices rose in Hyesan.', 27);
      INSERT INTO reports (id, sha256, title, format, original_name, imported_at)
        VALUES (1, '${sha}', 'Fuel', 'txt', 'a.txt', 't');
      INSERT INTO report_versions VALUES (1, 1, '${sha}', 'a.txt', 't');
      INSERT INTO report_search (rowid, title, body) VALUES (1, 'Fuel', 'Fuel prices rose in Hyesan.');
      INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
        VALUES (1, 1, '${sha}', 0, 4, 'Fuel', '', ' prices', 't', 't');`);
    old.close();

    const { db } = openDesk(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT id, title, format, original_sha256 FROM reports').all()).toEqual([
      { id: 1, title: 'Fuel', format: 'txt', original_sha256: null },
    ]);
    expect(db.prepare('SELECT original_sha256 FROM report_versions').pluck().all()).toEqual([null]);
    expect(count(db, 'passages')).toBe(1);
    expect(searchReports(db, 'hyesan').map((h) => h.reportId)).toEqual([1]);
    expect(getReportOriginal(db, 1)).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The new formats are allowed; an unknown one still is not.
    const insert = db.prepare(
      `INSERT INTO reports (sha256, title, format, original_name, imported_at) VALUES ('${sha}', 'x', ?, 'x', 't')`,
    );
    for (const format of ['docx', 'mhtml', 'pdf']) expect(() => insert.run(format)).not.toThrow();
    expect(() => insert.run('exe')).toThrow(/CHECK/);
    // A report's passages still go with it.
    db.prepare('DELETE FROM reports WHERE id = 1').run();
    expect(count(db, 'passages')).toBe(0);
    db.close();
  });
});
