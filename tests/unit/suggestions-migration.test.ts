// Migration 010 (rejected suggestions), through the production open path: a schema-9 desk with
// data is upgraded, keeps its rows, and gains the table; a rejection belongs to exactly one claim
// or passage, is stored once, and goes with its claim.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate, schemaVersion, SCHEMA_VERSION } from '../../electron/core/db/migrate.ts';
import { tempDir } from './helpers.ts';

const SHA = 'a'.repeat(64);

describe('migration 010: rejected suggestions', () => {
  it('upgrades a schema-9 desk, keeping its claims, and records rejections per claim or passage', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const old = new Database(file);
    migrate(old, 9);
    old.exec(`
      INSERT INTO outlets (id, name, name_key, created_at) VALUES (1, 'Daily NK', 'dailynk', 't');
      INSERT INTO sources (id, outlet_id, name, kind, created_at) VALUES (1, 1, 'Daily NK', 'outlet', 't');
      INSERT INTO texts (sha256, body, chars) VALUES ('${SHA}', 'One two three. Four five six.', 29);
      INSERT INTO reports (id, sha256, title, outlet_id, format, original_name, imported_at) VALUES (1, '${SHA}', 'r', 1, 'txt', 'r.txt', 't');
      INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
        VALUES (1, 1, '${SHA}', 0, 3, 'One', '', ' two', 't', 't');
      INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'c1', 't', 't');`);
    old.close();

    const { db } = openDesk(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT text FROM claims').pluck().all()).toEqual(['c1']);
    const insert = db.prepare(
      `INSERT INTO rejected_suggestions (claim_id, passage_id, sha256, position_start, position_end, reviewer, rejected_at)
       VALUES (?, ?, '${SHA}', ?, ?, 'T. Reviewer', 't')`,
    );
    insert.run(1, null, 15, 29);
    insert.run(null, 1, 15, 29);
    // Once per claim and span; never both a claim and a passage, nor neither; a real span only.
    expect(() => insert.run(1, null, 15, 29)).toThrow(/UNIQUE/);
    expect(() => insert.run(1, 1, 0, 3)).toThrow(/CHECK/);
    expect(() => insert.run(null, null, 0, 3)).toThrow(/CHECK/);
    expect(() => insert.run(1, null, 5, 5)).toThrow(/CHECK/);
    expect(() => insert.run(2, null, 0, 3)).toThrow(/FOREIGN KEY/);
    // A deleted claim takes its rejections with it.
    db.prepare('DELETE FROM claims WHERE id = 1').run();
    expect(db.prepare('SELECT claim_id, passage_id FROM rejected_suggestions').raw().all()).toEqual(
      [[null, 1]],
    );
    db.close();
  });
});
