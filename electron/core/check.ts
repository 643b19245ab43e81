import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { openDesk, type Db } from './db/connection.ts';
import { explainDeskError } from './db/errors.ts';
import { SCHEMA_VERSION, schemaVersion } from './db/migrate.ts';
import { sha256 } from './import/normalise.ts';

export interface CheckResult {
  ok: boolean;
  problems: string[];
  /** What could not be checked, and why: neither a pass nor a problem. */
  unchecked: string[];
  counts: { reports: number; passages: number; claims: number };
}

/** Largest desk whose search index is checked on a copy in memory when the desk is read-only. */
const MEMORY_COPY_LIMIT = 1024 ** 3;

/**
 * Reads a desk without changing it (it is opened read-only): SQLite's integrity check, foreign
 * keys, the search index against the text it indexes, every stored text against its SHA-256,
 * and every passage's selectors against the text they point into.
 */
export function checkDesk(file: string): CheckResult {
  const problems: string[] = [];
  const unchecked: string[] = [];
  let counts = { reports: 0, passages: 0, claims: 0 };
  let db: Db;
  try {
    db = openDesk(file, { readonly: true }).db;
  } catch (error) {
    return { ok: false, problems: [(error as Error).message], unchecked, counts };
  }
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
    if (version >= 2) checkSearchIndex(db, file, problems, unchecked);
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
    if (version < 1) return { ok: problems.length === 0, problems, unchecked, counts };
    checkPassages(db, problems);
    counts = {
      reports: db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      passages: db.prepare('SELECT count(*) FROM passages').pluck().get() as number,
      claims: db.prepare('SELECT count(*) FROM claims').pluck().get() as number,
    };
  } catch (error) {
    problems.push((explainDeskError(error, file) as Error).message);
  } finally {
    db.close();
  }
  return { ok: problems.length === 0, problems, unchecked, counts };
}

const FTS_CHECK = `INSERT INTO report_search(report_search, rank) VALUES ('integrity-check', 1)`;

/**
 * FTS5's integrity check compares the index with the texts it indexes, but it is an INSERT, which
 * a read-only connection refuses. So it runs on a copy of the desk in memory, and a desk too large
 * to copy is said to be unchecked: a refused write is never reported as an index out of step.
 */
function checkSearchIndex(db: Db, file: string, problems: string[], unchecked: string[]): void {
  const size = statSync(file).size;
  if (size > MEMORY_COPY_LIMIT) {
    unchecked.push(
      `the search index: the desk (${Math.round(size / 1024 ** 2)} MB) is too large to check on a ` +
        'copy in memory; a check needs the desk opened for writing',
    );
    return;
  }
  let copy: Db;
  try {
    const image = db.serialize();
    // Bytes 18-19 say "WAL"; an image in memory has no WAL file, so mark it as a rollback-journal file.
    image[18] = 1;
    image[19] = 1;
    copy = new Database(image);
  } catch (error) {
    unchecked.push(`the search index: the desk could not be copied (${(error as Error).message})`);
    return;
  }
  try {
    copy.prepare(FTS_CHECK).run();
  } catch (error) {
    problems.push(`search index out of step with the report texts: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether offset `at` of `text` falls between the two halves of one character (a surrogate pair). */
function splitsPair(text: string, at: number): boolean {
  return (
    at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))
  );
}

/**
 * A passage's selectors (TextPosition start/end, and the TextQuote's prefix and suffix, which
 * reach prefix.length before the start and suffix.length after the end) must lie inside its text
 * and never between the two halves of an emoji or other character beyond U+FFFF: a half stored
 * as UTF-8 becomes U+FFFD and the quote no longer matches the text.
 */
function checkPassages(db: Db, problems: string[]): void {
  const passages = db
    .prepare(
      `SELECT id, sha256, position_start AS start, position_end AS "end", prefix, suffix
       FROM passages ORDER BY sha256, id`,
    )
    .iterate() as Iterable<{
    id: number;
    sha256: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
  }>;
  const bodyOf = db.prepare('SELECT body FROM texts WHERE sha256 = ?').pluck();
  let sha = '';
  let body: string | undefined;
  for (const p of passages) {
    if (p.sha256 !== sha) {
      sha = p.sha256;
      body = bodyOf.get(sha) as string | undefined;
    }
    if (body === undefined) continue; // the foreign key check has said it
    if (p.end > body.length) {
      problems.push(
        `passage ${p.id} ends at ${p.end}, past the end of its text (${body.length} characters)`,
      );
      continue;
    }
    const boundaries: [string, number][] = [
      ['its prefix starts', p.start - p.prefix.length],
      ['it starts', p.start],
      ['it ends', p.end],
      ['its suffix ends', p.end + p.suffix.length],
    ];
    for (const [what, at] of boundaries)
      if (splitsPair(body, at))
        problems.push(
          `passage ${p.id}: ${what} at offset ${at}, inside a character beyond U+FFFF ` +
            `(an emoji or the like, stored as two UTF-16 halves)`,
        );
  }
}
