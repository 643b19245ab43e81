import { describe, expect, it } from 'vitest';
import type {
  ClaimDetail,
  ClaimPage,
  ClaimSummary,
  Evidence,
  Passage,
  SourceSummary,
} from '../../shared/api.ts';
import { run } from '../../electron/cli/main.ts';
import { listClaims } from '../../electron/core/db/claims.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { tempDesk } from './helpers.ts';

async function desk() {
  const { db, file } = tempDesk();
  await loadDemoCase(db);
  const service = createDeskService({ db, path: file });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await service.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const text = async (reportId: number) =>
    (await call<{ text: string }>('reports.get', { id: reportId })).text;
  const passage = async (reportId: number, quote: string): Promise<Passage> => {
    const body = await text(reportId);
    const start = body.indexOf(quote);
    if (start < 0) throw new Error(`not in report ${reportId}: ${quote}`);
    return call<Passage>('passages.create', {
      reportId,
      start,
      end: start + quote.length,
      exact: quote,
    });
  };
  return { db, file, call, passage };
}

describe('claims, evidence and sources on the seed reports', () => {
  it('two ASIAPRESS reports quoting the same reporting partner: one origin, not corroborated; Daily NK + ASIAPRESS: corroborated', async () => {
    const { call, passage } = await desk();
    const sources = await call<SourceSummary[]>('sources.list', {});
    const asiapress = sources.find(
      (s) => s.name === 'ASIAPRESS' && s.kind === 'outlet',
    ) as SourceSummary;
    const partnerA = await call<SourceSummary>('sources.create', {
      outletId: asiapress.outletId,
      name: 'Reporting partner A in Ryanggang',
    });
    const unnamed = await call<SourceSummary>('sources.create', {
      outletId: asiapress.outletId,
      name: 'an ASIAPRESS reporting partner in Ryanggang',
      derivesFromId: partnerA.id,
    });

    const p1 = await passage(
      2,
      'it’s becoming popular for individuals to pool money and have 3-5 people buy one car together'.replace(
        '’',
        "'",
      ),
    );
    const p2 = await passage(
      3,
      'Groups of 3-5 people pool money to buy a car and share it as needed.',
    );
    await call('passages.attribute', { passageId: p1.id, sourceId: partnerA.id });
    await call('passages.attribute', { passageId: p2.id, sourceId: unnamed.id });
    const pooled = await call<ClaimSummary>('claims.create', {
      text: 'Groups of 3–5 people pool money to buy one car',
      tags: ['Vehicles', 'economy'],
      evidence: { passageId: p1.id, stance: 'supports', credibility: 2 },
    });
    await call<Evidence>('evidence.link', {
      claimId: pooled.id,
      passageId: p2.id,
      stance: 'supports',
      credibility: 2,
    });
    const pooledNow = await call<ClaimDetail>('claims.get', { id: pooled.id });
    expect(pooledNow.status).toBe('single-origin');
    expect(pooledNow.tags).toEqual(['economy', 'vehicles']);
    expect(pooledNow.counts).toEqual({
      passages: 2,
      reports: 2,
      outlets: 1,
      supportingOrigins: 1,
      contradictingOrigins: 0,
    });
    expect(pooledNow.supporting[0]).toMatchObject({
      name: 'Reporting partner A in Ryanggang',
      via: ['an ASIAPRESS reporting partner in Ryanggang'],
    });

    const q1 = await passage(1, 'auto repair is becoming a new market for making money');
    const q2 = await passage(
      2,
      'new money-making opportunities created by Chinese vehicles entering across the border',
    );
    const market = await call<ClaimSummary>('claims.create', {
      text: 'Imported cars have created new ways to make money',
      evidence: { passageId: q1.id, stance: 'supports', credibility: 2 },
    });
    await call('evidence.link', {
      claimId: market.id,
      passageId: q2.id,
      stance: 'supports',
      credibility: 3,
    });
    await call('sources.rate', {
      id: asiapress.id,
      reliability: 'B',
      rationale: 'Long record; partners inside the country',
    });
    const dailyNk = sources.find((s) => s.name === 'Daily NK') as SourceSummary;
    await call('sources.rate', {
      id: dailyNk.id,
      reliability: 'B',
      rationale: 'Established network of sources',
    });
    const marketNow = await call<ClaimDetail>('claims.get', { id: market.id });
    expect(marketNow.status).toBe('corroborated');
    expect(marketNow.counts).toMatchObject({ outlets: 2, supportingOrigins: 2 });
    expect(marketNow.suggestedCredibility).toBe(1);

    const listed = (await call<ClaimPage>('claims.list', {})).items.sort((a, b) => a.id - b.id);
    expect(listed.map((c) => [c.id, c.status])).toEqual([
      [pooled.id, 'single-origin'],
      [market.id, 'corroborated'],
    ]);
  });

  it('verdicts, history with reviewer and before/after, and undo', async () => {
    const { call, passage, db } = await desk();
    await call('preferences.set', { reviewer: 'J. Analyst' });
    const p = await passage(1, 'young men today have turned their sights to well-paying jobs');
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Young men seek well-paying jobs',
      evidence: { passageId: p.id },
    });
    await call('claims.update', {
      id: claim.id,
      verdict: 'unresolved',
      verdictRationale: 'One outlet only',
    });
    await call('claims.update', { id: claim.id, text: 'Young men now seek well-paying jobs' });
    const history = await call<
      { action: string; reviewer: string; before: unknown; after: unknown }[]
    >('claims.history', { id: claim.id });
    expect(history.map((h) => h.action)).toEqual([
      'claim.update',
      'claim.verdict',
      'evidence.link',
      'claim.create',
    ]);
    expect(history[0]).toMatchObject({
      reviewer: 'J. Analyst',
      before: { text: 'Young men seek well-paying jobs' },
      after: { text: 'Young men now seek well-paying jobs' },
    });
    expect(await call('session.status', {})).toEqual({
      next: 'edit of “Young men seek well-paying jobs”',
      nextRedo: null,
    });
    await call('session.undo', {});
    expect((await call<ClaimDetail>('claims.get', { id: claim.id })).text).toBe(
      'Young men seek well-paying jobs',
    );
    await call('session.undo', {});
    expect((await call<ClaimDetail>('claims.get', { id: claim.id })).verdict).toBeNull();
    // Delete, then undo brings back the claim with its evidence.
    await call('claims.delete', { id: claim.id });
    expect((await call<ClaimPage>('claims.list', {})).items).toEqual([]);
    expect(await call('session.undo', {})).toMatchObject({
      undone: 'deletion of “Young men seek well-paying jobs”',
    });
    expect((await call<ClaimDetail>('claims.get', { id: claim.id })).counts.passages).toBe(1);
    const audit = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(audit).toBeGreaterThan(6);
  });

  it('merging two duplicate claims moves the evidence over', async () => {
    const { call, passage } = await desk();
    const a = await passage(2, 'the license acquisition cost');
    const b = await passage(3, 'more people are getting driver’s licenses');
    const one = await call<ClaimSummary>('claims.create', {
      text: 'Licences cost more',
      tags: ['licences'],
      evidence: { passageId: a.id },
    });
    const two = await call<ClaimSummary>('claims.create', {
      text: 'Driving licences are pricier',
      tags: ['cost'],
      evidence: { passageId: b.id },
    });
    const merged = await call<ClaimSummary>('claims.merge', { keepId: one.id, mergeId: two.id });
    expect(merged).toMatchObject({
      id: one.id,
      tags: ['cost', 'licences'],
      counts: { passages: 2, reports: 2 },
    });
    await expect(call('claims.get', { id: two.id })).rejects.toThrow('does not exist');
  });

  it('merging moves the merged claim’s shared-origin decisions with its evidence', async () => {
    const { call, passage, db } = await desk();
    // Daily NK (report 1) and ASIAPRESS (report 2): two origins, until the reviewer says they are one.
    const a = await passage(1, 'auto repair is becoming a new market for making money');
    const b = await passage(
      2,
      'new money-making opportunities created by Chinese vehicles entering across the border',
    );
    const keep = await call<ClaimSummary>('claims.create', { text: 'Cars make money' });
    const dup = await call<ClaimSummary>('claims.create', {
      text: 'Vehicles are a new business',
      evidence: { passageId: a.id, stance: 'supports', credibility: 2 },
    });
    await call('evidence.link', {
      claimId: dup.id,
      passageId: b.id,
      stance: 'supports',
      credibility: 2,
    });
    expect((await call<ClaimDetail>('claims.get', { id: dup.id })).status).toBe('corroborated');
    await call('claims.reviewWarning', {
      claimId: dup.id,
      passageA: b.id,
      passageB: a.id,
      decision: 'confirmed',
    });
    expect((await call<ClaimDetail>('claims.get', { id: dup.id })).status).toBe('single-origin');

    await call('claims.merge', { keepId: keep.id, mergeId: dup.id });
    const merged = await call<ClaimDetail>('claims.get', { id: keep.id });
    expect(merged.status).toBe('single-origin');
    expect(merged.counts).toMatchObject({ passages: 2, supportingOrigins: 1 });
    // The bulk path (the full list, as the CLI prints it) reads the moved decision too.
    const listed = listClaims(db);
    expect(listed.map((c) => [c.id, c.status, c.counts.supportingOrigins])).toEqual([
      [keep.id, 'single-origin', 1],
    ]);
  });

  it('undoing a removal of evidence brings it back with its stance, grade and note', async () => {
    const { call, passage } = await desk();
    const p = await passage(1, 'auto repair is becoming a new market for making money');
    const claim = await call<ClaimSummary>('claims.create', { text: 'Car repair pays' });
    const linked = await call<Evidence>('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'contradicts',
      credibility: 4,
      note: 'Only one mechanic interviewed',
    });
    expect(linked.note).toBe('Only one mechanic interviewed');
    await call('evidence.unlink', { id: linked.id });
    expect((await call<ClaimDetail>('claims.get', { id: claim.id })).counts.passages).toBe(0);
    expect(await call('session.undo', {})).toMatchObject({ undone: 'evidence removal' });
    const back = await call<ClaimDetail>('claims.get', { id: claim.id });
    expect(back.contradicting.flatMap((g) => g.evidence)).toEqual([
      expect.objectContaining({
        passageId: p.id,
        stance: 'contradicts',
        credibility: 4,
        note: 'Only one mechanic interviewed',
      }),
    ]);
  });

  it('a source cannot cite its own descendant (no cycles)', async () => {
    const { call } = await desk();
    const sources = await call<SourceSummary[]>('sources.list', {});
    const outlet = sources[0] as SourceSummary;
    const x = await call<SourceSummary>('sources.create', { outletId: outlet.outletId, name: 'X' });
    const y = await call<SourceSummary>('sources.create', {
      outletId: outlet.outletId,
      name: 'Y',
      derivesFromId: x.id,
    });
    await expect(call('sources.update', { id: x.id, derivesFromId: y.id })).rejects.toThrow(
      'cannot cite Y',
    );
  });

  it('source-desk claims lists computed status, verdict and counts', async () => {
    const { call, passage, file, db } = await desk();
    const p = await passage(1, 'auto repair is becoming a new market');
    await call('claims.create', {
      text: 'Car repair is a new market',
      evidence: { passageId: p.id },
    });
    db.close();
    const out: string[] = [];
    const code = await run(
      ['claims', '--db', file],
      { write: (s: string) => out.push(s) },
      { write: () => true },
    );
    expect(code).toBe(0);
    expect(out.join('')).toMatch(
      /#1 {2}Single origin {2}Car repair is a new market\n {4}1 supporting origin, 0 contradicting · 1 passage, 1 report, 1 outlet/,
    );
    const json: string[] = [];
    await run(
      ['claims', '--json', '--db', file],
      { write: (s: string) => json.push(s) },
      { write: () => true },
    );
    expect(JSON.parse(json.join(''))).toEqual([
      expect.objectContaining({
        status: 'single-origin',
        verdict: null,
        counts: expect.objectContaining({ supportingOrigins: 1 }),
      }),
    ]);
  });
});

