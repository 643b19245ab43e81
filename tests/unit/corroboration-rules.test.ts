// Every rule in docs/corroboration.md's tables, one test each, named after the rule's row: each
// fails when that rule alone is broken. Then the seed scenario through the real desk.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, ClaimPage, ClaimSummary, SourceSummary } from '../../shared/api.ts';
import type { Reliability } from '../../shared/admiralty.ts';
import {
  assessClaim,
  sharedOriginWarnings,
  type EvidenceItem,
  type OriginReview,
  type SourceNode,
} from '../../shared/corroboration.ts';
import {
  claimStatuses,
  loadCorroborationInput,
} from '../../electron/core/db/corroboration-input.ts';
import { STATUS_ATTENTION_ORDER } from '../../shared/claim-list.ts';
import { CLAIM_STATUSES } from '../../shared/vocabulary.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { demoDesk } from './desk.ts';

// Two outlets, Daily NK (1) and ASIAPRESS (2), each a source of kind 'outlet', graded B.
const named = (id: number, name: string, outletId: number, extra: Partial<SourceNode> = {}) =>
  ({
    id,
    name,
    kind: 'named',
    outletId,
    outletName: outletId === 1 ? 'Daily NK' : 'ASIAPRESS',
    derivesFromId: null,
    reliability: null,
    ...extra,
  }) satisfies SourceNode;
const DAILY_NK = named(1, 'Daily NK', 1, { kind: 'outlet', reliability: 'B' });
const ASIAPRESS = named(2, 'ASIAPRESS', 2, { kind: 'outlet', reliability: 'B' });
const PARTNER_A = named(10, 'Reporting partner A', 2, { reliability: 'B' });
const PARTNER_B = named(11, 'Reporting partner B', 2, { reliability: 'B' });
const DNK_SOURCE = named(20, 'a Daily NK source', 1, { reliability: 'B' });
const desk = (...list: SourceNode[]): Map<number, SourceNode> =>
  new Map([DAILY_NK, ASIAPRESS, ...list].map((s) => [s.id, s]));
const graded = (grades: Record<number, Reliability | null>): Map<number, SourceNode> =>
  new Map(
    [...desk(PARTNER_A, PARTNER_B, DNK_SOURCE).values()].map((s) => [
      s.id,
      s.id in grades ? { ...s, reliability: grades[s.id] ?? null } : s,
    ]),
  );

let next = 1;
/** One piece of evidence in report `reportId` of outlet 1 or 2 (null: a report without outlet). */
function ev(
  reportId: number,
  outlet: 1 | 2 | null,
  extra: Partial<EvidenceItem> = {},
): EvidenceItem {
  const id = next++;
  return {
    id,
    passageId: 1000 + id,
    reportId,
    reportTitle: `Report ${reportId}`,
    sourceId: null,
    outletSourceId: outlet,
    stance: 'supports',
    credibility: 2,
    exact: `words of passage ${id} found nowhere else ${id * 7919}`,
    ...extra,
  };
}
const against = (reportId: number, outlet: 1 | 2 | null, extra: Partial<EvidenceItem> = {}) =>
  ev(reportId, outlet, { stance: 'contradicts', ...extra });
const origins = (a: ReturnType<typeof assessClaim>) => ({
  for: a.supporting.map((g) => g.key),
  against: a.contradicting.map((g) => g.key),
});
/** A pair of supporting passages with the very same words, in two outlets. */
const COPIED = 'groups of three to five people pool money to buy one car';
const POOLED_001 =
  "it's becoming popular for individuals to pool money and have 3-5 people buy one car together";
const POOLED_002 = 'Groups of 3-5 people pool money to buy a car and share it as needed.';
const review = (a: EvidenceItem, b: EvidenceItem, decision: OriginReview['decision']) => ({
  passageA: a.passageId,
  passageB: b.passageId,
  decision,
});

