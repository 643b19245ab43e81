// Harder paraphrases in North Korea market reporting: numbers written differently ("6,000" and
// "six thousand", "3-5" and "three to five"), synonyms ("kilo" and "kilogram", "traders" and
// "merchants") and clauses reordered, scored as saying the same thing, with the stance hint still
// right about prices that differ. And the scan that picks the sentences worth scoring
// (mayReachSpans) never drops one that reaches the threshold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FLAT,
  mayReachSpans,
  profile,
  similarity,
  stanceHint,
  SCORE,
  tokens,
  type Profile,
  type Weights,
} from '../../electron/core/compare/measure.ts';
import { porterStem } from '../../electron/core/compare/porter.ts';
import { sentences } from '../../electron/core/compare/sentences.ts';
import { SEEDS, SEED_FILES } from './helpers.ts';

const numberKeys = (text: string): string[] =>
  tokens(text)
    .filter((t) => t.kind === 'number')
    .map((t) => t.key);

const compared = (a: string, b: string) => {
  const [pa, pb] = [profile(a), profile(b)];
  const score = similarity(pa, pb, FLAT);
  return { score, hint: stanceHint(pa, pb, score, FLAT).hint };
};

describe('numbers however they are written', () => {
  it('reads thousands separators, words and scales as the same number', () => {
    expect(numberKeys('1,200 or 1200 or twelve hundred or one thousand two hundred')).toEqual([
      '1200',
      '1200',
      '1200',
      '1200',
    ]);
    expect(numberKeys('6,000 won, six thousand won, 6 thousand won')).toEqual([
      '6000',
      '6000',
      '6000',
    ]);
    expect(numberKeys('1.2 million people, 1,200,000 people')).toEqual(['1200000', '1200000']);
    expect(numberKeys('twenty-five, two hundred and fifty, a hundred')).toEqual([
      '25',
      '250',
      '100',
    ]);
  });

  it('reads a range however it is written, and leaves "one car" alone', () => {
    expect(
      numberKeys('3-5 people, 3–5 people, 3 to 5 people, three to five people, between 3 and 5'),
    ).toEqual(['3-5', '3-5', '3-5', '3-5', '3-5']);
    expect(numberKeys('3,000-5,000 yuan, three thousand to five thousand yuan')).toEqual([
      '3000-5000',
      '3000-5000',
    ]);
    expect(numberKeys('they buy one car together')).toEqual([]);
  });
});

describe('paraphrases of market reporting', () => {
  it('scores the same price in other words, order and spelling as supporting', () => {
    for (const [a, b] of [
      [
        'Traders in Hyesan said rice sold for 6,000 won per kilogram.',
        'A kilo of rice fetched six thousand won at Hyesan market, merchants reported.',
      ],
      [
        'Individuals pool money and have 3-5 people buy one car together.',
        'Groups of three to five people pool their money to buy a vehicle.',
      ],
      [
        'Smugglers paid border guards 1,200 yuan per crossing in Musan.',
        'In Musan, each crossing cost smugglers 1200 yuan paid to the border guards.',
      ],
      [
        'After the crackdown in Sinuiju, corn prices rose to 2,500 won per kilogram.',
        'Corn climbed to 2500 won a kilo in Sinuiju following the crackdown, vendors said.',
      ],
      [
        'Some 1.2 million people were mobilised for the rice-planting battle.',
        'The rice-planting campaign mobilised 1,200,000 people.',
      ],
    ] as const)
      expect({ a, ...compared(a, b) }).toEqual({
        a,
        score: expect.toSatisfy((s: number) => s >= SCORE.supports),
        hint: 'supports',
      });
  });

  it('hints contradicts when the same goods get another price, however it is written', () => {
    expect(
      compared(
        'Traders in Hyesan said rice sold for 6,000 won per kilogram.',
        'In Hyesan a kilo of rice now sells for eight thousand won, a merchant said.',
      ).hint,
    ).toBe('contradicts');
    expect(
      compared(
        'A licence to run a service car costs 300 to 500 yuan a year.',
        'The annual licence for a service car is twelve hundred yuan.',
      ).hint,
    ).toBe('contradicts');
    expect(
      compared(
        'A licence to run a service car costs three to five hundred yuan a year.',
        'The annual licence for a service car is 400 yuan.',
      ).hint,
    ).toBe('supports');
  });

  it('still tells an unrelated market sentence apart', () => {
    expect(
      compared(
        'Traders in Hyesan said rice sold for 6,000 won per kilogram.',
        'Pyongyang authorities banned the sale of mobile phones in markets.',
      ).score,
    ).toBeLessThan(SCORE.suggest);
  });
});

