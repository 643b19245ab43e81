import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDeskService } from '../../electron/core/service.ts';
import {
  checkHtmlStructure,
  checkMarkdownStructure,
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_MARKDOWN_DEPTH,
} from '../../electron/core/import/limits.ts';
import { startParsePool } from '../../electron/core/import/parse-pool.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import type { ImportResult } from '../../shared/api.ts';
import { heavyPage, nestedPage } from '../fixtures/hostile-pages.ts';
import { FIXTURES, SEED_FILES, SEEDS, tempDesk, tempDir } from './helpers.ts';

const MISBEHAVING = new URL('../fixtures/workers/misbehaving-parse-worker.ts', import.meta.url);

const byFile = (results: ImportResult[]): Record<string, ImportResult> =>
  Object.fromEntries(results.map((r) => [r.file.split('/').at(-1), r]));

describe('structural limits, checked before a parser sees the file', () => {
  it('refuses a page nested 20,000 deep, naming the limit', () => {
    expect(() => checkHtmlStructure(nestedPage(20_000))).toThrow(
      `deeper than the limit of ${MAX_HTML_DEPTH} levels`,
    );
    expect(() => checkHtmlStructure(nestedPage(MAX_HTML_DEPTH - 5))).not.toThrow();
  });

  it('does not count sloppy but shallow markup as depth', () => {
    const sloppy = [
      '<!doctype html><html><head><title>a <div> in a title</title>',
      `<script>${'document.write("<div>");'.repeat(1000)}</script>`,
      `<style>${'div > div {}'.repeat(1000)}</style></head><body>`,
      '<!-- <div><div><div> -->'.repeat(1000),
      '<p>unclosed paragraph'.repeat(2000),
      `<ul>${'<li>unclosed item'.repeat(2000)}</ul>`,
      `<table>${'<tr><td>cell<td>cell'.repeat(1000)}</table>`,
      '<br><img src="a>b"><hr/><input value=\'<div>\'>'.repeat(1000),
      '<DIV>upper case</div>'.repeat(1000),
      '</body></html>',
    ].join('\n');
    expect(() => checkHtmlStructure(sloppy)).not.toThrow();
    expect(() =>
      checkHtmlStructure(readFileSync(join(FIXTURES, 'saved-page.html'), 'utf8')),
    ).not.toThrow();
  });

  it('refuses a page with more elements than the limit', () => {
    expect(() => checkHtmlStructure('<br>'.repeat(MAX_HTML_ELEMENTS + 1))).toThrow(
      'more elements than the limit of 200,000',
    );
    expect(() => checkHtmlStructure('<br>'.repeat(MAX_HTML_ELEMENTS))).not.toThrow();
  });

  it('refuses Markdown nesting quotes or lists deeper than the limit, in any of their forms', () => {
    const over = MAX_MARKDOWN_DEPTH + 1;
    expect(() => checkMarkdownStructure(`${'>'.repeat(20_000)} hello\n`)).toThrow(
      `nest deeper than the limit of ${MAX_MARKDOWN_DEPTH} levels`,
    );
    expect(() => checkMarkdownStructure(`text\n${'> '.repeat(over)}deep\n`)).toThrow('limit');
    expect(() => checkMarkdownStructure(`${'- '.repeat(over)}item\n`)).toThrow('limit');
    expect(() => checkMarkdownStructure(`${'1. '.repeat(over)}item\n`)).toThrow('limit');
    const indented = Array.from({ length: over }, (_, i) => `${'  '.repeat(i)}- level ${i}`);
    expect(() => checkMarkdownStructure(indented.join('\n'))).toThrow('limit');
  });

  it('lets ordinary Markdown through, quotes and lists included', () => {
    const ok = `# Title\n\n${'> '.repeat(MAX_MARKDOWN_DEPTH - 1)}quoted\n\n- a\n  - b\n    - c\n\n1. one\n2. two\n\n-5 degrees, +3 points, 2025. A year.\n`;
    expect(() => checkMarkdownStructure(ok)).not.toThrow();
    expect(() =>
      checkMarkdownStructure(readFileSync(join(FIXTURES, 'briefing.md'), 'utf8')),
    ).not.toThrow();
  });
});

