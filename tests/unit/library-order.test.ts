// The library's order comes as ids and outlet runs; its rows are asked for by id, a few at a time.
import { describe, expect, it } from 'vitest';
import { listReportItems, listReportOrder, storeReports } from '../../electron/core/db/reports.ts';
import { createPassage } from '../../electron/core/db/passages.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { MAX_LIST_ITEMS } from '../../shared/api.ts';
import { preparedReport, tempDesk } from './helpers.ts';

const report = (title: string, outlet: string | null, publishedAt: string | null) =>
  preparedReport(title, `${title}. Market prices rose in the province.`, { outlet, publishedAt });

/** Stores the reports in this order; returns their ids by title. */
function desk(reports: ReturnType<typeof report>[]) {
  const { db, file } = tempDesk();
  const stored = storeReports(db, reports);
  const id = new Map(
    stored.map((r, i) => {
      if (r instanceof Error) throw r;
      return [reports[i]?.title as string, r.id];
    }),
  );
  return { db, file, id: (title: string) => id.get(title) as number };
}

describe('the library’s order', () => {
  it('groups by outlet name (any case), newest first within one, reports with no outlet last', () => {
    const { db, id } = desk([
      report('no outlet', null, '2025-12-01'),
      report('dnk old', 'Daily NK', '2025-10-01'),
      report('asia', 'ASIAPRESS', '2025-11-01'),
      report('dnk new', 'Daily NK', '2025-12-01'),
      report('dnk undated', 'Daily NK', null),
    ]);
    const order = listReportOrder(db);
    expect(order.outlets).toEqual([
      { name: 'ASIAPRESS', count: 1 },
      { name: 'Daily NK', count: 3 },
      { name: null, count: 1 },
    ]);
    expect(order.ids).toEqual(['asia', 'dnk new', 'dnk old', 'dnk undated', 'no outlet'].map(id));
  });

  it('reads each outlet’s reports in order from an index: no sort of the reports', () => {
    const { db } = desk([report('a', 'Daily NK', null)]);
    const plan = (sql: string): string[] =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((r) => r.detail);
    const steps = plan('SELECT id FROM reports WHERE outlet_id = ? ORDER BY published_at DESC, id');
    expect(steps.join('; ')).toMatch(/USING COVERING INDEX reports_library/);
    expect(steps.some((s) => /TEMP B-TREE/.test(s))).toBe(false);
  });

  it('gives the rows asked for in the order asked, with passage counts, skipping unknown ids', () => {
    const { db, id } = desk([
      report('a', 'Daily NK', '2025-10-01'),
      report('b', 'Daily NK', '2025-11-01'),
    ]);
    createPassage(db, { reportId: id('a'), start: 0, end: 1, exact: 'a', note: '' });
    const rows = listReportItems(db, [id('a'), 999_999, id('b')]);
    expect(rows).toEqual([
      {
        id: id('a'),
        title: 'a',
        outlet: 'Daily NK',
        byline: null,
        publishedAt: '2025-10-01',
        passageCount: 1,
      },
      {
        id: id('b'),
        title: 'b',
        outlet: 'Daily NK',
        byline: null,
        publishedAt: '2025-11-01',
        passageCount: 0,
      },
    ]);
  });

  it('the contract refuses more rows in one call than a few screens hold', async () => {
    const { db, file, id } = desk([report('a', 'Daily NK', null)]);
    const service = createDeskService({ db, path: file });
    const ids = Array.from({ length: MAX_LIST_ITEMS + 1 }, () => id('a'));
    const refused = await service.call('reports.items', { ids });
    expect(refused.ok).toBe(false);
    const taken = await service.call('reports.items', { ids: ids.slice(1) });
    expect(taken.ok && taken.value).toHaveLength(MAX_LIST_ITEMS);
    await service.close();
  });
});
