import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import {
  migrate,
  NewerDeskError,
  SCHEMA_VERSION,
  schemaVersion,
} from '../../electron/core/db/migrate.ts';
import { searchReports } from '../../electron/core/db/reports.ts';
import { tempDir } from './helpers.ts';

const tables = (db: Database.Database): string[] =>
  (
    db
      .prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table','view') ORDER BY name`)
      .pluck()
      .all() as string[]
  ).filter((name) => !name.startsWith('report_search_') && !name.startsWith('sqlite_'));

/**
 * A desk file as an older Source Desk left it: schema `version`, holding what `fill` writes.
 * Its upgrade then goes through openDesk, the path the app and the CLI take.
 */
function oldDesk(version: number, fill: string): string {
  const file = join(tempDir(), 'desk.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  db.pragma('foreign_keys = OFF');
  db.exec(fill);
  db.close();
  return file;
}

describe('migrations', () => {
  it('001 creates the STRICT tables of the desk', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual([
      'audit_log',
      'claim_tags',
      'claims',
      'evidence',
      'outlets',
      'passages',
      'ratings',
      'report_versions',
      'reports',
      'sources',
      'texts',
    ]);
    const sqlOf = (name: string): string =>
      db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(name) as string;
    for (const name of tables(db)) expect(sqlOf(name), name).toMatch(/\)\s*STRICT/);
    // STRICT rejects a value of the wrong type instead of storing it.
    expect(() =>
      db
        .prepare(`INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)`)
        .run('a'.repeat(64), 'x', 'many'),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('001 keeps the audit log append-only', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(`INSERT INTO audit_log (at, action, entity) VALUES ('t', 'a', 'e')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET action = 'b'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });

  it('002 indexes the reports a version-1 desk already holds', () => {
    const file = oldDesk(
      1,
      `INSERT INTO texts VALUES ('${'a'.repeat(64)}', 'Licence costs rose to 1,200 yuan.', 33);
       INSERT INTO reports (sha256, title, format, original_name, imported_at)
         VALUES ('${'a'.repeat(64)}', 'Licences', 'txt', 'a.txt', 't');`,
    );
    const { db, created } = openDesk(file);
    expect(created).toBe(false);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(searchReports(db, 'yuan')).toEqual([
      {
        reportId: 1,
        title: 'Licences',
        outlet: null,
        snippet: 'Licence costs rose to 1,200 \uE000yuan\uE001.',
      },
    ]);
    db.close();
  });

  it('003 makes every outlet a source and moves outlet grades onto it', () => {
    const file = oldDesk(
      2,
      `INSERT INTO outlets (id, name, name_key, created_at) VALUES (1, 'Daily NK', 'dailynk', 't'), (2, 'ASIAPRESS', 'asiapress', 't');
       INSERT INTO sources (id, outlet_id, name, created_at) VALUES (10, 2, 'Reporting partner A', 't');
       INSERT INTO ratings (outlet_id, reliability, rationale, rated_at) VALUES (1, 'B', 'long record', 't');
       INSERT INTO ratings (source_id, reliability, rated_at) VALUES (10, 'C', 't');`,
    );
    const { db } = openDesk(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const sources = db
      .prepare(
        'SELECT id, outlet_id AS outletId, name, kind FROM sources ORDER BY outlet_id, kind DESC',
      )
      .all();
    expect(sources).toEqual([
      { id: 11, outletId: 1, name: 'Daily NK', kind: 'outlet' },
      { id: 12, outletId: 2, name: 'ASIAPRESS', kind: 'outlet' },
      { id: 10, outletId: 2, name: 'Reporting partner A', kind: 'named' },
    ]);
    expect(
      db.prepare('SELECT source_id, outlet_id, reliability FROM ratings ORDER BY id').all(),
    ).toEqual([
      { source_id: 11, outlet_id: null, reliability: 'B' },
      { source_id: 10, outlet_id: null, reliability: 'C' },
    ]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO sources (outlet_id, name, kind, created_at) VALUES (1, 'again', 'outlet', 't')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });

  it('a failing migration leaves the desk at its previous version, saying so with its path', () => {
    // 002 would create report_search: make it fail half-way.
    const file = oldDesk(1, `CREATE TABLE report_search (x)`);
    expect(() => openDesk(file)).toThrow(
      `${file}: upgrading the desk to schema 2 failed (table report_search already exists); it was left at schema 1`,
    );
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(1);
    expect(
      db
        .prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'report_search_source'`)
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
  });

  it('ends each migration with a foreign key check: a row pointing nowhere undoes the upgrade', () => {
    // Written with foreign keys off, as a damaged or hand-edited desk could be.
    const file = oldDesk(
      2,
      `INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'Fuel prices rose', 't', 't');
       INSERT INTO evidence (id, claim_id, passage_id, stance, credibility, created_at)
         VALUES (7, 1, 99, 'supports', 2, 't');`,
    );
    expect(() => openDesk(file)).toThrow(
      `${file}: after the upgrade to schema 3, evidence row 7 points to a missing passages row; ` +
        'the upgrade was undone and the desk left at schema 2',
    );
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(2);
    expect(
      db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'origin_reviews'`).pluck().get(),
    ).toBe(0);
    db.close();
  });

  it('backs up a desk, verified, before upgrading it', () => {
    const file = oldDesk(
      2,
      `INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'Fuel prices rose', 't', 't');`,
    );
    const { db } = openDesk(file);
    db.close();
    const backups = readdirSync(join(file, '..', 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(
      new RegExp(
        `^desk\\.\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z\\.before-schema-${SCHEMA_VERSION}\\.sqlite$`,
      ),
    );
    const copy = new Database(join(file, '..', 'backups', backups[0] as string), {
      readonly: true,
    });
    expect(schemaVersion(copy)).toBe(2);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT text FROM claims').pluck().all()).toEqual(['Fuel prices rose']);
    copy.close();
  });

  it('does not upgrade a desk whose backup cannot be written', () => {
    const file = oldDesk(2, '');
    // A file where the backups folder should be: the backup cannot be made.
    writeFileSync(join(file, '..', 'backups'), '');
    expect(() => openDesk(file)).toThrow(`${file}: the backup failed`);
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('opening a new file brings it to the current version with WAL and foreign keys on', () => {
    const { db, created } = openDesk(join(tempDir(), 'desk.sqlite'));
    expect(created).toBe(true);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a desk written by a newer version and leaves the file untouched', () => {
    const file = join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.exec(`CREATE TABLE things (x); PRAGMA user_version = ${SCHEMA_VERSION + 5};`);
    future.close();
    const before = readFileSync(file);
    expect(() => openDesk(file)).toThrow(NewerDeskError);
    expect(() => openDesk(file)).toThrow(
      /written by a newer Source Desk .*the file was not changed/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