describe('origins (docs: Sources and origins)', () => {
  it('Origin is the root of "cites"', () => {
    // The Daily NK source cites partner A: one origin, partner A, whichever is quoted.
    const all = desk(PARTNER_A, { ...DNK_SOURCE, derivesFromId: 10 });
    const a = assessClaim([ev(1, 1, { sourceId: 20 }), ev(2, 2, { sourceId: 10 })], all);
    expect(origins(a)).toEqual({ for: ['source:10'], against: [] });
    expect(a.status).toBe('single-origin');
  });

  it('Unattributed is the outlet', () => {
    // Two reports of ASIAPRESS, no source named: ASIAPRESS is the one origin.
    expect(origins(assessClaim([ev(2, 2), ev(3, 2)], desk()))).toEqual({
      for: ['source:2'],
      against: [],
    });
    // A report with no outlet is its own origin.
    expect(origins(assessClaim([ev(7, null)], desk()))).toEqual({ for: ['report:7'], against: [] });
  });

  it('Own voice folds into its named', () => {
    // Partner A in one report, ASIAPRESS's own sentence in another: one origin, partner A.
    const one = assessClaim([ev(2, 2, { sourceId: 10 }), ev(3, 2)], desk(PARTNER_A));
    expect(origins(one)).toEqual({ for: ['source:10'], against: [] });
    expect(one.status).toBe('single-origin');
    expect(one.supporting[0]?.via).toEqual(['ASIAPRESS (own voice)']);
    // With partners A and B, the own voice adds no third origin.
    const several = assessClaim(
      [ev(2, 2, { sourceId: 10 }), ev(3, 2, { sourceId: 11 }), ev(4, 2), ev(1, 1)],
      desk(PARTNER_A, PARTNER_B),
    );
    expect(several.counts.supportingOrigins).toBe(3);
    expect(several.supporting.map((g) => g.key).sort()).toEqual([
      'source:1',
      'source:10',
      'source:11',
    ]);
    // On the other side of its named source, it is that source again: not a dispute.
    const split = assessClaim([ev(2, 2, { sourceId: 10 }), against(3, 2)], desk(PARTNER_A));
    expect(origins(split)).toEqual({ for: ['source:10'], against: ['source:10'] });
    expect(split.status).toBe('single-origin');
  });

  it('Own voice alone is one origin', () => {
    // Daily NK's own voice has no named source of Daily NK beside it: it stays Daily NK,
    // independent of ASIAPRESS's partner A.
    const a = assessClaim([ev(1, 1), ev(2, 2, { sourceId: 10 })], desk(PARTNER_A));
    expect(origins(a).for.sort()).toEqual(['source:1', 'source:10']);
    expect(a.status).toBe('corroborated');
    // A named source only as context folds nothing.
    const b = assessClaim(
      [ev(3, 2), ev(2, 2, { sourceId: 10, stance: 'context' }), ev(1, 1)],
      desk(PARTNER_A),
    );
    expect(origins(b).for.sort()).toEqual(['source:1', 'source:2']);
  });

  it('Outlet of an origin', () => {
    // Partners A and B both sit in ASIAPRESS: two origins, one outlet.
    const inOne = assessClaim(
      [ev(2, 2, { sourceId: 10 }), ev(3, 2, { sourceId: 11 })],
      desk(PARTNER_A, PARTNER_B),
    );
    expect([inOne.counts.supportingOrigins, inOne.status]).toEqual([2, 'corroborated-one-outlet']);
    // A Daily NK source quoted in an ASIAPRESS report sits in Daily NK: two outlets.
    const inTwo = assessClaim(
      [ev(2, 2, { sourceId: 20 }), ev(3, 2, { sourceId: 10 })],
      desk(PARTNER_A, DNK_SOURCE),
    );
    expect(inTwo.status).toBe('corroborated');
    // Reports without outlet are each an outlet of their own.
    expect(assessClaim([ev(5, null), ev(6, null)], desk()).status).toBe('corroborated');
  });

  it('Context weighs on neither side', () => {
    const a = assessClaim(
      [ev(1, 1), ev(2, 2, { stance: 'context' }), ev(3, null, { stance: 'context' })],
      desk(),
    );
    expect(a.status).toBe('single-origin');
    expect(a.counts).toMatchObject({ supportingOrigins: 1, contradictingOrigins: 0 });
    expect(a.context).toHaveLength(2);
    expect(assessClaim([ev(1, 1, { stance: 'context' })], desk()).status).toBe('no-evidence');
  });

  it('Confirmed shared origin', () => {
    const items = [ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })];
    const a = assessClaim(items, desk(), [
      review(items[1] as EvidenceItem, items[0] as EvidenceItem, 'confirmed'),
    ]);
    expect(a.counts.supportingOrigins).toBe(1);
    expect(a.status).toBe('single-origin');
  });
});

