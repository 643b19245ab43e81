// How much of the desk each source speaks in (the Sources view's columns): an outlet counts its
// reports and the passages left on it; a named source, the passages attributed to it and their
// reports. Counted for all sources at once.
import { describe, expect, it } from 'vitest';
import { createPassage } from '../../electron/core/db/passages.ts';
import { attributePassage, createSource, listSources } from '../../electron/core/db/sources.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { tempDesk } from './helpers.ts';

describe('source counts', () => {
  it('an outlet counts its reports and own-voice passages; a named source, its own', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    const reports = db
      .prepare(
        `SELECT r.id, r.outlet_id AS outletId, t.body FROM reports r
         JOIN texts t ON t.sha256 = r.sha256 WHERE r.original_name LIKE '00%' ORDER BY r.original_name`,
      )
      .all() as { id: number; outletId: number; body: string }[];
    const [dnk, a1, a2] = reports as [
      (typeof reports)[number],
      (typeof reports)[number],
      (typeof reports)[number],
    ];
    const mark = (r: { id: number; body: string }, at: number) =>
      createPassage(db, {
        reportId: r.id,
        start: at,
        end: at + 5,
        exact: r.body.slice(at, at + 5),
        note: '',
      });
    mark(a1, 0);
    mark(a1, 10);
    const partner = createSource(db, {
      outletId: a1.outletId,
      name: 'Partner A',
      derivesFromId: null,
    });
    attributePassage(db, mark(a1, 20).id, partner.id);
    attributePassage(db, mark(a2, 0).id, partner.id);
    mark(dnk, 0);
    const byName = new Map(listSources(db).map((s) => [s.name, [s.reports, s.passages]]));
    expect(Object.fromEntries(byName)).toEqual({
      ASIAPRESS: [2, 2],
      'Partner A': [2, 2],
      'Daily NK': [1, 1],
    });
  });
});
