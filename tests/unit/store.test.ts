import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getReportText,
  listReports,
  searchReports,
  storeReport,
  toFtsQuery,
} from '../../electron/core/db/reports.ts';
import { readReportFile } from '../../electron/core/import/index.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { FIXTURES, SEED_FILES, SEEDS, tempDesk, tempDir } from './helpers.ts';

const count = (db: ReturnType<typeof tempDesk>['db'], table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('storing reports', () => {
  it('the demo case loads the three seeds with the manifest’s metadata', async () => {
    const { db } = tempDesk();
    const results = await loadDemoCase(db);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const reports = listReports(db);
    expect(reports.map((r) => [r.originalName, r.outlet, r.byline, r.publishedAt])).toEqual([
      ['001_3161affea73c84aa.txt', 'ASIAPRESS', 'JEON Sung-jun / KANG Ji-won', null],
      ['002_80749e2cc6ce0b1b.txt', 'ASIAPRESS', 'JEON Sung-jun / KANG Ji-won', null],
      ['000_952f6d4bfb86788f.txt', 'Daily NK', null, '2025-12-30T03:22'],
    ]);
    expect(count(db, 'outlets')).toBe(2);
  });

  it('re-importing identical text is a no-op that names the report holding it', async () => {
    const { db } = tempDesk();
    const dir = tempDir();
    const first = join(SEEDS, SEED_FILES[0] as string);
    // The same text with Windows line ends and extra blank lines normalises to the same SHA-256.
    const copy = join(dir, 'copy.txt');
    writeFileSync(
      copy,
      `\r\n${(await readReportFile(first)).text.replace(/\n/g, '\r\n')}\r\nDecember 30, 2025 at 03:22AM\r\n\r\n\r\n`,
    );
    const results = await importPaths(db, [first, copy]);
    expect(results[0]).toMatchObject({ status: 'imported', reportId: 1 });
    expect(results[1]).toMatchObject({ status: 'duplicate', reportId: 1 });
    expect(results[1]?.message).toMatch(/already in the desk as report 1/);
    expect([count(db, 'reports'), count(db, 'texts'), count(db, 'report_versions')]).toEqual([
      1, 1, 1,
    ]);
  });

  it('stores each text once, under its SHA-256, exactly as normalised', async () => {
    const { db } = tempDesk();
    const prepared = await readReportFile(join(SEEDS, SEED_FILES[1] as string));
    const stored = storeReport(db, prepared);
    expect(stored.status).toBe('imported');
    expect(getReportText(db, 1)).toBe(prepared.text);
    expect(db.prepare('SELECT sha256 FROM texts').pluck().get()).toBe(prepared.sha256);
    expect(db.prepare(`SELECT action FROM audit_log`).pluck().all()).toEqual(['report.import']);
  });

  it('a batch imports the good files and rejects the bad ones, storing nothing of them', async () => {
    const { db } = tempDesk();
    const dir = tempDir();
    for (const name of ['empty.txt', 'image.txt', 'latin1.txt', 'report.pdf', 'no-article.html'])
      copyFileSync(join(FIXTURES, 'hostile', name), join(dir, name));
    copyFileSync(join(FIXTURES, 'saved-page.html'), join(dir, 'saved-page.html'));
    copyFileSync(join(FIXTURES, 'briefing.md'), join(dir, 'briefing.md'));
    const results = await importPaths(db, [dir, join(dir, 'missing.txt')]);
    expect(results.map((r) => [r.file.replace(`${dir}/`, ''), r.status])).toEqual([
      ['briefing.md', 'imported'],
      ['empty.txt', 'rejected'],
      ['image.txt', 'rejected'],
      ['latin1.txt', 'rejected'],
      ['no-article.html', 'rejected'],
      ['report.pdf', 'rejected'],
      ['saved-page.html', 'imported'],
      [join(dir, 'missing.txt').replace(`${dir}/`, ''), 'rejected'],
    ]);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(r.message).toBeTruthy();
    expect([count(db, 'reports'), count(db, 'texts'), count(db, 'outlets')]).toEqual([2, 2, 2]);
  });

  it('an invalid manifest rejects its folder’s files with the manifest’s name and field', async () => {
    const { db } = tempDesk();
    const dir = tempDir();
    copyFileSync(join(FIXTURES, 'briefing.md'), join(dir, 'briefing.md'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ reports: { 'briefing.md': { url: 'not a url' } } }),
    );
    const [result] = await importPaths(db, [dir]);
    expect(result?.status).toBe('rejected');
    expect(result?.message).toMatch(/manifest\.json: reports\.briefing\.md\.url: /);
    expect(count(db, 'reports')).toBe(0);
  });

  it('a storage failure rolls the file back and the batch goes on', async () => {
    const { db } = tempDesk();
    const [bad, ...good] = SEED_FILES.map((name) => join(SEEDS, name));
    // The last write of the first file fails: its report, text and index rows must not stay, and
    // the two files after it must still be stored.
    db.exec(`CREATE TEMP TRIGGER fail_once BEFORE INSERT ON audit_log
             WHEN NEW.action = 'report.import' AND json_extract(NEW.after, '$.file') = '${SEED_FILES[0]}'
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;`);
    const results = await importPaths(db, [bad as string, ...good]);
    expect(results.map((r) => [r.file, r.status])).toEqual([
      [bad, 'rejected'],
      [good[0], 'imported'],
      [good[1], 'imported'],
    ]);
    expect(results[0]?.message).toBe('could not be stored (disk trouble)');
    expect([count(db, 'reports'), count(db, 'texts'), count(db, 'report_versions')]).toEqual([
      2, 2, 2,
    ]);
    // "motorcycle" is only in the rejected file's text.
    expect(searchReports(db, 'motorcycle')).toEqual([]);
    expect(listReports(db).map((r) => r.originalName)).toEqual([SEED_FILES[1], SEED_FILES[2]]);
    db.exec('DROP TRIGGER fail_once');
    const again = await importPaths(db, [bad as string]);
    expect(again[0]?.status).toBe('imported');
    expect(searchReports(db, 'motorcycle').map((h) => h.reportId)).toEqual([again[0]?.reportId]);
  });
});