describe('undo of source changes', () => {
  it('takes back a new source (its passages return to their outlet) and a grade', async () => {
    const { call, passage } = await desk();
    const outlet = (await call<SourceSummary[]>('sources.list', {})).find(
      (s) => s.name === 'Daily NK',
    ) as SourceSummary;
    const p = await passage(1, 'auto repair is becoming a new market');
    const named = await call<SourceSummary>('sources.create', {
      outletId: outlet.outletId,
      name: 'a Daily NK source',
    });
    await call('passages.attribute', { passageId: p.id, sourceId: named.id });
    await call('sources.rate', { id: named.id, reliability: 'C', rationale: 'first contact' });
    expect(await call('session.undo', {})).toMatchObject({
      undone: 'grade of “a Daily NK source”',
    });
    expect(await call('sources.history', { id: named.id })).toEqual([]);
    await call('session.undo', {}); // the attribution
    expect(await call('session.undo', {})).toMatchObject({
      undone: 'new source “a Daily NK source”',
      next: expect.stringMatching(/^highlight in “/),
    });
    expect((await call<SourceSummary[]>('sources.list', {})).map((s) => s.name)).not.toContain(
      'a Daily NK source',
    );
    expect((await call<Passage[]>('passages.list', { reportId: 1 }))[0]?.sourceId).toBeNull();
  });
});