describe('status (docs: Status)', () => {
  it('No evidence', () => {
    expect(assessClaim([], desk()).status).toBe('no-evidence');
    expect(assessClaim([ev(1, 1, { stance: 'context' })], desk()).status).toBe('no-evidence');
  });

  it('Single origin', () => {
    expect(assessClaim([ev(1, 1), ev(2, 1)], desk()).status).toBe('single-origin');
    // The one origin on both sides: no dispute.
    expect(assessClaim([ev(1, 1), against(2, 1)], desk()).status).toBe('single-origin');
  });

  it('Corroborated within one outlet', () => {
    const a = assessClaim(
      [ev(2, 2, { sourceId: 10 }), ev(3, 2, { sourceId: 11 })],
      desk(PARTNER_A, PARTNER_B),
    );
    expect(a.status).toBe('corroborated-one-outlet');
    // Also with an undecided warning open: the outlet is the weaker fact.
    const copied = assessClaim(
      [ev(2, 2, { sourceId: 10, exact: COPIED }), ev(3, 2, { sourceId: 11, exact: COPIED })],
      desk(PARTNER_A, PARTNER_B),
    );
    expect(copied.warnings).toHaveLength(1);
    expect(copied.status).toBe('corroborated-one-outlet');
  });

  it('Corroborated — origin check pending', () => {
    const items = [ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })];
    expect(assessClaim(items, desk()).status).toBe('corroborated-pending');
  });

  it('Corroborated', () => {
    expect(assessClaim([ev(1, 1), ev(2, 2)], desk()).status).toBe('corroborated');
    // A dismissed warning leaves it plainly corroborated.
    const items = [ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })];
    expect(
      assessClaim(items, desk(), [
        review(items[0] as EvidenceItem, items[1] as EvidenceItem, 'dismissed'),
      ]).status,
    ).toBe('corroborated');
  });

  it('Disputed', () => {
    expect(assessClaim([ev(1, 1), against(2, 2)], desk()).status).toBe('disputed');
  });

  it('Contradicted', () => {
    expect(assessClaim([against(1, 1)], desk()).status).toBe('contradicted');
    expect(assessClaim([against(1, 1), against(2, 2)], desk()).status).toBe('contradicted');
  });
});

describe('suggested credibility (docs: Suggested credibility)', () => {
  const grade = (items: EvidenceItem[], sources = desk(PARTNER_A, PARTNER_B, DNK_SOURCE)) =>
    assessClaim(items, sources).suggestedCredibility;

  it('Corroborated', () => {
    // Daily NK and ASIAPRESS, both graded B: 1.
    expect(grade([ev(1, 1), ev(2, 2)])).toBe(1);
    // Only one of them graded A–C: 2.
    expect(grade([ev(1, 1), ev(2, 2)], graded({ 1: 'D' }))).toBe(2);
    // Partners A and B graded B, in ASIAPRESS; Daily NK ungraded: the graded ones sit in one outlet.
    const oneOutletGraded = [ev(2, 2, { sourceId: 10 }), ev(3, 2, { sourceId: 11 }), ev(1, 1)];
    expect(assessClaim(oneOutletGraded, graded({ 1: null })).status).toBe('corroborated');
    expect(grade(oneOutletGraded, graded({ 1: null }))).toBe(2);
  });

  it('Corroborated — origin check pending', () => {
    const a = assessClaim([ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })], desk());
    expect([a.status, a.suggestedCredibility]).toEqual(['corroborated-pending', 2]);
  });

  it('Corroborated within one outlet', () => {
    // Both partners graded B, evidence graded 1: still 2.
    const a = assessClaim(
      [ev(2, 2, { sourceId: 10, credibility: 1 }), ev(3, 2, { sourceId: 11, credibility: 1 })],
      desk(PARTNER_A, PARTNER_B),
    );
    expect([a.status, a.suggestedCredibility]).toEqual(['corroborated-one-outlet', 2]);
  });

  it('Single origin', () => {
    // The best grade given (3), never better than 2, at least 3 for an origin graded D or E.
    expect(grade([ev(1, 1, { credibility: 4 }), ev(2, 1, { credibility: 3 })])).toBe(3);
    expect(grade([ev(1, 1, { credibility: 1 })])).toBe(2);
    expect(grade([ev(1, 1)], graded({ 1: 'D' }))).toBe(3);
    expect(grade([ev(1, 1)], graded({ 1: 'E' }))).toBe(3);
    expect(grade([ev(1, 1)], graded({ 1: 'F' }))).toBe(2);
  });

  it('Disputed', () => {
    expect(grade([ev(1, 1), ev(2, 2), against(3, null)])).toBe(3);
    expect(grade([ev(1, 1), against(2, 2)])).toBe(4);
    expect(grade([ev(1, 1), against(2, 2), against(3, null)])).toBe(5);
  });

  it('Contradicted', () => {
    expect(grade([against(1, 1, { credibility: 2 })])).toBe(5);
  });

  it('No evidence', () => {
    expect(grade([])).toBe(6);
  });
});

