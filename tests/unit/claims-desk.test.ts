// The claims store and its bulk recomputation, checked through the service: what the claims list
// says must be what each claim says, and every change must be audited and undoable.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, ClaimSummary, Evidence, SourceSummary } from '../../shared/api.ts';
import { listClaims } from '../../electron/core/db/claims.ts';
import { demoDesk } from './desk.ts';

type History = { action: string; before: unknown; after: unknown }[];

const upload = (name: string, text: string) => ({
  name,
  data: Buffer.from(text).toString('base64'),
});

// Two notes with no outlet: each report is its own origin.
const NOTES = [
  upload(
    'hyesan-notes.txt',
    'Market notes from Hyesan\nTraders at the market said second-hand trucks now sell for twice the spring price.\nNobody would give a name.',
  ),
  upload(
    'musan-notes.txt',
    'Market notes from Musan\nA driver in Musan said fuel is rationed to ten litres a week for private owners.\nHe had no receipt to show.',
  ),
];

const REPAIR = 'auto repair is becoming a new market for making money';

describe('the claims list agrees with each claim', () => {
  it('on origins, outlets, grades and the best credibility, for outlets, named sources and reports without outlet', async () => {
    const { call, passage, db } = await demoDesk();
    const imported = await call<{ reportId: number; status: string }[]>('reports.import', {
      files: NOTES,
    });
    expect(imported.map((r) => r.status)).toEqual(['imported', 'imported']);
    const [notesA, notesB] = imported.map((r) => r.reportId) as [number, number];
    const sources = await call<SourceSummary[]>('sources.list', {});
    for (const s of sources.filter((x) => x.kind === 'outlet'))
      await call('sources.rate', { id: s.id, reliability: 'B', rationale: 'track record' });

    // Reports 2 and 3 are both ASIAPRESS, unattributed: one origin; the best grade given (3) is suggested.
    const oneOutlet = await call<ClaimSummary>('claims.create', { text: 'One outlet twice' });
    for (const [reportId, quote, credibility] of [
      [2, 'the license acquisition cost', 4],
      [3, 'more people are getting driver’s licenses', 3],
    ] as const) {
      const p = await passage(reportId, quote);
      await call('evidence.link', {
        claimId: oneOutlet.id,
        passageId: p.id,
        stance: 'supports',
        credibility,
      });
    }
    // Daily NK and ASIAPRESS, both graded B: corroborated, grade 1.
    const twoOutlets = await call<ClaimSummary>('claims.create', { text: 'Two outlets' });
    for (const [reportId, quote] of [
      [1, REPAIR],
      [2, 'new money-making opportunities'],
    ] as const) {
      const p = await passage(reportId, quote);
      await call('evidence.link', {
        claimId: twoOutlets.id,
        passageId: p.id,
        stance: 'supports',
        credibility: 2,
      });
    }
    // Two reports without outlet: two origins, two outlets, nobody graded: grade 2.
    const noOutlet = await call<ClaimSummary>('claims.create', { text: 'Two notes' });
    for (const [reportId, quote] of [
      [notesA, 'second-hand trucks now sell for twice the spring price'],
      [notesB, 'fuel is rationed to ten litres a week'],
    ] as const) {
      const p = await passage(reportId, quote);
      await call('evidence.link', {
        claimId: noOutlet.id,
        passageId: p.id,
        stance: 'supports',
        credibility: 2,
      });
    }
    const empty = await call<ClaimSummary>('claims.create', { text: 'Nothing yet' });

    const listed = listClaims(db);
    const expected = [
      [
        oneOutlet.id,
        'single-origin',
        3,
        { passages: 2, reports: 2, outlets: 1, supportingOrigins: 1 },
      ],
      [
        twoOutlets.id,
        'corroborated',
        1,
        { passages: 2, reports: 2, outlets: 2, supportingOrigins: 2 },
      ],
      [
        noOutlet.id,
        'corroborated',
        2,
        { passages: 2, reports: 2, outlets: 2, supportingOrigins: 2 },
      ],
      [empty.id, 'no-evidence', 6, { passages: 0, reports: 0, outlets: 0, supportingOrigins: 0 }],
    ];
    for (const claims of [
      listed,
      await Promise.all(listed.map((c) => call<ClaimDetail>('claims.get', { id: c.id }))),
    ]) {
      expect(claims.map((c) => [c.id, c.status, c.suggestedCredibility, c.counts])).toEqual(
        expected.map(([id, status, grade, counts]) => [
          id,
          status,
          grade,
          { ...(counts as object), contradictingOrigins: 0 },
        ]),
      );
    }
    expect(listed.map((c) => [c.tags, c.openWarnings])).toEqual([
      [[], 0],
      [[], 0],
      [[], 0],
      [[], 0],
    ]);
  });
});

