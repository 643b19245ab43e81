// KILL TEST (bounded; about 15-30 s here). The real `source-desk import` of 5,000 small files is
// killed with SIGKILL at random moments, ten times, re-run after each kill, then run to the end.
// After every kill the desk must pass `check` (SQLite's integrity check, foreign keys, the search
// index against the texts, every text against its SHA-256) and every report in it must be whole:
// its text, its version row and its search-index entry all there. A file is wholly in the desk or
// wholly absent. At the end each of the 5,000 files is there exactly once.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDesk } from '../../electron/core/check.ts';
import { ROOT, tempDir } from './helpers.ts';

const FILES = 5000;
const KILLS = 10;
const BIN = join(ROOT, 'bin/source-desk.js');

/** A word found in file i's text and in no other file's. */
const token = (i: number): string => `tok${i.toString(36)}q`;

function writeFiles(folder: string): void {
  mkdirSync(folder);
  for (let i = 0; i < FILES; i++)
    writeFileSync(
      join(folder, `r${String(i).padStart(4, '0')}.txt`),
      `Report number ${i}\n\nPrices in market ${i} rose again; ${token(i)} was seen there.\n`,
    );
}

interface Run {
  killed: boolean;
  code: number | null;
}

/** When to kill a run: some time after it wrote its first new file, or after it started. */
type KillAt = { afterFirstImport: number } | { afterStart: number } | undefined;

/** Runs the import and kills it at `at`, unless it ended first. */
function importRun(folder: string, desk: string, at: KillAt): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, 'import', folder, '--db', desk], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const killIn = (ms: number): void => {
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, ms);
    };
    if (at && 'afterStart' in at) killIn(at.afterStart);
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += String(chunk);
      if (!at || !('afterFirstImport' in at) || !/^imported /m.test(output)) return;
      child.stdout.off('data', onData);
      killIn(at.afterFirstImport);
    };
    child.stdout.on('data', onData);
    child.stderr.resume();
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ killed: killed && signal === 'SIGKILL', code });
    });
  });
}

/** Every report is whole; returns the file numbers the desk holds. */
function wholeReports(desk: string): number[] {
  const db = new Database(desk, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT r.id, r.title, r.original_name AS name, t.body, t.chars,
                (SELECT count(*) FROM report_versions v WHERE v.report_id = r.id AND v.sha256 = r.sha256) AS versions
         FROM reports r LEFT JOIN texts t ON t.sha256 = r.sha256 ORDER BY r.id`,
      )
      .all() as {
      id: number;
      title: string;
      name: string;
      body: string | null;
      chars: number | null;
      versions: number;
    }[];
    const found = db.prepare(`SELECT rowid FROM report_search WHERE report_search MATCH ?`).pluck();
    const numbers: number[] = [];
    // Collected, not asserted row by row: 5,000 rows after each of ten kills.
    const broken: string[] = [];
    for (const row of rows) {
      const i = Number(/^Report number (\d+)$/.exec(row.title)?.[1]);
      const whole =
        row.name === `r${String(i).padStart(4, '0')}.txt` &&
        row.body?.includes(`Prices in market ${i} rose again; ${token(i)} was seen there.`) &&
        row.chars === row.body.length &&
        row.versions === 1 &&
        // The search index's own entry (not the content table's row): the file's word finds it.
        found.all(token(i)).join() === String(row.id);
      if (!whole) broken.push(`report ${row.id} ("${row.title}")`);
      numbers.push(i);
    }
    expect(broken).toEqual([]);
    expect(new Set(numbers).size).toBe(numbers.length);
    return numbers;
  } finally {
    db.close();
  }
}

describe('kill test: kill -9 during a 5,000-file import', () => {
  it(
    'leaves a sound desk with every file wholly there or wholly absent',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const folder = join(dir, 'files');
      const desk = join(dir, 'desk.sqlite');
      writeFiles(folder);
      let kills = 0;
      let inDesk = 0;
      const counts: number[] = [];
      for (let round = 0; kills < KILLS; round++) {
        expect(round, 'runs that ended before they could be killed').toBeLessThan(KILLS * 3);
        // While files remain, just after the run has written some; then at any moment (opening
        // the desk, backing it up, parsing, finding the files already there).
        const run = await importRun(
          folder,
          desk,
          inDesk < FILES
            ? { afterFirstImport: Math.floor(Math.random() * 80) }
            : // A run that finds every file already there takes under a second here.
              { afterStart: 50 + Math.floor(Math.random() * 700) },
        );
        if (run.killed) kills++;
        const check = checkDesk(desk);
        expect(check.problems, `after run ${round + 1}`).toEqual([]);
        inDesk = wholeReports(desk).length;
        counts.push(inDesk);
      }
      const last = await importRun(folder, desk, undefined);
      expect(last.code).toBe(0);
      expect(checkDesk(desk)).toMatchObject({ ok: true, counts: { reports: FILES } });
      expect(wholeReports(desk).sort((a, b) => a - b)).toEqual(
        Array.from({ length: FILES }, (_, i) => i),
      );
      console.log(
        `kill test: ${counts.length} runs, ${kills} killed; reports in the desk after each: ${counts.join(', ')}`,
      );
    },
  );
});