describe('shared-origin warnings (docs: Shared-origin warnings)', () => {
  const seven = 'alpha bravo charlie delta echo foxtrot golf'; // 5 trigrams
  const threeOfFive = 'alpha bravo charlie delta echo xray yankee zulu'; // shares 3 of them
  const nine = 'alpha bravo charlie delta echo foxtrot golf hotel india'; // 7 trigrams
  const fourOfSeven = 'alpha bravo charlie delta echo foxtrot xray yankee zulu whiskey';
  const flagged = (a: string, b: string): number =>
    sharedOriginWarnings([ev(1, 1, { exact: a }), ev(2, 2, { exact: b })], desk()).length;

  it('Near-identical wording', () => {
    // 3 of 5 trigrams shared: at 0.6, flagged; 4 of 7 is below.
    expect(flagged(seven, threeOfFive)).toBe(1);
    expect(flagged(nine, fourOfSeven)).toBe(0);
    // A short quote inside a long passage: overlap of the shorter, not Jaccard.
    expect(flagged(seven, `${seven} and then many more words that the other never had`)).toBe(1);
    // Case, curly apostrophes and NFKC forms do not matter.
    expect(flagged('It’s ﬁne to pool money', "it's FINE to pool money")).toBe(1);
  });

  it('Fewer than four words never', () => {
    expect(flagged('one two three four', 'one two three four')).toBe(1);
    expect(flagged('one two three', 'one two three four five')).toBe(0);
  });

  it('Supporting, different reports/origins', () => {
    const count = (items: EvidenceItem[], sources = desk(PARTNER_A)) =>
      sharedOriginWarnings(items, sources).length;
    expect(count([ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })])).toBe(1);
    // Not supporting.
    expect(count([ev(1, 1, { exact: COPIED }), against(2, 2, { exact: COPIED })])).toBe(0);
    // One report.
    expect(count([ev(1, 1, { exact: COPIED }), ev(1, 2, { exact: COPIED })])).toBe(0);
    // One origin.
    expect(count([ev(1, 2, { exact: COPIED }), ev(2, 2, { exact: COPIED })])).toBe(0);
    // One origin once ASIAPRESS's own voice is folded into partner A.
    expect(count([ev(2, 2, { sourceId: 10, exact: COPIED }), ev(3, 2, { exact: COPIED })])).toBe(0);
  });

  it('Dismissed shared origin', () => {
    const items = [ev(1, 1, { exact: COPIED }), ev(2, 2, { exact: COPIED })];
    const a = assessClaim(items, desk(), [
      review(items[0] as EvidenceItem, items[1] as EvidenceItem, 'dismissed'),
    ]);
    expect(a.warnings).toEqual([]);
    expect(a.counts.supportingOrigins).toBe(2);
  });
});

