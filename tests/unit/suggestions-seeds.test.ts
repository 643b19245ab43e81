// Suggestions on the demo case (issue 11, items 4): 001's "pool money and have 3-5 people buy one
// car together" and 002's "Groups of 3-5 people pool money to buy a car" are offered for each
// other's claim; a rejected one stays rejected, on a new service over the same file too; an
// accepted one is a working evidence link, undone in one step; similar() finds the shared sentence.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, SimilarSentence, Suggestion } from '../../shared/api.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { demoDesk } from './desk.ts';

const SENTENCE_001 =
  'The reporting partner said that "it\'s becoming popular for individuals to pool money and have 3-5 people buy one car together and share it when each person needs it."';
const SENTENCE_002 = '“Groups of 3-5 people pool money to buy a car and share it as needed.';

async function seeds() {
  const desk = await demoDesk();
  const idOf = (file: string): number => {
    const found = desk.db
      .prepare(`SELECT id FROM reports WHERE original_name LIKE ? || '%'`)
      .pluck()
      .get(file) as number | undefined;
    if (found === undefined) throw new Error(`no seed ${file}`);
    return found;
  };
  /** A claim in the passage's words, with the passage as its supporting evidence. */
  const claimFrom = async (reportId: number, quote: string, text: string) => {
    const p = await desk.passage(reportId, quote);
    const claim = await desk.call<{ id: number }>('claims.create', { text });
    await desk.call('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 3,
    });
    return claim.id;
  };
  return { ...desk, r000: idOf('000_'), r001: idOf('001_'), r002: idOf('002_'), claimFrom };
}

const texts = (list: Suggestion[]): string[] => list.map((s) => s.text);

describe('suggestions on the seeds', () => {
  it('offers 002’s 3-5 people sentence for a claim made from 001’s, in the top three, and back', async () => {
    const { call, r001, r002, claimFrom } = await seeds();
    const from001 = await claimFrom(
      r001,
      'pool money and have 3-5 people buy one car together',
      'Groups of 3-5 people buy a car together',
    );
    const for001 = await call<Suggestion[]>('compare.suggest', { claimId: from001 });
    expect(texts(for001.slice(0, 3))).toContain(SENTENCE_002);
    const hit = for001.find((s) => s.text === SENTENCE_002) as Suggestion;
    expect(hit).toMatchObject({ reportId: r002, outlet: 'ASIAPRESS', stanceHint: 'supports' });
    expect(hit.reason).toMatch(/3-5/);
    // Its own sentence is evidence already: not offered again.
    expect(for001.some((s) => s.reportId === r001 && s.text === SENTENCE_001)).toBe(false);

    const from002 = await claimFrom(
      r002,
      'Groups of 3-5 people pool money to buy a car and share it as needed.',
      'People pool money to share cars',
    );
    const for002 = await call<Suggestion[]>('compare.suggest', { claimId: from002 });
    expect(texts(for002.slice(0, 3))).toContain(SENTENCE_001);
  });

  it('offers the same for a passage, and never the passage’s own sentence', async () => {
    const { call, passage, r001 } = await seeds();
    const p = await passage(r001, 'pool money and have 3-5 people buy one car together');
    const list = await call<Suggestion[]>('compare.suggest', { passageId: p.id, limit: 3 });
    expect(texts(list)).toContain(SENTENCE_002);
    expect(texts(list)).not.toContain(SENTENCE_001);
  });

  it('a rejected suggestion is not offered again, on a new service over the same file too; undo brings it back', async () => {
    const { call, file, db, r001, claimFrom } = await seeds();
    const claimId = await claimFrom(
      r001,
      'pool money and have 3-5 people buy one car together',
      'Groups of 3-5 people buy a car together',
    );
    const hit = (await call<Suggestion[]>('compare.suggest', { claimId })).find(
      (s) => s.text === SENTENCE_002,
    ) as Suggestion;
    await call('compare.reject', {
      claimId,
      reportId: hit.reportId,
      start: hit.start,
      end: hit.end,
    });
    expect(texts(await call<Suggestion[]>('compare.suggest', { claimId }))).not.toContain(
      SENTENCE_002,
    );

    const { db: again } = openDesk(file);
    const fresh = createDeskService({ db: again, path: file });
    const reloaded = await fresh.call('compare.suggest', { claimId });
    expect(reloaded.ok && texts(reloaded.value as Suggestion[])).not.toContain(SENTENCE_002);
    again.close();

    expect((await call<{ undone: string }>('session.undo', {})).undone).toBe(
      'rejection of a suggestion',
    );
    expect(texts(await call<Suggestion[]>('compare.suggest', { claimId }))).toContain(SENTENCE_002);
    expect(db.prepare('SELECT count(*) FROM rejected_suggestions').pluck().get()).toBe(0);
  });

  it('accepting makes a passage and a working evidence link, undone in one step', async () => {
    const { call, r001, r002, claimFrom } = await seeds();
    const claimId = await claimFrom(
      r001,
      'pool money and have 3-5 people buy one car together',
      'Groups of 3-5 people buy a car together',
    );
    const hit = (await call<Suggestion[]>('compare.suggest', { claimId })).find(
      (s) => s.text === SENTENCE_002,
    ) as Suggestion;
    const accepted = await call<{ passage: { id: number; stances: string[] } }>('compare.accept', {
      claimId,
      reportId: hit.reportId,
      start: hit.start,
      end: hit.end,
      stance: 'supports',
      credibility: 3,
    });
    expect(accepted.passage.stances).toEqual(['supports']);
    const claim = await call<ClaimDetail>('claims.get', { id: claimId });
    const quotes = claim.supporting.flatMap((g) => g.evidence.map((e) => [e.reportId, e.exact]));
    expect(quotes).toContainEqual([r002, SENTENCE_002]);
    // Now evidence: no longer suggested.
    expect(texts(await call<Suggestion[]>('compare.suggest', { claimId }))).not.toContain(
      SENTENCE_002,
    );

    expect((await call<{ undone: string }>('session.undo', {})).undone).toBe(
      'suggestion accepted as evidence',
    );
    const after = await call<ClaimDetail>('claims.get', { id: claimId });
    expect(after.supporting.flatMap((g) => g.evidence)).toHaveLength(1);
    expect((await call<{ id: number }[]>('passages.list', { reportId: r002 })).length).toBe(0);
  });

  it('similar() of 002 lists 001’s 3-5 people sentence, with the words that differ', async () => {
    const { call, r001, r002 } = await seeds();
    const list = await call<SimilarSentence[]>('compare.similar', { reportId: r002 });
    const pair = list.find((s) => s.text === SENTENCE_002 && s.other.text === SENTENCE_001);
    expect(pair).toBeDefined();
    expect(pair?.other.reportId).toBe(r001);
    expect(pair?.onlyHere).toEqual(['Groups']);
    expect(pair?.onlyThere).toEqual(
      expect.arrayContaining(['reporting', 'partner', 'popular', 'together', 'person']),
    );
    expect(list.every((s) => s.other.reportId !== r002)).toBe(true);
  });

  it('refuses a suggestion asked for both a claim and a passage, or for neither', async () => {
    const { service } = await seeds();
    for (const input of [{ claimId: 1, passageId: 1 }, {}]) {
      const result = await service.call('compare.suggest', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/either a claim .* or a passage/);
    }
  });
});