describe('the scan for sentences worth scoring (mayReachSpans)', () => {
  const texts = SEED_FILES.map((name) => readFileSync(join(SEEDS, name), 'utf8'));

  it('keeps every sentence that reaches the threshold: every pair of seed sentences', () => {
    const weights: Weights = { word: (stem) => 1 + (stem.length % 5), number: 6 };
    const all = texts.flatMap((text) =>
      sentences(text).map((s) => profile(text.slice(s.start, s.end))),
    );
    let kept = 0;
    let checked = 0;
    for (const want of all.filter((p) => p.keys.size >= 3))
      for (const text of texts) {
        const spans = sentences(text);
        for (const min of [SCORE.suggest, SCORE.similar]) {
          const may = mayReachSpans(text, spans, [want], weights, min);
          spans.forEach((s, i) => {
            checked++;
            if (may[i]) kept++;
            else
              expect(similarity(want, profile(text.slice(s.start, s.end)), weights)).toBeLessThan(
                min,
              );
          });
        }
      }
    // It does leave most sentences out, or it would save nothing.
    expect(kept).toBeLessThan(checked / 4);
  });

  it('keeps a sentence that reaches the threshold only through a shared word pair, or a number', () => {
    const want = profile('Hyesan rice traders smuggled copper wire, batteries, radios and pork.');
    const text = 'Hyesan rice traders. Nothing of it here. Pork at 6,000 won.';
    const spans = sentences(text);
    const [first, , third] = spans.map((s) => profile(text.slice(s.start, s.end))) as [
      Profile,
      Profile,
      Profile,
    ];
    expect(similarity(want, first, FLAT)).toBeGreaterThanOrEqual(SCORE.similar);
    expect(mayReachSpans(text, spans, [want], FLAT, SCORE.similar)).toEqual([true, false, false]);
    const priced = profile('Pork sold for 6,000 won in Hyesan.');
    expect(similarity(priced, third, FLAT)).toBeGreaterThanOrEqual(SCORE.similar);
    expect(mayReachSpans(text, spans, [priced], FLAT, SCORE.similar)[2]).toBe(true);
  });

  it('counts digits only when they may be the number looked for (a date line is left out)', () => {
    const price = profile('Pork sold for 2,500 won per kilogram in Chongjin.');
    const text = 'November 5, 2023 at 11:30AM\nIt went for 2.5 thousand, they said.\nAt 25 won.';
    const may = mayReachSpans(text, sentences(text), [price], FLAT, SCORE.suggest);
    expect(may).toEqual([false, true, true]);
  });

  it('finds a word by its stem however the stem ends (happi, hope, possibl)', () => {
    const words = [
      ...new Set(
        texts
          .join(' ')
          .match(/[A-Za-z]+/g)
          ?.filter((w) => w.length > 2),
      ),
      ...'happy hoping hopping stability possibility possible ability valency operator conformably digitizer sensitivity radically sensibility relational generalizations agreed troubled cries ponies conflated sized filing probate rate controllable roll kilos kg merchants fetched'.split(
        ' ',
      ),
    ];
    const missed = words.filter((word) => {
      const want = profile(word);
      if (want.keys.size === 0) return false; // a stop word or a number
      const text = `Here ${word} is.`;
      return !mayReachSpans(text, sentences(text), [want], FLAT, SCORE.suggest)[0];
    });
    expect(missed).toEqual([]);
    // The words' stems do end otherwise than the words begin.
    expect(['happy', 'hoping', 'possibility'].map(porterStem)).toEqual([
      'happi',
      'hope',
      'possibl',
    ]);
  });
});