describe('origins in the bulk recomputation', () => {
  it('never confuse a report without outlet with a source that has the same number', async () => {
    const { call, passage, db } = await demoDesk(false);
    // Report 1 has no outlet; report 2 is Daily NK's, whose outlet is source 1.
    const [notes, dailyNk] = await call<{ reportId: number }[]>('reports.import', {
      files: [
        NOTES[0],
        upload('dnk.txt', `Daily NK\nPrices rose\n${REPAIR}, a Daily NK source said.\nby DailyNK`),
      ],
    });
    expect([notes?.reportId, dailyNk?.reportId]).toEqual([1, 2]);
    const sources = await call<SourceSummary[]>('sources.list', {});
    expect(sources.map((s) => [s.id, s.name])).toEqual([[1, 'Daily NK']]);
    const claim = await call<ClaimSummary>('claims.create', { text: 'Trucks and repairs' });
    for (const [reportId, quote] of [
      [1, 'second-hand trucks now sell for twice the spring price'],
      [2, REPAIR],
    ] as const) {
      const p = await passage(reportId, quote);
      await call('evidence.link', {
        claimId: claim.id,
        passageId: p.id,
        stance: 'supports',
        credibility: 2,
      });
    }
    const [listed] = listClaims(db);
    expect([listed?.status, listed?.counts]).toEqual([
      'corroborated',
      { passages: 2, reports: 2, outlets: 2, supportingOrigins: 2, contradictingOrigins: 0 },
    ]);
  });
});

describe('shared-origin warnings on the desk', () => {
  it('are open in the list and the claim, with both quotes, until confirmed; undo reopens them', async () => {
    const { call, passage, db } = await demoDesk();
    // A Field Desk briefing that repeats Daily NK's sentence word for word.
    const [copy] = await call<{ reportId: number }[]>('reports.import', {
      files: [
        upload(
          'briefing.md',
          `---\ntitle: Field briefing\noutlet: Field Desk\n---\n\nOur notes from the border say ${REPAIR}, as elsewhere in the province.\n`,
        ),
      ],
    });
    const a = await passage(1, REPAIR);
    const b = await passage(copy?.reportId as number, REPAIR);
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Car repair pays',
      evidence: { passageId: a.id, stance: 'supports', credibility: 2 },
    });
    await call('evidence.link', {
      claimId: claim.id,
      passageId: b.id,
      stance: 'supports',
      credibility: 2,
    });
    // A claim with one origin has no warning to show.
    const lone = await call<ClaimSummary>('claims.create', {
      text: 'Repair is a market',
      evidence: { passageId: a.id, stance: 'supports', credibility: 2 },
    });

    const open = await call<ClaimDetail>('claims.get', { id: claim.id });
    // Not plainly corroborated until the reviewer decides.
    expect(open).toMatchObject({ status: 'corroborated-pending', openWarnings: 1 });
    expect(open.warnings).toEqual([
      {
        passageA: a.id,
        passageB: b.id,
        similarity: 1,
        confirmed: false,
        quoteA: REPAIR,
        quoteB: REPAIR,
        reportA: expect.stringMatching(/^Many more young North Koreans/),
        reportB: 'Field briefing',
      },
    ]);
    const openWarnings = async () => listClaims(db).map((c) => [c.id, c.openWarnings]);
    expect(await openWarnings()).toEqual([
      [claim.id, 1],
      [lone.id, 0],
    ]);

    await call('claims.reviewWarning', {
      claimId: claim.id,
      passageA: b.id,
      passageB: a.id,
      decision: 'confirmed',
    });
    expect(await call<ClaimDetail>('claims.get', { id: claim.id })).toMatchObject({
      status: 'single-origin',
      openWarnings: 0,
      warnings: [expect.objectContaining({ confirmed: true })],
    });
    expect(await openWarnings()).toEqual([
      [claim.id, 0],
      [lone.id, 0],
    ]);
    const history = await call<History>('claims.history', { id: claim.id });
    expect(history[0]).toMatchObject({
      action: 'claim.shared-origin',
      before: { passages: [a.id, b.id], decision: null },
      after: { passages: [a.id, b.id], decision: 'confirmed' },
    });

    await call('session.undo', {});
    expect(await call<ClaimDetail>('claims.get', { id: claim.id })).toMatchObject({
      status: 'corroborated-pending',
      openWarnings: 1,
      warnings: [expect.objectContaining({ confirmed: false })],
    });
  });
});