describe('on the seed reports, through the desk', () => {
  async function seeded() {
    const d = await demoDesk();
    await d.call('preferences.set', { reviewer: 'J. Analyst' });
    const sources = await d.call<SourceSummary[]>('sources.list', {});
    const outlet = (name: string) =>
      sources.find((s) => s.name === name && s.kind === 'outlet') as SourceSummary;
    const claim = async (text: string, passages: number[], stances?: string[]) => {
      const [first, ...rest] = passages;
      const c = await d.call<ClaimSummary>('claims.create', {
        text,
        evidence: { passageId: first, stance: stances?.[0] ?? 'supports', credibility: 2 },
      });
      for (const [i, passageId] of rest.entries())
        await d.call('evidence.link', {
          claimId: c.id,
          passageId,
          stance: stances?.[i + 1] ?? 'supports',
          credibility: 2,
        });
      return c.id;
    };
    const get = (id: number) => d.call<ClaimDetail>('claims.get', { id });
    return { ...d, outlet, claim, get };
  }

  it('partner A in 001 and the unattributed sentence in 002 are one origin in one outlet; Daily NK and ASIAPRESS corroborate', async () => {
    const { db, call, passage, outlet, claim, get } = await seeded();
    const asiapress = outlet('ASIAPRESS');
    const dailyNk = outlet('Daily NK');
    const p1 = await passage(2, POOLED_001);
    const p2 = await passage(3, POOLED_002);

    // Left on the default, both are ASIAPRESS's own voice: one origin.
    const pooled = await claim('Groups of 3–5 people pool money to buy one car', [p1.id, p2.id]);
    expect(await get(pooled)).toMatchObject({
      status: 'single-origin',
      counts: { supportingOrigins: 1, outlets: 1 },
    });

    // 001's passage attributed to partner A, 002's left on the default: the outlet's own voice
    // folds into partner A. Still one origin, never Corroborated.
    const partnerA = await call<SourceSummary>('sources.create', {
      outletId: asiapress.outletId,
      name: 'Reporting partner A in Ryanggang Province',
    });
    await call('passages.attribute', { passageId: p1.id, sourceId: partnerA.id });
    const folded = await get(pooled);
    expect(folded).toMatchObject({
      status: 'single-origin',
      counts: { supportingOrigins: 1, reports: 2, outlets: 1 },
    });
    expect(folded.suggestedCredibility).toBeGreaterThan(1);
    expect(folded.supporting[0]).toMatchObject({
      name: 'Reporting partner A in Ryanggang Province',
      via: ['ASIAPRESS (own voice)'],
    });

    // 002's partner kept apart as a source of its own: two origins, but one outlet.
    const partner002 = await call<SourceSummary>('sources.create', {
      outletId: asiapress.outletId,
      name: 'an ASIAPRESS reporting partner in Ryanggang Province',
    });
    await call('passages.attribute', { passageId: p2.id, sourceId: partner002.id });
    await call('sources.rate', { id: partnerA.id, reliability: 'B', rationale: 'record' });
    await call('sources.rate', { id: partner002.id, reliability: 'B', rationale: 'record' });
    expect(await get(pooled)).toMatchObject({
      status: 'corroborated-one-outlet',
      suggestedCredibility: 2,
      counts: { supportingOrigins: 2, outlets: 1 },
    });

    // Daily NK and ASIAPRESS, both graded B: Corroborated, 1.
    const q1 = await passage(1, 'auto repair is becoming a new market for making money');
    const q2 = await passage(
      2,
      'new money-making opportunities created by Chinese vehicles entering across the border',
    );
    const market = await claim('Imported cars have created new ways to make money', [q1.id, q2.id]);
    await call('sources.rate', { id: asiapress.id, reliability: 'B', rationale: 'record' });
    await call('sources.rate', { id: dailyNk.id, reliability: 'B', rationale: 'record' });
    expect(await get(market)).toMatchObject({
      status: 'corroborated',
      suggestedCredibility: 1,
      counts: { supportingOrigins: 2, outlets: 2 },
    });

    // The list, the status filter and the bulk pass say the same.
    const listed = (await call<ClaimPage>('claims.list', { sort: 'status' })).items;
    expect(listed.map((c) => [c.id, c.status])).toEqual([
      [pooled, 'corroborated-one-outlet'],
      [market, 'corroborated'],
    ]);
    const filtered = await call<ClaimPage>('claims.list', {
      filter: { status: 'corroborated-one-outlet' },
    });
    expect(filtered.items.map((c) => c.id)).toEqual([pooled]);
    const bulk = claimStatuses(db);
    const input = loadCorroborationInput(db);
    for (const id of [pooled, market]) {
      const a = assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id));
      expect(bulk.get(id)).toEqual({
        status: a.status,
        suggestedCredibility: a.suggestedCredibility,
        counts: a.counts,
      });
    }
  });

  it('the bulk pass folds an own voice and sees an undecided warning as assessClaim does', async () => {
    const { db, file, call, passage, outlet, claim } = await seeded();
    const partnerA = await call<SourceSummary>('sources.create', {
      outletId: outlet('ASIAPRESS').outletId,
      name: 'Reporting partner A',
    });
    const p1 = await passage(2, POOLED_001);
    const p2 = await passage(3, POOLED_002);
    await call('passages.attribute', { passageId: p1.id, sourceId: partnerA.id });
    const folded = await claim('pooled', [p1.id, p2.id]);
    // The same words in a Daily NK and an ASIAPRESS report (written to the desk directly: the
    // seeds share no sentence), undecided: pending.
    const copy = db.prepare(
      `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
       SELECT id, sha256, 0, 10, ?, '', '', '2026-01-01', '2026-01-01' FROM reports WHERE id = ?`,
    );
    const copies = [1, 2].map((reportId) => Number(copy.run(COPIED, reportId).lastInsertRowid));
    const pending = await claim('copied', copies);
    const bulk = claimStatuses(db);
    const input = loadCorroborationInput(db);
    for (const id of [folded, pending]) {
      const a = assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id));
      expect(bulk.get(id)).toEqual({
        status: a.status,
        suggestedCredibility: a.suggestedCredibility,
        counts: a.counts,
      });
    }
    expect([bulk.get(folded)?.status, bulk.get(pending)?.status]).toEqual([
      'single-origin',
      'corroborated-pending',
    ]);
    // The words of one copy change: the bulk pass reads them anew, not the trigrams it kept.
    db.prepare('UPDATE passages SET exact = ? WHERE id = ?').run(POOLED_002, copies[1]);
    expect(claimStatuses(db).get(pending)?.status).toBe('corroborated');
    // And when another program (the CLI) puts them back.
    const other = openDesk(file).db;
    other.prepare('UPDATE passages SET exact = ? WHERE id = ?').run(COPIED, copies[1]);
    other.close();
    expect(claimStatuses(db).get(pending)?.status).toBe('corroborated-pending');
  });
});

