// Suggested attribution on the seeds: a passage's source read off the mention governing it, and
// the outlet's other reports' mentions offered as possibly the same source.
import { describe, expect, it } from 'vitest';
import { createPassage } from '../../electron/core/db/passages.ts';
import { storeReports } from '../../electron/core/db/reports.ts';
import { attributePassage, createSource } from '../../electron/core/db/sources.ts';
import { nameFor, suggestAttribution } from '../../electron/core/db/suggestions.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { preparedReport, tempDesk } from './helpers.ts';

async function seeds() {
  const { db } = tempDesk();
  await loadDemoCase(db);
  const report = (prefix: string) =>
    db
      .prepare(
        `SELECT r.id, r.outlet_id AS outletId, t.body FROM reports r
         JOIN texts t ON t.sha256 = r.sha256 WHERE r.original_name LIKE ?`,
      )
      .get(`${prefix}%`) as { id: number; outletId: number; body: string };
  const passage = (r: { id: number; body: string }, exact: string) => {
    const start = r.body.indexOf(exact);
    expect(start).toBeGreaterThanOrEqual(0);
    return createPassage(db, { reportId: r.id, start, end: start + exact.length, exact, note: '' });
  };
  return { db, report, passage };
}

const IN_001 = 'pool money and have 3-5 people buy one car together';
const IN_002 = 'Groups of 3-5 people pool money to buy a car and share it as needed.';

describe('suggested attribution', () => {
  it('a back-reference ("the reporting partner said") suggests the source it refers to', async () => {
    const { db, report, passage } = await seeds();
    const p = passage(report('001'), IN_001);
    const s = suggestAttribution(db, p.id);
    expect(s.mention?.exact).toBe('The reporting partner said');
    expect(s.from?.exact).toMatch(/^Reporting partner A in Ryanggang Province reported/);
    expect(s).toMatchObject({ source: null, newName: 'Reporting partner A in Ryanggang Province' });
  });

  it('offers the outlet’s compatible mention elsewhere as possibly the same source', async () => {
    const { db, report, passage } = await seeds();
    const r1 = report('001');
    const p1 = passage(r1, IN_001);
    const p2 = passage(report('002'), IN_002);
    const s = suggestAttribution(db, p2.id);
    expect(s.mention?.exact).toMatch(/^According to an ASIAPRESS reporting partner in Ryanggang/);
    expect(s.newName).toBe('Reporting partner in Ryanggang Province');
    expect(s.alike).toEqual([
      expect.objectContaining({
        reportId: r1.id,
        exact: expect.stringMatching(/^Reporting partner A in Ryanggang Province/),
        source: null,
        newName: 'Reporting partner A in Ryanggang Province',
      }),
    ]);

    // Once 001's passage is attributed to partner A, 002 is offered that source itself.
    const a = createSource(db, {
      outletId: r1.outletId,
      name: 'Reporting partner A in Ryanggang Province',
      derivesFromId: null,
    });
    attributePassage(db, p1.id, a.id);
    expect(suggestAttribution(db, p1.id).source).toEqual({ id: a.id, name: a.name });
    expect(suggestAttribution(db, p2.id).alike).toEqual([
      expect.objectContaining({ source: { id: a.id, name: a.name }, newName: null }),
    ]);
    // Merged (002's passage given partner A): nothing left to decide.
    attributePassage(db, p2.id, a.id);
    expect(suggestAttribution(db, p2.id)).toMatchObject({ source: { id: a.id }, alike: [] });
  });

  it('a source another outlet speaks for is placed in that outlet, never in the relaying one', async () => {
    const { db, report, passage } = await seeds();
    const text =
      'Car prices fell in Hyesan this month.\n' +
      'According to ASIAPRESS, used cars now sell for half their spring price.\n' +
      'An ASIAPRESS reporting partner in Ryanggang Province said that buyers wait for winter.';
    const [stored] = storeReports(db, [preparedReport('Relay', text)]);
    if (!stored || stored instanceof Error) throw stored;
    const relay = { id: stored.id, body: text };
    const asiapress = report('001').outletId;
    // The outlet's own voice, quoted by another: that outlet, not Daily NK.
    const voice = suggestAttribution(db, passage(relay, 'used cars now sell for half').id);
    expect(voice.source?.name).toBe('ASIAPRESS');
    expect(voice.newName).toBeNull();
    // Its informant: a named source of ASIAPRESS to make, offered as 001's partner A's double.
    passage(report('001'), IN_001);
    const partner = suggestAttribution(db, passage(relay, 'buyers wait for winter').id);
    expect(partner).toMatchObject({
      source: null,
      newName: 'Reporting partner in Ryanggang Province',
      newOutletId: asiapress,
    });
    expect(partner.alike.map((a) => a.newName)).toEqual([
      'Reporting partner A in Ryanggang Province',
    ]);
  });

  it('names a new source by who and where, as the text says', () => {
    expect(nameFor({ role: 'reporting partner A', name: null, place: 'Ryanggang Province' })).toBe(
      'Reporting partner A in Ryanggang Province',
    );
    expect(nameFor({ role: 'source', name: 'Kim Min-su', place: null })).toBe('Kim Min-su');
  });
});
