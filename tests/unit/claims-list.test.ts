// The claims list paged by the desk (keyset pagination, sorted and filtered in SQL), and writes
// that return what they changed so the UI patches one row instead of reloading the list.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, ClaimPage, ClaimSummary, Evidence } from '../../shared/api.ts';
import { STATUS_ATTENTION_ORDER } from '../../shared/claim-list.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { demoDesk } from './desk.ts';

const REPAIR = 'auto repair is becoming a new market for making money';
const OPPORTUNITIES = 'new money-making opportunities';

type Call = Awaited<ReturnType<typeof demoDesk>>['call'];

/** Every page of the list, in order, `limit` claims at a time. */
async function allPages(call: Call, query: object, limit: number): Promise<ClaimSummary[]> {
  const seen: ClaimSummary[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await call<ClaimPage>('claims.list', { ...query, limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    if (page.next === null) return seen;
    after = page.next;
  }
  throw new Error('the list never ended');
}

const summaryOf = ({
  suggestionReason,
  supporting,
  contradicting,
  context,
  warnings,
  ...summary
}: ClaimDetail): ClaimSummary => summary;

/** A desk with claims of every status, and ties on every sort key. */
async function deskWithClaims() {
  const desk = await demoDesk();
  const { call, passage, db } = desk;
  const repair = await passage(1, REPAIR);
  const opportunities = await passage(2, OPPORTUNITIES);
  const ids: number[] = [];
  for (let i = 0; i < 23; i++) {
    // Five texts repeated, so the A–Z sort has ties too.
    const claim = await call<ClaimSummary>('claims.create', {
      text: `Claim ${String.fromCharCode(65 + (i % 5))}`,
      tags: i % 3 === 0 ? ['Fuel'] : ['vehicles'],
    });
    ids.push(claim.id);
    const link = (passageId: number, stance: string) =>
      call('evidence.link', { claimId: claim.id, passageId, stance, credibility: 2 });
    if (i % 4 === 1) await link(repair.id, 'supports');
    if (i % 4 === 2) {
      await link(repair.id, 'supports');
      await link(opportunities.id, 'supports');
    }
    if (i % 4 === 3) {
      await link(repair.id, 'supports');
      await link(opportunities.id, 'contradicts');
    }
  }
  // Ties on "recently changed": three runs of claims changed at the same instant.
  db.prepare(
    `UPDATE claims SET updated_at = CASE id % 3 WHEN 0 THEN '2026-01-01T00:00:00.000Z'
       WHEN 1 THEN '2026-01-02T00:00:00.000Z' ELSE '2026-01-01T00:00:00.000Z' END`,
  ).run();
  const details = await Promise.all(
    ids.map(async (id) => summaryOf(await call<ClaimDetail>('claims.get', { id }))),
  );
  return { ...desk, ids, details };
}

const ATTENTION: string[] = [...STATUS_ATTENTION_ORDER];

describe('the claims list, paged by the desk', () => {
  it('gives every claim exactly once across pages, in the chosen order, ties by id', async () => {
    const { call, details } = await deskWithClaims();
    const byId = (a: ClaimSummary, b: ClaimSummary) => a.id - b.id;
    const expected: Record<string, (a: ClaimSummary, b: ClaimSummary) => number> = {
      recent: (a, b) =>
        a.updatedAt === b.updatedAt ? byId(a, b) : a.updatedAt < b.updatedAt ? 1 : -1,
      text: (a, b) => a.text.toLowerCase().localeCompare(b.text.toLowerCase()) || byId(a, b),
      status: (a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status) || byId(a, b),
      // Most origins for, then fewest against, as the list shows them.
      origins: (a, b) =>
        b.counts.supportingOrigins - a.counts.supportingOrigins ||
        a.counts.contradictingOrigins - b.counts.contradictingOrigins ||
        byId(a, b),
    };
    // The desk holds claims of four statuses and ties on each key.
    expect(new Set(details.map((d) => d.status)).size).toBeGreaterThanOrEqual(4);
    for (const [sort, compare] of Object.entries(expected)) {
      for (const limit of [1, 4, 7, 100]) {
        const listed = await allPages(call, { sort }, limit);
        expect(
          listed.map((c) => c.id),
          `${sort}, ${limit} a page`,
        ).toEqual([...details].sort(compare).map((c) => c.id));
      }
    }
    // Each row is that claim's own assessment, as opening it shows.
    const listed = await allPages(call, { sort: 'status' }, 5);
    expect([...listed].sort((a, b) => a.id - b.id)).toEqual(
      [...details].sort((a, b) => a.id - b.id),
    );
  });

  it('filters by status, tag and words, and counts the matches', async () => {
    const { call, details } = await deskWithClaims();
    for (const status of ATTENTION) {
      const page = await call<ClaimPage>('claims.list', { filter: { status }, limit: 3 });
      const want = details.filter((d) => d.status === status).map((d) => d.id);
      expect(page.total).toBe(want.length);
      expect(page.all).toBe(details.length);
      expect((await allPages(call, { filter: { status } }, 3)).map((c) => c.id).sort()).toEqual(
        want.sort(),
      );
    }
    const fuel = await allPages(call, { filter: { tag: '#FUEL' } }, 4);
    expect(fuel.map((c) => c.id).sort()).toEqual(
      details
        .filter((d) => d.tags.includes('fuel'))
        .map((d) => d.id)
        .sort(),
    );
    const words = await allPages(call, { filter: { text: 'claim b' }, sort: 'text' }, 2);
    expect(words.map((c) => c.text)).toEqual(Array(5).fill('Claim B'));
    // Part of a tag, written with its #.
    expect((await allPages(call, { filter: { text: '#vehic' } }, 50)).length).toBe(
      details.filter((d) => d.tags.includes('vehicles')).length,
    );
    // Filters combine.
    const both = await call<ClaimPage>('claims.list', {
      filter: { status: 'single-origin', tag: 'fuel', text: 'claim' },
    });
    expect(both.items.map((c) => c.id).sort()).toEqual(
      details
        .filter((d) => d.status === 'single-origin' && d.tags.includes('fuel'))
        .map((d) => d.id)
        .sort(),
    );
  });

  it('matches words whatever their case, beyond ASCII', async () => {
    const { call } = await demoDesk(false);
    const claim = await call<ClaimSummary>('claims.create', { text: 'ÉCLAT of the Été market' });
    await call('claims.create', { text: 'Unrelated' });
    const page = await call<ClaimPage>('claims.list', { filter: { text: 'éclat' } });
    expect(page.items.map((c) => c.id)).toEqual([claim.id]);
  });

  it('keeps a status filter true after evidence, source and attribution changes, and after another program writes', async () => {
    const { call, passage, file } = await demoDesk();
    const repair = await passage(1, REPAIR);
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Repair pays',
      evidence: { passageId: repair.id, credibility: 2 },
    });
    const ids = async (status: string) =>
      (await call<ClaimPage>('claims.list', { filter: { status } })).items.map((c) => c.id);
    expect(await ids('single-origin')).toEqual([claim.id]);

    // A second outlet: corroborated.
    const other = await passage(2, OPPORTUNITIES);
    const linked = await call<Evidence>('evidence.link', {
      claimId: claim.id,
      passageId: other.id,
      stance: 'supports',
      credibility: 2,
    });
    expect(await ids('corroborated')).toEqual([claim.id]);
    expect(await ids('single-origin')).toEqual([]);

    // Attributing the second passage to a source that cites the first outlet: one origin again.
    const sources = await call<{ id: number; name: string; outletId: number; kind: string }[]>(
      'sources.list',
      {},
    );
    const first = (await call<ClaimDetail>('claims.get', { id: claim.id })).supporting;
    expect(first).toHaveLength(2);
    const outletOf = (passageId: number) =>
      sources.find(
        (s) =>
          s.kind === 'outlet' &&
          s.name === first.find((g) => g.evidence.some((e) => e.passageId === passageId))?.name,
      );
    const outletOfRepair = outletOf(repair.id);
    const outletOfOther = outletOf(other.id);
    const relay = await call<{ id: number }>('sources.create', {
      outletId: outletOfOther?.outletId,
      name: 'Relay',
      derivesFromId: outletOfRepair?.id,
    });
    await call('passages.attribute', { passageId: other.id, sourceId: relay.id });
    expect(await ids('single-origin')).toEqual([claim.id]);

    // Undone: corroborated again (the triggers follow the undo's writes too).
    await call('session.undo', {});
    expect(await ids('corroborated')).toEqual([claim.id]);

    // The same claim changed by another connection (the CLI, say): its stance.
    const { db: elsewhere } = openDesk(file);
    elsewhere.prepare(`UPDATE evidence SET stance = 'contradicts' WHERE id = ?`).run(linked.id);
    elsewhere.close();
    expect(await ids('disputed')).toEqual([claim.id]);
  });

  it('refuses a position it did not give', async () => {
    const { service } = await demoDesk(false);
    const result = await service.call('claims.list', { after: 'not-a-cursor' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/claims\.list: after/);
  });
});

describe('claims and evidence writes return what they changed', () => {
  it('a verdict returns the claim’s new summary, the row the list would show', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(1, REPAIR);
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Repair pays',
      evidence: { passageId: p.id, credibility: 2 },
    });
    const saved = await call<ClaimSummary>('claims.update', {
      id: claim.id,
      verdict: 'verified',
      verdictRationale: 'two outlets',
    });
    expect(saved).toMatchObject({
      id: claim.id,
      verdict: 'verified',
      verdictRationale: 'two outlets',
      status: 'single-origin',
      counts: { passages: 1, supportingOrigins: 1 },
    });
    expect(saved.updatedAt >= claim.updatedAt).toBe(true);
    const [row] = (await call<ClaimPage>('claims.list', {})).items;
    expect(row).toEqual(saved);
  });

  it('evidence link, change and removal return the claim’s new summary; a merge the claim gone', async () => {
    const { call, passage } = await demoDesk();
    const a = await passage(1, REPAIR);
    const b = await passage(2, OPPORTUNITIES);
    const claim = await call<ClaimSummary>('claims.create', { text: 'Repair pays' });
    const current = async (id: number) => summaryOf(await call<ClaimDetail>('claims.get', { id }));

    const linked = await call<Evidence & { claim: ClaimSummary }>('evidence.link', {
      claimId: claim.id,
      passageId: a.id,
      stance: 'supports',
      credibility: 2,
    });
    expect(linked.claim).toEqual(await current(claim.id));
    expect(linked.claim.status).toBe('single-origin');

    const changed = await call<Evidence & { claim: ClaimSummary }>('evidence.update', {
      id: linked.id,
      stance: 'contradicts',
    });
    expect(changed.stance).toBe('contradicts');
    expect(changed.claim).toEqual(await current(claim.id));
    expect(changed.claim.status).toBe('contradicted');

    const removed = await call<{ id: number; claim: ClaimSummary }>('evidence.unlink', {
      id: linked.id,
    });
    expect(removed.id).toBe(linked.id);
    expect(removed.claim).toEqual(await current(claim.id));
    expect(removed.claim.status).toBe('no-evidence');

    const duplicate = await call<ClaimSummary>('claims.create', {
      text: 'Repairs pay',
      evidence: { passageId: b.id, credibility: 3 },
    });
    const merged = await call<ClaimSummary & { removedId: number }>('claims.merge', {
      keepId: claim.id,
      mergeId: duplicate.id,
    });
    expect(merged.removedId).toBe(duplicate.id);
    const { removedId, ...kept } = merged;
    expect(kept).toEqual(await current(claim.id));
    expect(kept.counts.passages).toBe(1);
  });
});