describe('the claims list (docs: What is counted)', () => {
  it('offers every status in its filter and "needs attention first" order', () => {
    expect([...STATUS_ATTENTION_ORDER].sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it('sorts "Most origins" by origins for, then fewest against, as the rows show them', async () => {
    const { call, passage } = await demoDesk();
    await call('preferences.set', { reviewer: 'J. Analyst' });
    const a = await passage(1, 'auto repair is becoming a new market for making money');
    const b = await passage(2, POOLED_001);
    const c = await passage(1, 'More young people have recently learned car or motorcycle repair');
    // Claim 1: 1 for · 1 against (disputed). Claim 2: 1 for · 0 against. Created in that order.
    const disputed = await call<ClaimSummary>('claims.create', {
      text: 'disputed',
      evidence: { passageId: a.id, stance: 'supports', credibility: 2 },
    });
    await call('evidence.link', {
      claimId: disputed.id,
      passageId: b.id,
      stance: 'contradicts',
      credibility: 2,
    });
    const plain = await call<ClaimSummary>('claims.create', {
      text: 'plain',
      evidence: { passageId: c.id, stance: 'supports', credibility: 2 },
    });
    const page = await call<ClaimPage>('claims.list', { sort: 'origins' });
    expect(
      page.items.map((i) => [i.id, i.counts.supportingOrigins, i.counts.contradictingOrigins]),
    ).toEqual([
      [plain.id, 1, 0],
      [disputed.id, 1, 1],
    ]);
  });
});
