// The suggestion measure on hand-written sentences: sentence cuts (abbreviations, quotes, numbers,
// astral characters), the stems being the index's own, paraphrase scored above unrelated text,
// and the stance hint on planted contradictions.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  differingWords,
  FLAT,
  mayReach,
  profile,
  similarity,
  stanceHint,
  SCORE,
} from '../../electron/core/compare/measure.ts';
import { porterStem } from '../../electron/core/compare/porter.ts';
import { sentences } from '../../electron/core/compare/sentences.ts';
import { splitsSurrogatePair } from '../../shared/anchoring.ts';
import { SEEDS, SEED_FILES } from './helpers.ts';

const cut = (text: string): string[] => sentences(text).map((s) => text.slice(s.start, s.end));

const hint = (a: string, b: string) => {
  const [pa, pb] = [profile(a), profile(b)];
  return stanceHint(pa, pb, similarity(pa, pb, FLAT)).hint;
};

describe('sentences', () => {
  it('does not end a sentence at an abbreviation, an initial, a decimal point or a lower-case word', () => {
    expect(
      cut(
        'Mr. Kim met J. Lee in the U.S. on Jan. 5. It cost 8,000 won, or 3.5 times more. Prices rose approx. five times.',
      ),
    ).toEqual([
      'Mr. Kim met J. Lee in the U.S. on Jan. 5.',
      'It cost 8,000 won, or 3.5 times more.',
      'Prices rose approx. five times.',
    ]);
  });

  it('keeps closing quotes with their sentence, and a quote’s "he said" with it', () => {
    expect(
      cut(
        `The first method is 'group purchasing.' The partner said "it's popular." "Yes!" he said.`,
      ),
    ).toEqual([
      "The first method is 'group purchasing.'",
      `The partner said "it's popular."`,
      '"Yes!" he said.',
    ]);
  });

  it('ends one at a line break, leaves out blank lines and spaces, and keeps 3-5 whole', () => {
    const text = '  Groups of 3-5 people pool money\n\n“Groups of 3–5 share it.”  \n';
    expect(cut(text)).toEqual(['Groups of 3-5 people pool money', '“Groups of 3–5 share it.”']);
  });

  it('never cuts inside a surrogate pair', () => {
    const text = 'A car 🚗. Another 🚙! 𝒜 third? 😀\n😀 end';
    for (const s of sentences(text)) {
      expect(splitsSurrogatePair(text, s.start)).toBe(false);
      expect(splitsSurrogatePair(text, s.end)).toBe(false);
    }
    expect(cut(text)).toEqual(['A car 🚗.', 'Another 🚙!', '𝒜 third?', '😀 end']);
  });
});

describe('the measure', () => {
  it('stems as the report index does (FTS5 porter), so the desk’s document frequencies apply', () => {
    const words =
      'purchasing individuals vehicles smuggling needed generalizations relational conditional ' +
      'happy sized hopping hoping filing falling agreed troubled ownership oversupply deteriorate installments';
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, row);`);
    db.prepare('INSERT INTO t (x) VALUES (?)').run(words);
    const fts = db.prepare('SELECT term FROM v ORDER BY term').pluck().all();
    expect(words.split(' ').map(porterStem).sort()).toEqual(fts);
  });

  it('scores a paraphrase that shares facts but few word trigrams well above unrelated text', () => {
    const a = profile('individuals pool money and have 3-5 people buy one car together');
    const b = profile('Groups of 3-5 people pool money to buy a car and share it as needed.');
    const c = profile('The state monopolizes imports and resells vehicles to institutions.');
    expect(similarity(a, b, FLAT)).toBeGreaterThan(SCORE.supports);
    expect(similarity(a, c, FLAT)).toBeLessThan(SCORE.suggest);
    expect(similarity(a, a, FLAT)).toBe(1);
  });

  it('reads 8,000 as a number, and a rare word or a number weighs more than a common one', () => {
    expect([...profile('It cost 8,000 won, 300–500 yuan.').keys.keys()]).toEqual([
      'cost',
      '8000',
      'won',
      '300-500',
      'yuan',
    ]);
    const weights = { word: (stem: string) => (stem === 'car' ? 0.1 : 1), number: 3 };
    const a = profile('people bought cars in 2025');
    const sharesNumber = profile('people sold houses in 2025');
    const sharesCommon = profile('tourists bought cars in June');
    expect(similarity(a, sharesNumber, weights)).toBeGreaterThan(
      similarity(a, sharesCommon, weights),
    );
  });

  it('hints contradicts for the same word counted with numbers that cannot both hold', () => {
    expect(hint('The licence fee of 300–500 yuan', 'The licence fee of 1,200 yuan')).toBe(
      'contradicts',
    );
    expect(hint('The licence fee of 300–500 yuan', 'The licence fee of 400 yuan')).toBe('supports');
    expect(hint('Groups of 3-5 people pool money', 'groups of 3 to 5 people pool money')).toBe(
      'supports',
    );
  });

  it('hints contradicts when one side denies what the other says', () => {
    expect(hint('no cars were sold', 'cars were sold')).toBe('contradicts');
    expect(hint('Cars weren’t sold in Hyesan', 'Cars were sold in Hyesan')).toBe('contradicts');
    expect(hint('no cars were sold', 'no cars were sold')).toBe('supports');
  });

  it('gives no hint when too little is shared', () => {
    expect(hint('no cars were sold in Hyesan', 'prices of rice rose in Pyongyang markets')).toBe(
      null,
    );
  });

  it('lists the words each side has that the other lacks, as written', () => {
    expect(
      differingWords(
        profile('Groups of 3-5 people pool money'),
        profile('3-5 individuals pool their money'),
      ),
    ).toEqual({ here: ['Groups', 'people'], there: ['individuals'] });
  });

  it('dismisses (mayReach) only pairs that cannot reach the threshold: every seed sentence pair', () => {
    const profiles = SEED_FILES.flatMap((name) => {
      const text = readFileSync(join(SEEDS, name), 'utf8');
      return sentences(text).map((s) => profile(text.slice(s.start, s.end)));
    });
    const weights = { word: (stem: string) => 1 + (stem.length % 5), number: 6 };
    let dismissed = 0;
    for (const a of profiles)
      for (const b of profiles)
        for (const min of [SCORE.suggest, SCORE.similar]) {
          if (mayReach(a, b, weights, min)) continue;
          dismissed++;
          expect(similarity(a, b, weights)).toBeLessThan(min);
        }
    // It does dismiss most pairs, or it would save nothing.
    expect(dismissed).toBeGreaterThan(profiles.length ** 2);
  });
});