describe('claim edits', () => {
  it('keep what was not changed, sort tags, and log verdicts apart from other edits', async () => {
    const { call } = await demoDesk();
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Fuel is rationed',
      tags: ['Zeta', 'alpha'],
    });
    expect(claim.tags).toEqual(['alpha', 'zeta']);
    await call('claims.update', {
      id: claim.id,
      verdict: 'verified',
      verdictRationale: 'Two outlets agree',
    });
    await call('claims.update', { id: claim.id, text: 'Fuel is rationed in Musan' });
    await call('claims.update', { id: claim.id, tags: ['beta'] });
    expect(await call<ClaimDetail>('claims.get', { id: claim.id })).toMatchObject({
      text: 'Fuel is rationed in Musan',
      tags: ['beta'],
      verdict: 'verified',
      verdictRationale: 'Two outlets agree',
    });
    await call('claims.update', { id: claim.id, text: 'Fuel is rationed', verdict: 'unresolved' });
    await call('claims.update', { id: claim.id, text: 'Fuel is rationed' });
    const history = await call<History>('claims.history', { id: claim.id });
    expect(history.map((h) => h.action)).toEqual([
      'claim.update',
      'claim.update',
      'claim.update',
      'claim.update',
      'claim.verdict',
      'claim.create',
    ]);
    expect(history[0]).toMatchObject({ before: {}, after: {} });
    expect(history[1]).toMatchObject({
      before: { text: 'Fuel is rationed in Musan', verdict: 'verified' },
      after: { text: 'Fuel is rationed', verdict: 'unresolved' },
    });
    expect(history.at(-1)).toMatchObject({
      after: { text: 'Fuel is rationed', tags: ['Zeta', 'alpha'] },
    });
  });
});

