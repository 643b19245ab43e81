import { openDesk } from './db/connection.ts';
import { SCHEMA_VERSION, schemaVersion } from './db/migrate.ts';
import { sha256 } from './import/normalise.ts';

export interface CheckResult {
  ok: boolean;
  problems: string[];
  counts: { reports: number; passages: number; claims: number };
}

/**
 * Reads a desk without changing it: SQLite's integrity check, foreign keys, the search index
 * against the text it indexes, and every stored text against its SHA-256.
 */
export function checkDesk(file: string): CheckResult {
  const problems: string[] = [];
  let counts = { reports: 0, passages: 0, claims: 0 };
  let opened;
  try {
    opened = openDesk(file, { inspect: true });
  } catch (error) {
    return { ok: false, problems: [(error as Error).message], counts };
  }
  const { db } = opened;
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    for (const row of integrity)
      if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
    const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    for (const row of fk)
      problems.push(`foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent}`);
    const version = schemaVersion(db);
    if (version < SCHEMA_VERSION)
      problems.push(
        `schema ${version} is older than ${SCHEMA_VERSION}: open the desk once to upgrade it`,
      );
    if (version >= 2) {
      try {
        // A read of the index against its content; it writes nothing.
        db.prepare(
          `INSERT INTO report_search(report_search, rank) VALUES ('integrity-check', 1)`,
        ).run();
      } catch (error) {
        problems.push(
          `search index out of step with the report texts: ${(error as Error).message}`,
        );
      }
    }
    for (const row of db.prepare('SELECT sha256, body, chars FROM texts').iterate() as Iterable<{
      sha256: string;
      body: string;
      chars: number;
    }>) {
      if (sha256(row.body) !== row.sha256)
        problems.push(`text ${row.sha256.slice(0, 12)}… does not match its SHA-256`);
      if (row.body.length !== row.chars)
        problems.push(`text ${row.sha256.slice(0, 12)}… has a wrong length`);
    }
    if (version < 1) return { ok: problems.length === 0, problems, counts };
    counts = {
      reports: db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      passages: db.prepare('SELECT count(*) FROM passages').pluck().get() as number,
      claims: db.prepare('SELECT count(*) FROM claims').pluck().get() as number,
    };
  } catch (error) {
    problems.push((error as Error).message);
  } finally {
    db.close();
  }
  return { ok: problems.length === 0, problems, counts };
}