describe('the parse worker: a file that hangs, crashes or throws is rejected on its own', () => {
  it('rejects each misbehaving file with its reason and imports every good file after it', async () => {
    const dir = tempDir();
    for (const name of ['hang.txt', 'crash.txt', 'throw.txt', 'stack.txt', 'oom.txt'])
      writeFileSync(join(dir, name), 'never parsed');
    for (const [i, seed] of SEED_FILES.entries())
      writeFileSync(join(dir, `good-${i}.txt`), readFileSync(join(SEEDS, seed)));
    const { db } = tempDesk();
    // Long enough for the hoarding file to reach its heap limit on a loaded machine (GC slows as it
    // nears the limit), short enough for the hanging one.
    const pool = startParsePool({ entry: MISBEHAVING, timeLimitMs: 4000, memoryLimitMb: 64 });
    try {
      const results = byFile(await importPaths(db, [dir], { pool }));
      expect(results['crash.txt']?.message).toBe('the parser stopped (exit 3)');
      expect(results['hang.txt']?.message).toBe(
        'parsing took longer than the limit of 4 s; the parse was stopped',
      );
      expect(results['oom.txt']?.message).toMatch(/more memory than the limit of 64 MiB/);
      expect(results['stack.txt']?.message).toBe('the file nests too deeply for the parser');
      expect(results['throw.txt']?.message).toBe(
        'the parser failed (cannot read properties of undefined)',
      );
      for (const i of [0, 1, 2]) expect(results[`good-${i}.txt`]?.status).toBe('imported');
    } finally {
      await pool.close();
    }
  });

  it('stops at once when closed mid-parse, rejecting what it had not parsed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hang.txt'), 'x');
    const pool = startParsePool({ entry: MISBEHAVING, timeLimitMs: 60_000 });
    const outcome = (p: Promise<unknown>): Promise<unknown> =>
      p.then(String, (e: Error) => e.message);
    const hanging = outcome(pool.parse({ path: join(dir, 'hang.txt') }));
    const queued = outcome(pool.parse({ path: join(SEEDS, SEED_FILES[0] as string) }));
    await new Promise((done) => setTimeout(done, 300));
    await pool.close();
    expect(await hanging).toBe('the import was stopped');
    expect(await queued).toBe('the import was stopped');
  });
});

describe('one bad file never costs the batch', () => {
  it('imports the 599 good files of a 601-file folder around two that break the parser', async () => {
    const dir = tempDir();
    for (let i = 0; i < 601; i++) {
      const name =
        i === 250
          ? 'crash-250.txt'
          : i === 550
            ? 'throw-550.txt'
            : `good-${String(i).padStart(3, '0')}.txt`;
      writeFileSync(join(dir, name), `Report ${i} on the border market.\nPrices rose ${i} yuan.`);
    }
    const { db } = tempDesk();
    const pool = startParsePool({ entry: MISBEHAVING });
    try {
      const results = await importPaths(db, [dir], { pool });
      expect(results).toHaveLength(601);
      expect(results.filter((r) => r.status === 'imported')).toHaveLength(599);
      expect(results.filter((r) => r.status === 'rejected').map((r) => r.file)).toEqual([
        join(dir, 'crash-250.txt'),
        join(dir, 'throw-550.txt'),
      ]);
      expect(db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(599);
    } finally {
      await pool.close();
    }
  });

  it('imports the good files of a folder holding the 20,000-deep page and Markdown, naming each limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'deep.html'), nestedPage(20_000));
    writeFileSync(join(dir, 'deep.md'), `${'>'.repeat(20_000)} hello\n`);
    for (const seed of SEED_FILES) writeFileSync(join(dir, seed), readFileSync(join(SEEDS, seed)));
    const { db } = tempDesk();
    const results = byFile(await importPaths(db, [dir]));
    expect(results['deep.html']).toMatchObject({ status: 'rejected' });
    expect(results['deep.html']?.message).toMatch(/deeper than the limit of 256 levels/);
    expect(results['deep.md']?.message).toMatch(/deeper than the limit of 100 levels/);
    for (const seed of SEED_FILES) expect(results[seed]?.status).toBe('imported');
  });
});

describe('the desk answers while a slow file is parsed', () => {
  it('lists reports during the parse, then rejects the slow page at the time limit and keeps the good one', async () => {
    const { db, file } = tempDesk();
    const service = createDeskService({ db, path: file, parse: { timeLimitMs: 2_000 } });
    const upload = (name: string, text: string): { name: string; data: string } => ({
      name,
      data: Buffer.from(text).toString('base64'),
    });
    let importDone = false;
    const importing = service
      .call('reports.import', {
        files: [
          upload('heavy.html', heavyPage()),
          upload('good.txt', readFileSync(join(SEEDS, SEED_FILES[0] as string), 'utf8')),
        ],
      })
      .finally(() => (importDone = true));
    await new Promise((done) => setTimeout(done, 500));
    const listed = await service.call('reports.list', {});
    expect(listed.ok).toBe(true);
    expect(importDone).toBe(false);
    const result = await importing;
    await service.close();
    expect(result.ok).toBe(true);
    const [heavy, good] = result.ok ? (result.value as ImportResult[]) : [];
    expect(heavy?.status).toBe('rejected');
    expect(heavy?.message).toBe('parsing took longer than the limit of 2 s; the parse was stopped');
    expect(good?.status).toBe('imported');
  });
});

describe('a desk another program holds', () => {
  it('stops the import with one error instead of rejecting every file in turn', async () => {
    const { db, file } = tempDesk();
    db.pragma('busy_timeout = 100');
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      await expect(importPaths(db, [SEEDS])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
