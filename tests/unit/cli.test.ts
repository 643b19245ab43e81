import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createClaim } from '../../electron/core/db/claims.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { createPassage } from '../../electron/core/db/passages.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { FIXTURES, ROOT, SEED_FILES, SEEDS, tempDir } from './helpers.ts';
import { cli } from './cli-run.ts';

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
    // Each spoilt page's b-tree header, which every check reads (further in, an empty table's page
    // holds only unused bytes).
    for (let page = 2; page < pages; page += 2)
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * 4096);
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

describe('source-desk arguments', () => {
  it('--version prints the version of the package', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({
      code: 0,
      out: `source-desk ${pkg.version}\n`,
      err: '',
    });
  });

  it('--help says what every command does', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const command of ['import', 'reports', 'search', 'claims', 'check', 'serve'])
      expect(r.out).toMatch(new RegExp(`^  source-desk ${command} .*\\n {6}[a-z]`, 'm'));
    expect((await cli('import', '--help')).out).toBe(r.out);
  });

  it.each([
    [['reports', '--frobnicate'], 'unknown option --frobnicate'],
    [['reports', '-x'], 'unknown option -x'],
    [['reports', 'extra', 'words'], 'reports takes no arguments, but was given "extra words"'],
    [['claims', '--outlet', 'Daily NK'], '--outlet does not apply to claims'],
    [['check', '--port', '80'], '--port does not apply to check'],
    [['reports', '--db'], '--db needs a value'],
    [['reports', '--json=yes'], '--json takes no value'],
    [['serve', '--port', 'http'], '--port: "http" is not a port number (0 to 65535)'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['search'], 'search needs a query'],
    [[], 'a command is needed'],
  ])('%j is a usage error said in one line, exit 2', async (args, message) => {
    const r = await cli(...args);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `source-desk: ${message} (source-desk --help lists the commands and options)\n`,
    });
  });

  it('says "no such file" for a path that is not there, and creates no desk for it', async () => {
    const folder = tempDir();
    const db = join(folder, 'desk.sqlite');
    const missing = join(folder, 'nope.txt');
    const r = await cli('import', missing, '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`rejected         ${missing}: no such file or folder\n`);
    expect(r.err).toContain('0 imported, 0 already present, 1 rejected');
    expect(existsSync(db)).toBe(false);
  });

  it('counts in words: "1 report", "1 outlet", not "1 outlets"', async () => {
    const file = join(tempDir(), 'desk.sqlite');
    const { db } = openDesk(file);
    db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'T. Reviewer')`).run();
    const [result] = await importPaths(db, [join(SEEDS, SEED_FILES[0] as string)]);
    const passage = createPassage(db, {
      reportId: result?.reportId as number,
      start: 0,
      end: 4,
      exact: (db.prepare('SELECT body FROM texts').pluck().get() as string).slice(0, 4),
      note: '',
    });
    createClaim(db, {
      text: 'Young people learn car repair',
      tags: [],
      evidence: { passageId: passage.id, stance: 'supports', credibility: 2, note: '' },
    });
    db.close();
    const claims = await cli('claims', '--db', file);
    expect(claims.out).toContain(
      '1 supporting origin, 0 contradicting · 1 passage, 1 report, 1 outlet ·',
    );
    expect((await cli('check', '--db', file)).out).toBe(
      `ok: ${file} (1 report, 1 passage, 1 claim)\n`,
    );
  });
});

describe('source-desk output', () => {
  // ESC ] 0 ; … BEL retitles the terminal; ESC [ 2 J clears it; CSI (U+009B) and a right-to-left
  // override reorder or hide what follows.
  const HOSTILE = 'Fuel \x1b]0;pwned\x07prices \x1b[2Jrose \u009b31m\u202eeno';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  async function hostileDesk(): Promise<string> {
    const file = join(tempDir(), 'desk.sqlite');
    const { db } = openDesk(file);
    const body = `${HOSTILE}\nFuel prices rose in Hyesan.`;
    const sha = sha256(body);
    db.prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
      sha,
      body,
      body.length,
    );
    db.prepare(
      `INSERT INTO outlets (id, name, name_key, created_at) VALUES (1, ?, 'evil', 't')`,
    ).run(`Evil\x1b[5m outlet`);
    db.prepare(
      `INSERT INTO reports (sha256, title, outlet_id, format, original_name, imported_at)
       VALUES (?, ?, 1, 'txt', ?, 't')`,
    ).run(sha, HOSTILE, `a\x1b[8m.txt`);
    db.exec(`INSERT INTO report_search(report_search) VALUES ('rebuild')`);
    db.prepare(`INSERT INTO claims (text, created_at, updated_at) VALUES (?, 't', 't')`).run(
      HOSTILE,
    );
    db.close();
    return file;
  }

  it('never prints a control character raw: titles, snippets, outlets, claims', async () => {
    const db = await hostileDesk();
    for (const args of [['reports'], ['search', 'fuel'], ['claims']]) {
      const r = await cli(...args, '--db', db);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out, args.join(' ')).not.toMatch(RAW);
      expect(r.out, args.join(' ')).toContain(
        'Fuel \\x1b]0;pwned\\x07prices \\x1b[2Jrose \\x9b31m\\u202eeno',
      );
    }
    expect((await cli('reports', '--db', db)).out).toContain('Evil\\x1b[5m outlet');
  });

  it('keeps JSON exact but escapes what a terminal would obey', async () => {
    const db = await hostileDesk();
    const r = await cli('reports', '--json', '--db', db);
    expect(r.out).not.toMatch(RAW);
    const [report] = JSON.parse(r.out) as { title: string; outlet: string }[];
    expect(report?.title).toBe(HOSTILE);
    expect(report?.outlet).toBe('Evil\x1b[5m outlet');
  });

  it('escapes control characters in file names', async () => {
    const folder = tempDir();
    const name = join(folder, 'report\x1b]0;pwned\x07.txt');
    writeFileSync(name, 'Fuel prices rose in Hyesan.\n');
    const r = await cli(
      'import',
      name,
      join(folder, 'gone\x1b[2J.txt'),
      '--db',
      join(folder, 'desk.sqlite'),
    );
    expect(r.out).not.toMatch(RAW);
    expect(r.err).not.toMatch(RAW);
    expect(r.out).toContain('report\\x1b]0;pwned\\x07.txt');
    expect(r.out).toContain('gone\\x1b[2J.txt: no such file or folder');
  });
});

describe('source-desk in a pipeline', () => {
  it('exits quietly when the reader goes away (source-desk claims | head)', async () => {
    const db = join(tempDir(), 'desk.sqlite');
    await cli('import', SEEDS, '--db', db);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/source-desk.js'), 'reports', '--db', db],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // The reader is gone before the first line is written: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
