import { spawnSync } from 'node:child_process';
import { copyFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { run } from '../../electron/cli/main.ts';
import { FIXTURES, ROOT, SEEDS, tempDir } from './helpers.ts';

function capture(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string };
  stream.text = () => chunks.join('');
  return stream;
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await run(args, out, err);
  return { code, out: out.text(), err: err.text() };
}

describe('source-desk import / reports / search', () => {
  it('imports the seeds and lists them as JSON with outlets and the date of 000', async () => {
    const db = join(tempDir(), 'desk.sqlite');
    const imported = await cli('import', SEEDS, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.out.trim().split('\n')).toHaveLength(3);
    expect(imported.out).toMatch(
      /^imported {9}.*000_952f6d4bfb86788f\.txt → report 1 "Many more young/m,
    );
    expect(imported.err).toContain('3 imported, 0 already present, 0 rejected');

    const listed = await cli('reports', '--json', '--db', db);
    const reports = JSON.parse(listed.out) as Record<string, unknown>[];
    expect(reports.map((r) => r.outlet).sort()).toEqual(['ASIAPRESS', 'ASIAPRESS', 'Daily NK']);
    for (const r of reports)
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'outlet',
          'byline',
          'publishedAt',
          'sha256',
          'chars',
          'format',
        ]),
      );
    expect(reports.find((r) => r.outlet === 'Daily NK')?.publishedAt).toBe('2025-12-30T03:22');

    const again = await cli('import', SEEDS, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out.match(/^already present/gm)).toHaveLength(3);
  });

  it('prints one line per file and exits 1 when a file was rejected, importing the rest', async () => {
    const db = join(tempDir(), 'desk.sqlite');
    const bad = join(FIXTURES, 'hostile', 'latin1.txt');
    const r = await cli(
      'import',
      bad,
      join(FIXTURES, 'briefing.md'),
      '--outlet',
      'dailynk',
      '--db',
      db,
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain(`rejected         ${bad}: the file is not valid UTF-8`);
    expect(r.out).toMatch(/imported .*briefing\.md/);
    const reports = JSON.parse((await cli('reports', '--json', '--db', db)).out) as {
      outlet: string;
    }[];
    expect(reports).toEqual([expect.objectContaining({ outlet: 'Daily NK' })]);
  });

  it('searches with snippets', async () => {
    const db = join(tempDir(), 'desk.sqlite');
    await cli('import', SEEDS, '--db', db);
    const text = await cli('search', 'yuan', '--db', db);
    expect(text.out).toMatch(/#2 {2}ASIAPRESS/);
    expect(text.out).toContain('[yuan]');
    const json = JSON.parse(
      (await cli('search', 'licenses', '--json', '--db', db)).out,
    ) as unknown[];
    expect(json.length).toBeGreaterThan(0);
  });

  it('answers a usage error with the usage and exit 2', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
    expect((await cli('import')).code).toBe(2);
  });
});

describe('source-desk check', () => {
  async function healthyDesk(): Promise<string> {
    const db = join(tempDir(), 'desk.sqlite');
    await cli('import', SEEDS, join(FIXTURES, 'saved-page.html'), '--db', db);
    const conn = new Database(db);
    conn.pragma('wal_checkpoint(TRUNCATE)');
    conn.close();
    return db;
  }

  it('passes a healthy desk', async () => {
    const db = await healthyDesk();
    const r = await cli('check', '--db', db);
    expect(r).toMatchObject({ code: 0, out: `ok: ${db} (4 reports, 0 passages, 0 claims)\n` });
  });

  it('fails a file with damaged pages', async () => {
    const db = await healthyDesk();
    const pages = statSync(db).size / 4096;
    const fd = openSync(db, 'r+');
    for (let page = 2; page < pages; page += 2)
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * 4096 + 100);
    closeSync(fd);
    const r = await cli('check', '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^not ok: /);
    expect(r.out).toMatch(/malformed|integrity|corrupt/i);
  });

  it('fails a desk whose text no longer matches its hash, or whose index is out of step', async () => {
    const db = await healthyDesk();
    const conn = new Database(db);
    conn.prepare(`UPDATE texts SET body = body || ' (edited)' WHERE rowid = 1`).run();
    conn.close();
    const r = await cli('check', '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/does not match its SHA-256/);
    expect(r.out).toMatch(/search index out of step/);
  });

  it('does not create a desk that is not there', async () => {
    const missing = join(tempDir(), 'nope.sqlite');
    const r = await cli('check', '--db', missing);
    expect(r.code).toBe(1);
    expect(r.out).toContain('no desk at this path');
    expect(() => statSync(missing)).toThrow();
  });
});

describe('the source-desk launcher', () => {
  it('runs as a real command', () => {
    const db = join(tempDir(), 'desk.sqlite');
    const seed = join(tempDir(), 'report.txt');
    copyFileSync(join(SEEDS, '000_952f6d4bfb86788f.txt'), seed);
    const bin = join(ROOT, 'bin/source-desk.js');
    const imported = spawnSync(process.execPath, [bin, 'import', seed, '--db', db], {
      encoding: 'utf8',
    });
    expect(imported.stderr).toContain('1 imported');
    expect(imported.status).toBe(0);
    const listed = spawnSync(process.execPath, [bin, 'reports', '--db', db], { encoding: 'utf8' });
    expect(listed.stdout).toMatch(/#1 +2025-12-30T03:22 Daily NK/);
  });
});
