import { describe, expect, it } from 'vitest';
import type { Reliability } from '../../shared/admiralty.ts';
import {
  assessClaim,
  conclude,
  evidenceOrigin,
  NEAR_IDENTICAL,
  originOf,
  STATUS_LABEL,
  sharedOriginWarnings,
  wordingSimilarity,
  words,
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
    // Still two origins until the reviewer decides, but not plainly corroborated.
    expect(assessClaim(items, sources())).toMatchObject({
      status: 'corroborated-pending',
      counts: { supportingOrigins: 2 },
    });
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

describe('origins, further', () => {
  it('a source missing from the table is its own origin', () => {
    expect(originOf(99, sources())).toEqual({ root: 99, chain: [99] });
  });

  it('a cycle further up the chain stops too, with each source once', () => {
    // 20 cites 10, 10 cites 11, 11 cites 10 again.
    const all = sources(
      { ...DNK_SOURCE, derivesFromId: 10 },
      { ...PARTNER_A, derivesFromId: 11 },
      { ...PHOTOS, derivesFromId: 10 },
    );
    expect(originOf(20, all)).toEqual({ root: 11, chain: [20, 10, 11] });
  });

  it('shows each chain once, every step named, however many passages come through it', () => {
    // 20 cites 11, which cites 10: two passages attributed to 20 show one chain of two names.
    const all = sources(
      PARTNER_A,
      { ...PHOTOS, derivesFromId: 10 },
      { ...DNK_SOURCE, derivesFromId: 11 },
    );
    const a = assessClaim(
      [evidence(1, 1, { sourceId: 20 }), evidence(2, 1, { sourceId: 20 })],
      all,
    );
    expect(a.supporting).toHaveLength(1);
    expect(a.supporting[0]).toMatchObject({
      key: 'source:10',
      name: 'Reporting partner A in Ryanggang',
      outlet: 'ASIAPRESS',
      reliability: 'B',
      via: ['a Daily NK source in Ryanggang province ← ASIAPRESS photos'],
      reports: 2,
    });
  });

  it('a report without outlet is named by its title, never by a source that shares its number', () => {
    // Report 1 has no outlet; source 1 (Daily NK) exists: the report stays its own origin.
    const a = assessClaim([evidence(1, null), evidence(2, 1)], sources());
    const byKey = new Map(a.supporting.map((g) => [g.key, g]));
    expect(byKey.get('report:1')).toMatchObject({
      name: 'Report 1 (no outlet)',
      outlet: null,
      reliability: null,
    });
    expect(byKey.get('source:1')).toMatchObject({
      name: 'Daily NK',
      outlet: 'Daily NK',
      reliability: 'B',
    });
  });
});

describe('counts and order', () => {
  it('reports without outlet each count as an outlet of their own', () => {
    const a = assessClaim([evidence(5, null), evidence(6, null), evidence(7, 1)], sources());
    expect(a.counts).toEqual({
      passages: 3,
      reports: 3,
      outlets: 3,
      supportingOrigins: 3,
      contradictingOrigins: 0,
    });
  });

  it('lists origins with the most evidence first, then by name', () => {
    const all = sources(PARTNER_A, PHOTOS);
    const a = assessClaim(
      [
        evidence(1, 2, { sourceId: 11 }),
        evidence(2, 1),
        evidence(3, 2, { sourceId: 10 }),
        evidence(4, 1),
      ],
      all,
    );
    expect(a.supporting.map((g) => [g.name, g.evidence.length])).toEqual([
      ['Daily NK', 2],
      ['ASIAPRESS photos', 1],
      ['Reporting partner A in Ryanggang', 1],
    ]);
  });

  it('context evidence is grouped by origin but weighs on neither side', () => {
    const a = assessClaim(
      [evidence(1, 1, { stance: 'context' }), evidence(2, 2), evidence(3, 2)],
      sources(),
    );
    expect(a.context.map((g) => [g.key, g.evidence.length])).toEqual([['source:1', 1]]);
    expect(a.supporting.map((g) => g.key)).toEqual(['source:2']);
    expect(a.status).toBe('single-origin');
    expect(a.counts).toMatchObject({ passages: 3, outlets: 2, supportingOrigins: 1 });
  });
});

describe('status and suggested grade, rule by rule (docs/corroboration.md)', () => {
  const graded = (reliability: Reliability | null): Map<number, SourceNode> =>
    sources({ ...DAILY_NK, reliability });

  it('one origin on both sides is a single origin, not a dispute', () => {
    const a = assessClaim(
      [evidence(1, 1), evidence(2, 1, { stance: 'contradicts', credibility: 4 })],
      sources(),
    );
    expect(a.status).toBe('single-origin');
    expect(a.counts).toMatchObject({ supportingOrigins: 1, contradictingOrigins: 1 });
    expect(a.suggestedCredibility).toBe(2);
    // The bulk path's tallies (numbers as keys) conclude the same.
    expect(
      conclude(
        [{ key: 7, outlet: 1, reliability: null, bestCredibility: 2 }],
        [{ key: 7, outlet: 1, reliability: null, bestCredibility: 4 }],
        2,
      ).status,
    ).toBe('single-origin');
  });

  it('disputed: 3 when more origins support, 4 when as many, 5 when fewer', () => {
    const against = (reportId: number, outlet: number | null) =>
      evidence(reportId, outlet, { stance: 'contradicts' });
    const more = assessClaim([evidence(1, 1), evidence(2, 2), against(3, null)], sources());
    expect([more.status, more.suggestedCredibility, more.suggestionReason]).toEqual([
      'disputed',
      3,
      'Disputed: 2 origins support it, 1 contradict it.',
    ]);
    const even = assessClaim([evidence(1, 1), against(2, 2)], sources());
    expect([even.status, even.suggestedCredibility, even.suggestionReason]).toEqual([
      'disputed',
      4,
      'Disputed: as many origins contradict it as support it (1).',
    ]);
    const fewer = assessClaim([evidence(1, 1), against(2, 2), against(3, null)], sources());
    expect([fewer.status, fewer.suggestedCredibility, fewer.suggestionReason]).toEqual([
      'disputed',
      5,
      'Disputed: more origins contradict it (2) than support it (1).',
    ]);
  });

  it('single origin: the best grade given, never better than 2', () => {
    const a = assessClaim(
      [evidence(1, 1, { credibility: 4 }), evidence(2, 1, { credibility: 3 })],
      sources(),
    );
    expect(a.suggestedCredibility).toBe(3);
    expect(a.suggestionReason).toBe(
      'One origin only: it cannot be confirmed (1) without an independent one.',
    );
    expect(assessClaim([evidence(1, 1, { credibility: 1 })], sources()).suggestedCredibility).toBe(
      2,
    );
    expect(assessClaim([evidence(1, 1, { credibility: 5 })], sources()).suggestedCredibility).toBe(
      5,
    );
  });

  it.each([
    ['A', 2],
    ['C', 2],
    ['D', 3],
    ['E', 3],
    ['F', 2],
    [null, 2],
  ] as const)('single origin graded %s, evidence graded 2: suggests %i', (reliability, grade) => {
    expect(assessClaim([evidence(1, 1)], graded(reliability)).suggestedCredibility).toBe(grade);
  });

  it('a doubtful origin (D or E) is at least 3, and keeps a worse grade given', () => {
    expect(
      assessClaim([evidence(1, 1, { credibility: 4 })], graded('D')).suggestedCredibility,
    ).toBe(4);
    // Also when the one origin is on both sides.
    expect(
      assessClaim([evidence(1, 1), evidence(2, 1, { stance: 'contradicts' })], graded('E'))
        .suggestedCredibility,
    ).toBe(3);
  });

  it('a single contradicting origin is contradicted, graded 5', () => {
    const a = assessClaim([evidence(1, 1, { stance: 'contradicts', credibility: 2 })], sources());
    expect([a.status, a.suggestedCredibility, a.suggestionReason]).toEqual([
      'contradicted',
      5,
      'Only contradicting evidence.',
    ]);
  });

  it('says why: corroborated, weakly corroborated, no evidence', () => {
    expect(assessClaim([evidence(1, 1), evidence(2, 2)], sources()).suggestionReason).toBe(
      'Confirmed by 2 independent origins graded A–C, in 2 outlets.',
    );
    expect(assessClaim([evidence(1, 1), evidence(2, 2)], graded('D')).suggestionReason).toBe(
      '2 independent origins support it, but fewer than two are graded A–C: grade the sources to confirm.',
    );
    expect(assessClaim([], sources()).suggestionReason).toBe(
      'No evidence supports or contradicts it yet.',
    );
  });
});

describe('near-identical wording, at the edges', () => {
  it('words: case-folded, NFKC, curly apostrophes straightened, contractions kept whole', () => {
    expect(words("They’ll SAY it\u2019s ﬁne — won't they?")).toEqual([
      "they'll",
      'say',
      "it's",
      'fine',
      "won't",
      'they',
    ]);
    expect(words('— … —')).toEqual([]);
  });

  it('trigrams are three words in a row, in their order', () => {
    // 3 trigrams against 3: "pool pool pool" is shared, "pool cars money" and "pool money pool" are not.
    expect(wordingSimilarity('pool pool pool cars money', 'pool pool pool money pool')).toBeCloseTo(
      1 / 3,
    );
    // "pool pool money" and "pool money cars" are shared, 2 of the shorter passage's 3.
    expect(
      wordingSimilarity('buy pool money cars pool pool', 'cars pool pool money cars'),
    ).toBeCloseTo(2 / 3);
  });

  it('four words are enough; fewer never are, even against a longer passage', () => {
    expect(wordingSimilarity('one two three four', 'one two three four')).toBe(1);
    expect(wordingSimilarity('one two three four', 'one two three four five six seven')).toBe(1);
    expect(wordingSimilarity('one two three', 'one two three four five six')).toBe(0);
    expect(wordingSimilarity('one two three four five six', 'one two three')).toBe(0);
  });

  const seven = 'alpha bravo charlie delta echo foxtrot golf'; // 5 trigrams
  const threeOfFive = 'alpha bravo charlie delta echo xray yankee zulu'; // shares 3 of them
  const nine = 'alpha bravo charlie delta echo foxtrot golf hotel india'; // 7 trigrams
  const fourOfSeven = 'alpha bravo charlie delta echo foxtrot xray yankee zulu whiskey';

  it('the threshold is 0.6, and a pair exactly at it is flagged', () => {
    expect(NEAR_IDENTICAL).toBe(0.6);
    expect(wordingSimilarity(seven, threeOfFive)).toBe(0.6);
    expect(wordingSimilarity(nine, fourOfSeven)).toBeCloseTo(4 / 7);
    const at = [evidence(1, 1, { exact: seven }), evidence(2, 2, { exact: threeOfFive })];
    expect(sharedOriginWarnings(at, sources())).toEqual([
      expect.objectContaining({ similarity: 0.6, confirmed: false }),
    ]);
    const below = [evidence(1, 1, { exact: nine }), evidence(2, 2, { exact: fourOfSeven })];
    expect(sharedOriginWarnings(below, sources())).toEqual([]);
  });

  it('only supporting passages are compared', () => {
    const items = [
      evidence(1, 1, { exact: seven }),
      evidence(2, 2, { exact: seven, stance: 'contradicts' }),
      evidence(3, null, { exact: seven, stance: 'context' }),
    ];
    expect(sharedOriginWarnings(items, sources())).toEqual([]);
  });

  it('a confirmed shared origin makes one origin whichever way round the pair was stored', () => {
    const items = [evidence(1, 1, { exact: seven }), evidence(2, 2, { exact: seven })];
    for (const [a, b] of [
      [items[0], items[1]],
      [items[1], items[0]],
    ] as const) {
      const assessed = assessClaim(items, sources(), [
        {
          passageA: a?.passageId as number,
          passageB: b?.passageId as number,
          decision: 'confirmed',
        },
      ]);
      expect(assessed.status).toBe('single-origin');
      expect(assessed.supporting.map((g) => [g.key, g.evidence.length])).toEqual([['source:1', 2]]);
    }
  });

  it('a decision about a passage that is no longer evidence is ignored', () => {
    const items = [evidence(1, 1), evidence(2, 2)];
    const a = assessClaim(items, sources(), [
      { passageA: items[0]?.passageId as number, passageB: 9999, decision: 'confirmed' },
    ]);
    expect(a.status).toBe('corroborated');
  });
});

describe('status labels', () => {
  it('name each status as the analyst reads it', () => {
    expect(STATUS_LABEL).toEqual({
      'no-evidence': 'No evidence',
      'single-origin': 'Single origin',
      'corroborated-one-outlet': 'Corroborated within one outlet',
      'corroborated-pending': 'Corroborated — origin check pending',
      corroborated: 'Corroborated',
      disputed: 'Disputed',
      contradicted: 'Contradicted',
    });
  });
});
