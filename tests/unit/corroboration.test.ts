import { describe, expect, it } from 'vitest';
import {
  assessClaim,
  evidenceOrigin,
  originOf,
  sharedOriginWarnings,
  wordingSimilarity,
  type EvidenceItem,
  type SourceNode,
} from '../../shared/corroboration.ts';

// Outlets are sources of kind 'outlet': Daily NK (1) and ASIAPRESS (2), with named sources.
const source = (
  id: number,
  name: string,
  outletId: number,
  extra: Partial<SourceNode> = {},
): SourceNode => ({
  id,
  name,
  kind: 'named',
  outletId,
  outletName: outletId === 1 ? 'Daily NK' : 'ASIAPRESS',
  derivesFromId: null,
  reliability: null,
  ...extra,
});
const DAILY_NK = source(1, 'Daily NK', 1, { kind: 'outlet', reliability: 'B' });
const ASIAPRESS = source(2, 'ASIAPRESS', 2, { kind: 'outlet', reliability: 'B' });
const PARTNER_A = source(10, 'Reporting partner A in Ryanggang', 2, { reliability: 'B' });
const PHOTOS = source(11, 'ASIAPRESS photos', 2);
const DNK_SOURCE = source(20, 'a Daily NK source in Ryanggang province', 1);
const sources = (...list: SourceNode[]): Map<number, SourceNode> =>
  new Map([DAILY_NK, ASIAPRESS, ...list].map((s) => [s.id, s]));

let nextId = 1;
function evidence(
  reportId: number,
  outletSourceId: number | null,
  extra: Partial<EvidenceItem> = {},
): EvidenceItem {
  const id = nextId++;
  return {
    id,
    passageId: 100 + id,
    reportId,
    reportTitle: `Report ${reportId}`,
    sourceId: null,
    outletSourceId,
    stance: 'supports',
    credibility: 2,
    exact: `passage ${id} with words unique to it number ${id * 7919}`,
    ...extra,
  };
}

describe('origins', () => {
  it('evidence with no named source has its outlet as origin; with one, the root of its chain', () => {
    const all = sources(PARTNER_A, { ...DNK_SOURCE, derivesFromId: 10 });
    expect(evidenceOrigin(evidence(1, 1), all)).toBe('source:1');
    expect(evidenceOrigin(evidence(1, 1, { sourceId: 20 }), all)).toBe('source:10');
    expect(evidenceOrigin(evidence(7, null), all)).toBe('report:7');
  });

  it('a cycle of "cites" stops instead of looping', () => {
    const all = sources({ ...PARTNER_A, derivesFromId: 11 }, { ...PHOTOS, derivesFromId: 10 });
    expect(originOf(10, all)).toEqual({ root: 11, chain: [10, 11] });
  });
});