describe('evidence on the desk', () => {
  it('refuses links to what does not exist or is already linked, naming it', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(1, REPAIR);
    const claim = await call<ClaimSummary>('claims.create', {
      text: 'Repair pays',
      evidence: { passageId: p.id, stance: 'supports', credibility: 2 },
    });
    const link = (claimId: number, passageId: number) =>
      call('evidence.link', { claimId, passageId, stance: 'supports', credibility: 2 });
    await expect(link(999, p.id)).rejects.toThrow('not-found: claim 999 does not exist');
    await expect(link(claim.id, 9999)).rejects.toThrow('not-found: passage 9999 does not exist');
    await expect(link(claim.id, p.id)).rejects.toThrow(
      'conflict: this passage is already evidence for this claim',
    );
    await expect(call('evidence.unlink', { id: 9999 })).rejects.toThrow(
      'not-found: evidence 9999 does not exist',
    );
    await expect(call('claims.get', { id: 999 })).rejects.toThrow(
      'not-found: claim 999 does not exist',
    );
    await expect(call('claims.history', { id: 999 })).rejects.toThrow(
      'not-found: claim 999 does not exist',
    );
    await expect(
      call('claims.reviewWarning', {
        claimId: 999,
        passageA: p.id,
        passageB: p.id + 1,
        decision: 'dismissed',
      }),
    ).rejects.toThrow('not-found: claim 999 does not exist');
  });

  it('changes stance, grade and note, logs and undoes the change, and lists the claims a passage serves', async () => {
    const { call, passage } = await demoDesk();
    const p = await passage(1, REPAIR);
    const claim = await call<ClaimSummary>('claims.create', { text: 'Repair pays' });
    const linked = await call<Evidence>('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 2,
      note: 'first reading',
    });
    const changed = await call<Evidence>('evidence.update', {
      id: linked.id,
      stance: 'contradicts',
      credibility: 5,
      note: 'second reading',
    });
    expect(changed).toMatchObject({
      stance: 'contradicts',
      credibility: 5,
      note: 'second reading',
    });
    expect(await call('claims.forPassage', { passageId: p.id })).toEqual([
      {
        evidenceId: linked.id,
        claimId: claim.id,
        text: 'Repair pays',
        stance: 'contradicts',
        credibility: 5,
        status: 'contradicted',
      },
    ]);
    const history = await call<History>('claims.history', { id: claim.id });
    expect(history.slice(0, 2)).toMatchObject([
      {
        action: 'evidence.update',
        before: { evidence: linked.id, stance: 'supports', credibility: 2, note: 'first reading' },
        after: {
          evidence: linked.id,
          stance: 'contradicts',
          credibility: 5,
          note: 'second reading',
        },
      },
      {
        action: 'evidence.link',
        after: {
          evidence: linked.id,
          passage: p.id,
          quote: REPAIR,
          stance: 'supports',
          credibility: 2,
        },
      },
    ]);
    // Only the note changes: stance and grade stay.
    await call('evidence.update', { id: linked.id, note: 'third reading' });
    expect(
      (await call<ClaimDetail>('claims.get', { id: claim.id })).contradicting[0]?.evidence,
    ).toEqual([
      expect.objectContaining({ stance: 'contradicts', credibility: 5, note: 'third reading' }),
    ]);
    await call('session.undo', {});
    await call('session.undo', {});
    expect(
      (await call<ClaimDetail>('claims.get', { id: claim.id })).supporting[0]?.evidence,
    ).toEqual([
      expect.objectContaining({ stance: 'supports', credibility: 2, note: 'first reading' }),
    ]);

    await call('evidence.unlink', { id: linked.id });
    expect((await call<History>('claims.history', { id: claim.id }))[0]).toMatchObject({
      action: 'evidence.unlink',
      before: {
        evidence: linked.id,
        passage: p.id,
        quote: REPAIR,
        stance: 'supports',
        credibility: 2,
      },
    });
  });
});

describe('deleting and merging claims', () => {
  it('undo of a deletion brings the claim back under its own number, with its shared-origin decision', async () => {
    const { call, passage } = await demoDesk();
    const a = await passage(1, REPAIR);
    const b = await passage(2, 'new money-making opportunities');
    const first = await call<ClaimSummary>('claims.create', {
      text: 'Cars make money',
      tags: ['cars'],
      evidence: { passageId: a.id, stance: 'supports', credibility: 2 },
    });
    await call('evidence.link', {
      claimId: first.id,
      passageId: b.id,
      stance: 'supports',
      credibility: 2,
    });
    await call('claims.reviewWarning', {
      claimId: first.id,
      passageA: a.id,
      passageB: b.id,
      decision: 'confirmed',
    });
    const second = await call<ClaimSummary>('claims.create', { text: 'Another claim' });
    await call('claims.delete', { id: first.id });
    await call('session.undo', {});
    expect(await call<ClaimDetail>('claims.get', { id: first.id })).toMatchObject({
      id: first.id,
      text: 'Cars make money',
      tags: ['cars'],
      status: 'single-origin',
      counts: { passages: 2, supportingOrigins: 1 },
    });
    const history = await call<History>('claims.history', { id: first.id });
    expect(history.find((h) => h.action === 'claim.delete')).toMatchObject({
      before: { text: 'Cars make money', tags: ['cars'], verdict: null, evidence: 2 },
    });

    await call('claims.merge', { keepId: second.id, mergeId: first.id });
    expect((await call<History>('claims.history', { id: second.id }))[0]).toMatchObject({
      action: 'claim.merge',
      before: { merged: { id: first.id, text: 'Cars make money', evidence: 2 } },
      after: { passages: 2 },
    });
  });
});