describe('large imports', () => {
  it('parse in a thread of their own, with the same per-file results in order', async () => {
    const { db } = tempDesk();
    const dir = tempDir();
    const names: string[] = [];
    for (let i = 0; i < 260; i++) {
      const name = `r${String(i).padStart(3, '0')}.txt`;
      names.push(name);
      // Every 50th file is empty, every 70th repeats the one before: rejected and already present.
      const text =
        i % 50 === 7
          ? ''
          : `Report ${i % 70 === 9 ? i - 1 : i}: traders in Hyesan said prices rose.\nDecember 3, 2025`;
      writeFileSync(join(dir, name), text);
    }
    const results = await importPaths(db, [dir]);
    expect(results.map((r) => r.file.slice(dir.length + 1))).toEqual(names);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'rejected')).toHaveLength(6);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(4);
    expect(results[7]).toMatchObject({ status: 'rejected', message: 'the file is empty' });
    expect(results[9]).toMatchObject({ status: 'duplicate', reportId: 8 }); // file 8 is report 8: file 7 was rejected
    expect(count(db, 'reports')).toBe(250);
    expect(listReports(db)[0]).toMatchObject({ publishedAt: '2025-12-03' });
  });
});

describe('search', () => {
  it('finds reports by word and stem, with marked snippets, best match first', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    const hits = searchReports(db, 'yuan');
    expect(hits).toHaveLength(1);
    expect(hits[0]?.snippet).toContain('\uE000yuan\uE001');
    expect(
      searchReports(db, 'smuggled')
        .map((h) => h.reportId)
        .sort(),
    ).toEqual([2, 3]);
    expect(searchReports(db, 'Ryang*').length).toBe(3);
  });

  it('treats what the analyst types as words, never as FTS syntax', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    expect(toFtsQuery('licence" OR NEAR(x')).toBe('"licence" "OR" "NEAR" "x"');
    expect(() => searchReports(db, '"unbalanced AND (')).not.toThrow();
    expect(searchReports(db, '')).toEqual([]);
  });
});
