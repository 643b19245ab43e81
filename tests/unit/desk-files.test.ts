// Desk files (issue 7, item 4): read commands never create a desk, a damaged desk is not written
// to, `check` tells the truth on a read-only desk, and a held lock is said in plain words.
import Database from 'better-sqlite3';
import {
  chmodSync,
  existsSync,
  readFileSync,
  statSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDesk } from '../../electron/core/check.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { FIXTURES, SEEDS, tempDir } from './helpers.ts';
import { cli } from './cli-run.ts';

/** A desk holding the seeds, checkpointed and closed. */
async function seededDesk(): Promise<string> {
  const file = join(tempDir(), 'desk.sqlite');
  const { db } = openDesk(file);
  await importPaths(db, [SEEDS]);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

describe('read commands', () => {
  it.each([['reports'], ['search', 'yuan'], ['claims']])(
    '%s never creates a desk: a path with none is an error naming it',
    async (...args) => {
      const folder = join(tempDir(), 'misspelt');
      const missing = join(folder, 'desk.sqlite');
      const r = await cli(...args, '--db', missing);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`source-desk: ${missing}: no desk at this path\n`);
      expect(existsSync(folder)).toBe(false);
    },
  );

  it('check never creates a desk either', async () => {
    const folder = join(tempDir(), 'misspelt');
    const r = await cli('check', '--db', join(folder, 'desk.sqlite'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('no desk at this path');
    expect(existsSync(folder)).toBe(false);
  });

  it('say so when the file is not a desk, and leave it alone', async () => {
    const file = join(tempDir(), 'notes.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE notes (x)');
    other.close();
    const before = readFileSync(file);
    const r = await cli('reports', '--db', file);
    expect(r).toMatchObject({
      code: 1,
      err: `source-desk: ${file} is not a Source Desk file (it holds no desk)\n`,
    });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('read a desk that is read-only, without changing it', async () => {
    const file = await seededDesk();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const listed = await cli('reports', '--db', file);
    expect(listed.code).toBe(0);
    expect(listed.out.trim().split('\n')).toHaveLength(3);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe('a damaged desk', () => {
  /** Writes garbage at the start of the given (1-based) pages of a closed desk file. */
  function damage(file: string, pages: number[], at = 0): void {
    const fd = openSync(file, 'r+');
    for (const page of pages) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * 4096 + at);
    closeSync(fd);
  }

  /** The first page of an index: garbage there is seen by the quick check, not by opening. */
  function indexPage(file: string): number {
    const db = new Database(file, { readonly: true });
    const page = db
      .prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'reports_library'`)
      .pluck()
      .get() as number;
    db.close();
    return page;
  }

  it.each([
    [
      'a damaged index page (found by the quick check)',
      (file: string) => damage(file, [indexPage(file)]),
    ],
    [
      'damaged pages throughout, the schema too',
      (file: string) => {
        const pages = statSync(file).size / 4096;
        // At each page's start: its b-tree header. Further in, an empty table's page has only
        // unused bytes, which no check reads (this missed once the schema grew).
        damage(
          file,
          Array.from({ length: Math.floor((pages - 1) / 2) }, (_, i) => 3 + 2 * i),
        );
      },
    ],
  ])('is refused for writing with a message naming it, and not changed: %s', async (_, spoil) => {
    const file = await seededDesk();
    spoil(file);
    const before = readFileSync(file);
    const r = await cli('import', join(FIXTURES, 'briefing.md'), '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`source-desk: ${file} is damaged and was not opened for writing`);
    expect(r.err).toContain(`source-desk check --db "${file}"`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(file, '..', 'backups'))).toBe(false);
  });
});

describe('check', () => {
  it('is truthful on a read-only desk: the search index is checked, not reported out of step', async () => {
    const file = await seededDesk();
    chmodSync(file, 0o444);
    const result = checkDesk(file);
    expect(result).toEqual({
      ok: true,
      problems: [],
      unchecked: [],
      counts: { reports: 3, passages: 0, claims: 0 },
    });
  });

  it('sees what another connection has committed but not yet checkpointed', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const { db } = openDesk(file);
    await importPaths(db, [SEEDS]); // in the WAL, not yet in the main file
    const result = checkDesk(file);
    db.close();
    expect(result).toMatchObject({ ok: true, counts: { reports: 3 } });
  });

  it('still finds a search index out of step on a read-only desk', async () => {
    const file = await seededDesk();
    const conn = new Database(file);
    // The title changes but the index is not told: it is out of step with its content.
    conn.prepare(`UPDATE reports SET title = 'Entirely different words' WHERE id = 1`).run();
    conn.close();
    chmodSync(file, 0o444);
    const result = checkDesk(file);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^search index out of step/)]);
  });

  it('reports a stored passage whose selectors split a surrogate pair, and passes one that does not', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const { db } = openDesk(file);
    const body = 'Cars 🚗 and more cars 🚗🚗 on the road';
    const sha = sha256(body);
    db.prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
      sha,
      body,
      body.length,
    );
    db.prepare(
      `INSERT INTO reports (id, sha256, title, format, original_name, imported_at) VALUES (1, ?, 'Cars', 'txt', 'cars.txt', 't')`,
    ).run(sha);
    db.exec(`INSERT INTO report_search(report_search) VALUES ('rebuild')`);
    const passage = db.prepare(
      `INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, 't', 't')`,
    );
    const car = body.indexOf('🚗');
    // Whole: "Cars 🚗", with the context to the text's ends.
    passage.run(1, sha, 0, car + 2, body.slice(0, car + 2), '', body.slice(car + 2, car + 34));
    // Ends between the two halves of the first car (stored: "Cars \uFFFD").
    passage.run(2, sha, 0, car + 1, 'Cars \uFFFD', '', '\uFFFD and more cars 🚗🚗 on the road');
    // Starts whole, but its prefix starts inside the second-to-last car.
    const last = body.lastIndexOf('🚗');
    passage.run(3, sha, last, last + 2, '🚗', '\uFFFD', body.slice(last + 2));
    db.close();
    const result = checkDesk(file);
    expect(result.problems).toEqual([
      `passage 2: it ends at offset ${car + 1}, inside a character beyond U+FFFF (an emoji or the like, stored as two UTF-16 halves)`,
      `passage 3: its prefix starts at offset ${last - 1}, inside a character beyond U+FFFF (an emoji or the like, stored as two UTF-16 halves)`,
    ]);
  });
});

describe('a desk another program holds', () => {
  it(
    'is said in plain words with its path after the busy timeout',
    { timeout: 20_000 },
    async () => {
      const file = await seededDesk();
      const holder = new Database(file);
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'A')`).run();
      const started = Date.now();
      const r = await cli('reports', '--db', file);
      holder.close();
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        new RegExp(
          `^source-desk: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: another program holds the desk`,
        ),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    },
  );
});