describe('claim status counts independent origins, not articles', () => {
  it('one outlet, one named source quoted in two reports: one origin, not corroborated', () => {
    const a = assessClaim(
      [evidence(2, 2, { sourceId: 10 }), evidence(3, 2, { sourceId: 10 })],
      sources(PARTNER_A),
    );
    expect(a.status).toBe('single-origin');
    expect(a.counts).toEqual({
      passages: 2,
      reports: 2,
      outlets: 1,
      supportingOrigins: 1,
      contradictingOrigins: 0,
    });
    expect(a.supporting.map((g) => [g.name, g.evidence.length, g.reports])).toEqual([
      ['Reporting partner A in Ryanggang', 2, 2],
    ]);
    expect(a.suggestedCredibility).toBe(2);
  });

  it('two reports of one outlet with no named source: still one origin (the outlet)', () => {
    expect(assessClaim([evidence(2, 2), evidence(3, 2)], sources()).status).toBe('single-origin');
  });

  it('two outlets with unnamed sources: two origins, corroborated', () => {
    const a = assessClaim([evidence(1, 1), evidence(2, 2)], sources());
    expect(a.status).toBe('corroborated');
    expect(a.counts).toMatchObject({ reports: 2, outlets: 2, supportingOrigins: 2 });
    expect(a.suggestedCredibility).toBe(1);
  });

  it('a source that cites another: one origin, shown with the chain', () => {
    const all = sources(PARTNER_A, { ...DNK_SOURCE, derivesFromId: 10 });
    const a = assessClaim(
      [evidence(1, 1, { sourceId: 20 }), evidence(2, 2, { sourceId: 10 })],
      all,
    );
    expect(a.status).toBe('single-origin');
    expect(a.counts.outlets).toBe(2);
    expect(a.supporting).toHaveLength(1);
    expect(a.supporting[0]?.via).toEqual(['a Daily NK source in Ryanggang province']);
  });

  it('supporting and contradicting independent origins: disputed', () => {
    const a = assessClaim([evidence(1, 1), evidence(2, 2, { stance: 'contradicts' })], sources());
    expect(a.status).toBe('disputed');
    expect(a.counts).toMatchObject({ supportingOrigins: 1, contradictingOrigins: 1 });
    expect(a.suggestedCredibility).toBe(4);
  });

  it('corroborated needs no contradiction; two for, one against is disputed but leaning true', () => {
    const a = assessClaim(
      [evidence(1, 1), evidence(2, 2), evidence(3, 2, { sourceId: 11, stance: 'contradicts' })],
      sources(PHOTOS),
    );
    expect(a.status).toBe('disputed');
    expect(a.suggestedCredibility).toBe(3);
  });

  it('no evidence, context only, and contradiction only', () => {
    expect(assessClaim([], sources()).status).toBe('no-evidence');
    expect(assessClaim([evidence(1, 1, { stance: 'context' })], sources())).toMatchObject({
      status: 'no-evidence',
      suggestedCredibility: 6,
    });
    expect(assessClaim([evidence(1, 1, { stance: 'contradicts' })], sources()).status).toBe(
      'contradicted',
    );
  });

  it('grades 1 only when two independent origins are graded A–C', () => {
    const weak = sources({ ...DAILY_NK, reliability: 'E' }, { ...ASIAPRESS, reliability: null });
    const a = assessClaim([evidence(1, 1), evidence(2, 2)], weak);
    expect(a.status).toBe('corroborated');
    expect(a.suggestedCredibility).toBe(2);
  });

  it('a report without outlet is its own origin', () => {
    const a = assessClaim([evidence(5, null), evidence(6, null)], sources());
    expect(a.status).toBe('corroborated');
    expect(a.supporting.map((g) => g.key).sort()).toEqual(['report:5', 'report:6']);
  });
});

describe('shared-origin warnings', () => {
  const quote =
    'it’s becoming popular for individuals to pool money and have 3-5 people buy one car together';
  const copied =
    "It's becoming popular for individuals to pool money and have 3-5 people buy one car together, traders said.";

  it('measures wording by word trigrams, quotes and case folded', () => {
    expect(wordingSimilarity(quote, copied)).toBe(1);
    expect(
      wordingSimilarity(
        quote,
        'Groups of 3-5 people pool money to buy a car and share it as needed.',
      ),
    ).toBeLessThan(0.6);
    expect(wordingSimilarity('three words only', 'three words only')).toBe(0);
  });

  const pair = (): EvidenceItem[] => [
    evidence(1, 1, { exact: copied }),
    evidence(2, 2, { exact: quote }),
  ];

  it('flags near-identical supporting passages in different reports attributed to different origins', () => {
    const items = pair();
    const warnings = sharedOriginWarnings(items, sources());
    expect(warnings).toEqual([
      {
        passageA: items[0]?.passageId,
        passageB: items[1]?.passageId,
        similarity: 1,
        confirmed: false,
      },
    ]);
    // Still two origins until the reviewer decides.
    expect(assessClaim(items, sources()).status).toBe('corroborated');
  });

  it('a dismissed warning disappears and the origins stay independent', () => {
    const items = pair();
    const reviews = [
      {
        passageA: items[1]?.passageId as number,
        passageB: items[0]?.passageId as number,
        decision: 'dismissed' as const,
      },
    ];
    const a = assessClaim(items, sources(), reviews);
    expect(a.warnings).toEqual([]);
    expect(a.status).toBe('corroborated');
  });

  it('a confirmed warning makes the two origins one', () => {
    const items = pair();
    const reviews = [
      {
        passageA: items[0]?.passageId as number,
        passageB: items[1]?.passageId as number,
        decision: 'confirmed' as const,
      },
    ];
    const a = assessClaim(items, sources(), reviews);
    expect(a.status).toBe('single-origin');
    expect(a.counts.supportingOrigins).toBe(1);
    expect(a.warnings).toEqual([expect.objectContaining({ confirmed: true })]);
  });

  it('no warning within one report or within one origin', () => {
    expect(
      sharedOriginWarnings(
        [evidence(1, 1, { exact: quote }), evidence(1, 2, { exact: copied })],
        sources(),
      ),
    ).toEqual([]);
    expect(
      sharedOriginWarnings(
        [evidence(1, 2, { exact: quote }), evidence(2, 2, { exact: copied })],
        sources(),
      ),
    ).toEqual([]);
  });
});
