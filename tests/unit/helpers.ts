import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { openDesk, type Db } from '../../electron/core/db/connection.ts';
import type { PreparedReport } from '../../electron/core/import/index.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEEDS = join(ROOT, 'seeds');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const SEED_FILES = [
  '000_952f6d4bfb86788f.txt',
  '001_3161affea73c84aa.txt',
  '002_80749e2cc6ce0b1b.txt',
];

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'source-desk-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Who the tests' desks record changes under: a change with no reviewer named is refused. */
export const TEST_REVIEWER = 'T. Reviewer';

/** A real desk file in a fresh folder, its reviewer named, closed after the test. */
export function tempDesk(): { db: Db; file: string; dir: string } {
  const dir = tempDir();
  const file = join(dir, 'desk.sqlite');
  const { db } = openDesk(file);
  db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', ?)`).run(TEST_REVIEWER);
  cleanups.push(() => db.open && db.close());
  return { db, file, dir };
}

/** A plain-text report as an importer prepares it: its text and title, the rest as given. */
export function preparedReport(
  title: string,
  text: string,
  more: Partial<Pick<PreparedReport, 'outlet' | 'publishedAt'>> = {},
): PreparedReport {
  return {
    text,
    sha256: sha256(text),
    chars: text.length,
    format: 'txt',
    originalName: `${title}.txt`,
    title,
    outlet: 'Daily NK',
    byline: null,
    publishedAt: null,
    url: null,
    language: 'en',
    ...more,
  };
}

/** Takes a desk back from schema 12 to 11 (what migration 012 added: the OCR marks of texts). */
export const UNDO_OCR = `DROP TABLE ocr_words; DROP TABLE text_ocr;`;

/**
 * Takes a desk back from schema 11 to 10 (what migration 011 added: originals, report pages, the
 * reports' and versions' original_sha256 and the new formats), to fake an older desk. The two
 * tables are rebuilt as 001 made them, with foreign keys off as a migration runs.
 */
export const UNDO_ORIGINALS = `PRAGMA foreign_keys = OFF;
DROP TABLE report_pages;
DROP VIEW report_search_source;
CREATE TABLE reports_old (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  title TEXT NOT NULL,
  outlet_id INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
  byline TEXT,
  published_at TEXT,
  url TEXT,
  language TEXT,
  format TEXT NOT NULL CHECK (format IN ('txt','md','html')),
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
INSERT INTO reports_old SELECT id, sha256, title, outlet_id, byline, published_at, url, language,
  format, original_name, imported_at FROM reports;
DROP TABLE reports;
ALTER TABLE reports_old RENAME TO reports;
CREATE INDEX reports_sha ON reports(sha256);
CREATE INDEX reports_library ON reports(outlet_id, published_at DESC, id);
CREATE VIEW report_search_source AS
  SELECT reports.id AS id, reports.title AS title, texts.body AS body
  FROM reports JOIN texts ON texts.sha256 = reports.sha256;
CREATE TABLE report_versions_old (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES texts(sha256),
  original_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (report_id, version)
) STRICT;
INSERT INTO report_versions_old SELECT report_id, version, sha256, original_name, imported_at
  FROM report_versions;
DROP TABLE report_versions;
ALTER TABLE report_versions_old RENAME TO report_versions;
CREATE INDEX report_versions_sha ON report_versions(sha256);
DROP TABLE originals;
PRAGMA foreign_keys = ON;`;

/** Takes a desk back from schema 10 to 9 (what migration 010 added), to fake an older desk. */
export const UNDO_SUGGESTIONS = 'DROP TABLE rejected_suggestions;';

/** Takes a desk back from schema 9 to 8 (what migration 009 added), to fake an older desk. */
export const UNDO_CLAIM_SETS = ['claims', 'sources', 'passages', 'evidence']
  .map(
    (table) =>
      `DROP TRIGGER ${table}_uuid; DROP INDEX ${table}_uuid; ALTER TABLE ${table} DROP COLUMN uuid;`,
  )
  .concat(
    'ALTER TABLE audit_log DROP COLUMN merge_id;',
    'DROP TABLE pending_passages; DROP TABLE merge_conflicts; DROP TABLE provenance;',
    "DROP TABLE merges; DELETE FROM preferences WHERE key = 'desk_id';",
  )
  .join(' ');
