// A future migration that rebuilds a table (create new, copy, drop old, rename), the way SQLite
// changes a column's constraints. Here it is appended to 003 (by mocking that module), so the
// rebuild runs through openDesk exactly as a real migration would.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../electron/core/db/migrate.ts';
import { tempDir } from './helpers.ts';

vi.mock('../../electron/core/db/migrations/003_origins.ts', async (importOriginal) => {
  const real = await importOriginal<{ sql: string }>();
  return {
    sql: `${real.sql}
      CREATE TABLE claims_new (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        verdict TEXT CHECK (verdict IN ('verified','refuted','unresolved')),
        verdict_rationale TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO claims_new SELECT * FROM claims;
      DROP TABLE claims;
      ALTER TABLE claims_new RENAME TO claims;`,
  };
});

describe('a table-rebuild migration', () => {
  it('keeps the evidence that points at the rebuilt table (foreign keys are off while it runs)', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const old = new Database(file);
    migrate(old, 2);
    old.exec(`
      INSERT INTO texts VALUES ('${'a'.repeat(64)}', 'Fuel prices rose in Hyesan.', 27);
      INSERT INTO reports (id, sha256, title, format, original_name, imported_at)
        VALUES (1, '${'a'.repeat(64)}', 'Fuel', 'txt', 'a.txt', 't');
      INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
        VALUES (1, 1, '${'a'.repeat(64)}', 0, 16, 'Fuel prices rose', '', ' in Hyesan.', 't', 't');
      INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'Fuel prices rose', 't', 't');
      INSERT INTO claim_tags VALUES (1, 'fuel');
      INSERT INTO evidence (claim_id, passage_id, stance, credibility, created_at)
        VALUES (1, 1, 'supports', 2, 't');`);
    old.close();

    const { db } = openDesk(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM claim_tags').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Foreign keys are back on for everything after the migration, cascades included.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.prepare('DELETE FROM claims WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
    db.close();
  });
});
