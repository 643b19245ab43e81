// Shared wording between compared reports (issue 11, item 3): 001 and 002 on the seeds share the
// "3-5 people" sentence in other words; the pair names the words each side has alone, and every
// pair lies between two of the reports asked about, never inside one.
import { describe, expect, it } from 'vitest';
import type { WordingPair } from '../../shared/api.ts';
import { deskWeights, reportReader } from '../../electron/core/compare/corpus.ts';
import { similarity, SCORE } from '../../electron/core/compare/measure.ts';
import { demoDesk } from './desk.ts';

const SENTENCE_001 =
  'The reporting partner said that "it\'s becoming popular for individuals to pool money and have 3-5 people buy one car together and share it when each person needs it."';
const SENTENCE_002 = '“Groups of 3-5 people pool money to buy a car and share it as needed.';

async function seeds() {
  const desk = await demoDesk();
  const idOf = (file: string): number =>
    desk.db
      .prepare(`SELECT id FROM reports WHERE original_name LIKE ? || '%'`)
      .pluck()
      .get(file) as number;
  return { ...desk, r000: idOf('000_'), r001: idOf('001_'), r002: idOf('002_') };
}

describe('shared wording of compared reports', () => {
  it('pairs 001’s and 002’s 3-5 people sentences, with the words only each has', async () => {
    const { call, r001, r002 } = await seeds();
    const pairs = await call<WordingPair[]>('compare.sharedWording', { reportIds: [r001, r002] });
    const pair = pairs.find((p) => p.sides[0].text === SENTENCE_001);
    expect(pair?.sides[1]).toMatchObject({ reportId: r002, text: SENTENCE_002, only: ['Groups'] });
    expect(pair?.sides[0].reportId).toBe(r001);
    expect(pair?.sides[0].only).toEqual(
      expect.arrayContaining(['reporting', 'partner', 'popular', 'together', 'person']),
    );
    expect(pair?.score).toBeGreaterThanOrEqual(0.5);
    for (const p of pairs) {
      expect(p.sides[0].reportId).toBe(r001);
      expect(p.sides[1].reportId).toBe(r002);
    }
  });

  it('with three reports, each pair of them is looked at, best first', async () => {
    const { call, r000, r001, r002 } = await seeds();
    const pairs = await call<WordingPair[]>('compare.sharedWording', {
      reportIds: [r000, r001, r002],
    });
    const between = new Set(pairs.map((p) => `${p.sides[0].reportId}-${p.sides[1].reportId}`));
    expect(between).toContain(`${r001}-${r002}`);
    for (const p of pairs) expect(p.sides[0].reportId).not.toBe(p.sides[1].reportId);
    const scores = pairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds every pair that scoring every sentence against every other finds', async () => {
    const { call, db, r000, r001, r002 } = await seeds();
    const ids = [r000, r001, r002];
    const pairs = await call<WordingPair[]>('compare.sharedWording', {
      reportIds: ids,
      limit: 1000,
    });
    const read = reportReader(db);
    const weights = deskWeights(db);
    const brute: string[] = [];
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1))
        for (const x of read(a)?.sentences ?? [])
          for (const y of read(b)?.sentences ?? [])
            if (
              x.profile.keys.size >= 3 &&
              y.profile.keys.size >= 3 &&
              similarity(x.profile, y.profile, weights) >= SCORE.similar
            )
              brute.push(`${a}:${x.start}-${b}:${y.start}`);
    });
    const found = pairs.map(
      (p) =>
        `${p.sides[0].reportId}:${p.sides[0].start}-${p.sides[1].reportId}:${p.sides[1].start}`,
    );
    expect(brute.length).toBeGreaterThan(2);
    expect(found.sort()).toEqual(brute.sort());
  });

  it('refuses one report, or a report named twice', async () => {
    const { service, r001 } = await seeds();
    for (const reportIds of [[r001], [r001, r001]]) {
      const result = await service.call('compare.sharedWording', { reportIds });
      expect(result.ok).toBe(false);
    }
  });
});
