// Accepting a suggested source that does not exist yet makes it and attributes the passage as one
// change: one undo takes both back, one redo makes both again; a refused one leaves nothing. Keep
// apart is kept by the desk, and undone like any change.
import { describe, expect, it } from 'vitest';
import type { AttributionSuggestion, Passage, SourceSummary } from '../../shared/api.ts';
import { demoDesk } from './desk.ts';

describe('accepting a suggested new source', () => {
  it('is one change: one undo removes the source and the attribution, one redo makes both', async () => {
    const { call, passage } = await demoDesk();
    const sources = () => call<SourceSummary[]>('sources.list', {});
    const asiapress = (await sources()).find((s) => s.name === 'ASIAPRESS') as SourceSummary;
    const p = await passage(2, 'pool money and have 3-5 people buy one car together');
    const accepted = await call<Passage>('attribution.accept', {
      passageId: p.id,
      newName: 'Reporting partner A in Ryanggang Province',
      outletId: asiapress.outletId,
    });
    const made = (await sources()).find(
      (s) => s.name === 'Reporting partner A in Ryanggang Province',
    );
    expect(accepted.sourceId).toBe(made?.id);

    const undone = await call<{ undone: string }>('session.undo', {});
    expect(undone.undone).toMatch(/to a new source$/);
    expect((await sources()).some((s) => s.name.startsWith('Reporting partner A'))).toBe(false);
    const back = await call<Passage[]>('passages.list', { reportId: 2 });
    expect(back.find((q) => q.id === p.id)?.sourceId).toBeNull();
    // The highlight itself is the step before: still there to undo.
    expect((await call<{ next: string }>('session.status', {})).next).toMatch(/^highlight in/);

    await call('session.redo', {});
    const again = (await sources()).find((s) => s.name.startsWith('Reporting partner A'));
    const redone = await call<Passage[]>('passages.list', { reportId: 2 });
    expect(again).toBeDefined();
    expect(redone.find((q) => q.id === p.id)?.sourceId).toBe(again?.id);
  });

  it('refused half-way (no such passage), leaves no source and nothing to undo', async () => {
    const { call, passage } = await demoDesk();
    const asiapress = (await call<SourceSummary[]>('sources.list', {})).find(
      (s) => s.name === 'ASIAPRESS',
    ) as SourceSummary;
    await passage(2, 'pool money and have 3-5 people buy one car together');
    await expect(
      call('attribution.accept', {
        passageId: 9999,
        newName: 'Partner A',
        outletId: asiapress.outletId,
      }),
    ).rejects.toThrow(/passage 9999 does not exist/);
    const names = (await call<SourceSummary[]>('sources.list', {})).map((s) => s.name);
    expect(names).not.toContain('Partner A');
    expect((await call<{ next: string }>('session.status', {})).next).toMatch(/^highlight in/);
  });
  it('keep apart is kept by the desk: the other mention is no longer offered; undo offers it again', async () => {
    const { call, passage } = await demoDesk();
    await passage(2, 'pool money and have 3-5 people buy one car together');
    const p = await passage(
      3,
      'Groups of 3-5 people pool money to buy a car and share it as needed.',
    );
    const before = await call<AttributionSuggestion>('attribution.suggest', { passageId: p.id });
    const [partnerA] = before.alike;
    expect(partnerA?.exact).toMatch(/^Reporting partner A in Ryanggang Province/);
    const after = await call<AttributionSuggestion>('attribution.keepApart', {
      passageId: p.id,
      reportId: partnerA?.reportId,
      ordinal: partnerA?.ordinal,
    });
    expect(after.alike).toEqual([]);
    expect(
      (await call<AttributionSuggestion>('attribution.suggest', { passageId: p.id })).alike,
    ).toEqual([]);

    await call('session.undo', {});
    expect(
      (await call<AttributionSuggestion>('attribution.suggest', { passageId: p.id })).alike,
    ).toHaveLength(1);
    await call('session.redo', {});
    expect(
      (await call<AttributionSuggestion>('attribution.suggest', { passageId: p.id })).alike,
    ).toEqual([]);
  });
});
