import { describe, expect, it } from 'vitest';
import { SEARCH, searchReports, storeReports } from '../../electron/core/db/reports.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { preparedReport, tempDesk } from './helpers.ts';

/** The steps of a query's plan, as SQLite's EXPLAIN QUERY PLAN names them. */
function plan(db: ReturnType<typeof tempDesk>['db'], sql: string, ...args: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

const report = (title: string, text: string) => preparedReport(title, text);

describe('search', () => {
  it('lets FTS5 rank and limit the matches: no temporary B-tree sorts them all', () => {
    const { db } = tempDesk();
    const steps = plan(db, SEARCH, '"market"', 20);
    expect(steps.some((step) => /TEMP B-TREE/.test(step))).toBe(false);
    // The ranked scan of the index comes first; reports and outlets are looked up by key after it.
    expect(steps.findIndex((s) => /SCAN report_search VIRTUAL TABLE/.test(s))).toBeLessThan(
      steps.findIndex((s) => /SEARCH r USING INTEGER PRIMARY KEY/.test(s)),
    );
  });

  it('ranks a match in the title above the same word deep in a text, and stops at the limit', () => {
    const { db } = tempDesk();
    const filler = 'Prices of rice and corn held steady across the province. '.repeat(20);
    storeReports(db, [
      report('Rice prices steady', `${filler} The smuggling route closed.`),
      report('Smuggling route closes', filler),
      ...Array.from({ length: 30 }, (_, i) => report(`Other ${i}`, `${filler} smuggling ${i}`)),
    ]);
    const hits = searchReports(db, 'smuggling', 10);
    expect(hits).toHaveLength(10);
    expect(hits[0]?.title).toBe('Smuggling route closes');
    expect(hits.every((h) => !('rank' in h))).toBe(true);
  });

  it('says how many reports match in all, not how many are shown', async () => {
    const { db, file } = tempDesk();
    const filler = 'Prices of rice and corn held steady across the province. '.repeat(5);
    storeReports(
      db,
      Array.from({ length: 73 }, (_, i) => report(`Report ${i}`, `${filler} smuggling ${i}`)),
    );
    const desk = createDeskService({ db, path: file });
    const result = await desk.call('reports.search', { query: 'smuggling' });
    expect(result).toMatchObject({ ok: true, value: { total: 73 } });
    expect(result.ok && (result.value as { hits: unknown[] }).hits).toHaveLength(50);
  });
});