describe('bulk recomputation agrees with the per-claim assessment', () => {
  it('on a random desk with named sources, citations, contradictions and a confirmed shared origin', async () => {
    const { db, call } = await desk();
    let seed = 5;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const sources = await call<SourceSummary[]>('sources.list', {});
    const named: SourceSummary[] = [];
    for (let i = 0; i < 6; i++) {
      const outlet = sources[i % sources.length] as SourceSummary;
      named.push(
        await call<SourceSummary>('sources.create', {
          outletId: outlet.outletId,
          name: `Source ${i}`,
          derivesFromId: i > 1 && random(2) ? (named[random(i)] as SourceSummary).id : null,
        }),
      );
    }
    await call('sources.rate', {
      id: (sources[0] as SourceSummary).id,
      reliability: 'A',
      rationale: '',
    });
    const passages: Passage[] = [];
    for (const reportId of [1, 2, 3]) {
      const body = (await call<{ text: string }>('reports.get', { id: reportId })).text;
      for (let k = 0; k < 8; k++) {
        const start = k * 200;
        const p = await call<Passage>('passages.create', {
          reportId,
          start,
          end: start + 60,
          exact: body.slice(start, start + 60),
        });
        if (random(2))
          await call('passages.attribute', {
            passageId: p.id,
            sourceId: (named[random(named.length)] as SourceSummary).id,
          });
        passages.push(p);
      }
    }
    const stances = ['supports', 'supports', 'contradicts', 'context'] as const;
    for (let c = 0; c < 40; c++) {
      const claim = await call<ClaimSummary>('claims.create', { text: `Claim ${c}` });
      const used = new Set<number>();
      for (let e = 0; e < random(6); e++) {
        const p = passages[random(passages.length)] as Passage;
        if (used.has(p.id)) continue;
        used.add(p.id);
        await call('evidence.link', {
          claimId: claim.id,
          passageId: p.id,
          stance: stances[random(4)],
          credibility: 1 + random(6),
        });
      }
    }
    const pair = [passages[0] as Passage, passages[9] as Passage];
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Shared',
      evidence: { passageId: pair[0]?.id as number },
    });
    await call('evidence.link', {
      claimId: claim.id,
      passageId: pair[1]?.id as number,
      stance: 'supports',
      credibility: 2,
    });
    await call('claims.reviewWarning', {
      claimId: claim.id,
      passageA: pair[0]?.id as number,
      passageB: pair[1]?.id as number,
      decision: 'confirmed',
    });

    const bulk = listClaims(db);
    for (const summary of bulk) {
      const detail = await call<ClaimDetail>('claims.get', { id: summary.id });
      expect([summary.id, summary.status, summary.counts, summary.suggestedCredibility]).toEqual([
        detail.id,
        detail.status,
        detail.counts,
        detail.suggestedCredibility,
      ]);
    }
    expect(new Set(bulk.map((c) => c.status)).size).toBeGreaterThanOrEqual(4);
    db.close();
  });
});
