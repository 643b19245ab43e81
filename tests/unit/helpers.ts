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
