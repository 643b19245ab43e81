import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../electron/core/import/normalise.ts';
import {
  anchorPassage,
  describePassage,
  fuzzyFind,
  selectorSplitsCharacter,
  splitsSurrogatePair,
} from '../../shared/anchoring.ts';
import { SEEDS } from './helpers.ts';

const seed = normaliseText(readFileSync(join(SEEDS, '001_3161affea73c84aa.txt'), 'utf8'));
const passageOf = (text: string, quote: string) => {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return describePassage(text, start, start + quote.length);
};

const groupBuying = 'it’s becoming popular for individuals to pool money';
const licence =
  'the license acquisition cost (including bribes), which was previously 300-500 yuan, has risen to 1,200 yuan';

describe('describePassage', () => {
  it('keeps the quote and 32 characters of context each side', () => {
    const p = passageOf(seed, licence);
    expect(p.exact).toBe(licence);
    expect(p.prefix).toHaveLength(32);
    expect(p.suffix).toHaveLength(32);
    expect(seed.slice(p.start - 32, p.end + 32)).toBe(p.prefix + p.exact + p.suffix);
  });
});

describe('anchorPassage on real edits of seed 001', () => {
  it('keeps the position when the text is unchanged there', () => {
    const p = passageOf(seed, licence);
    expect(anchorPassage(seed, p)).toEqual({ start: p.start, end: p.end, method: 'position' });
  });

  it('follows the quote after an insertion before the passage', () => {
    const p = passageOf(seed, licence);
    const edited = `Editor’s note: this report was updated on 3 December.\n${seed}`;
    const a = anchorPassage(edited, p);
    expect(a?.method).toBe('quote');
    expect(edited.slice(a?.start, a?.end)).toBe(licence);
  });

  it('places an edited passage by fuzzy match, covering the edited words', () => {
    const p = passageOf(seed, licence);
    const edited = seed.replace('which was previously 300-500 yuan', 'previously 300 to 500 yuan');
    const a = anchorPassage(edited, p);
    expect(a?.method).toBe('fuzzy');
    expect(edited.slice(a?.start, a?.end)).toBe(
      'the license acquisition cost (including bribes), previously 300 to 500 yuan, has risen to 1,200 yuan',
    );
  });

  it('chooses the copy whose context matches when the sentence is duplicated elsewhere', () => {
    const quote = 'Diesel cars with good power and manual transmission vehicles are preferred.';
    const p = passageOf(seed, quote);
    // The sentence now also appears in a new summary at the top, and the original moved.
    const edited = `Summary: ${quote}\n${seed.replace('Reporting partner B', 'Our reporting partner B')}`;
    const a = anchorPassage(edited, p);
    expect(a?.method).toBe('quote');
    expect(a?.start).toBe(edited.lastIndexOf(quote));
  });

  it('orphans a passage whose words are gone', () => {
    const p = passageOf(seed, groupBuying.replace('’', "'"));
    const edited = seed.replace(/The first method is 'group purchasing\.'.*\n/, '');
    expect(anchorPassage(edited, p)).toBeNull();
  });
});

describe('fuzzyFind', () => {
  it('finds the closest substring within the error budget, nearest the target among equals', () => {
    const text = 'aaa the cat sat bbb the cat sat ccc';
    expect(fuzzyFind(text, 'the cot sat', 2, 0, text.length, 0)).toEqual({
      start: 4,
      end: 15,
      errors: 1,
    });
    expect(fuzzyFind(text, 'the cot sat', 2, 0, text.length, 20)).toEqual({
      start: 20,
      end: 31,
      errors: 1,
    });
    expect(fuzzyFind(text, 'completely different', 3, 0, text.length, 0)).toBeNull();
  });

  it('handles patterns longer than one 32-bit block', () => {
    const pattern = 'Groups of 3-5 people pool money to buy a car and share it as needed.';
    const text = `prefix text. Groups of 3 to 5 people pool their money to buy a car and share it as needed. suffix`;
    const found = fuzzyFind(text, pattern, 17, 0, text.length, 0);
    expect(text.slice(found?.start, found?.end)).toBe(
      'Groups of 3 to 5 people pool their money to buy a car and share it as needed.',
    );
    expect(found?.errors).toBe(10); // "3-5" → "3 to 5" is 4 edits, " their" 6 more
  });
});

/** A selector written by hand: what a passage looked like, with its old context. */
const selector = (start: number, exact: string, prefix = '', suffix = '') => ({
  start,
  end: start + exact.length,
  exact,
  prefix,
  suffix,
});

describe('anchorPassage: exact quotes', () => {
  it('an empty quote is never placed', () => {
    expect(anchorPassage('some text', selector(3, ''))).toBeNull();
  });

  it('keeps the position only when the stored offsets span the quote', () => {
    // A selector whose end disagrees with its quote is placed by the quote instead.
    expect(anchorPassage('say hello there', { ...selector(4, 'hello'), end: 6 })).toEqual({
      start: 4,
      end: 9,
      method: 'quote',
    });
  });

  it('finds the quote at the very start of the text, even with no context left', () => {
    expect(
      anchorPassage('hello world', selector(20, 'hello', 'gone before ', ' gone after')),
    ).toEqual({ start: 0, end: 5, method: 'quote' });
  });

  it('among copies with equally good context, takes the one nearest the old position', () => {
    const text = `${'-'.repeat(10)}QUOTE${'-'.repeat(85)}QUOTE${'-'.repeat(10)}`;
    expect(anchorPassage(text, selector(12, 'QUOTE'))?.start).toBe(10);
    expect(anchorPassage(text, selector(95, 'QUOTE'))?.start).toBe(100);
  });

  it('weighs context character by character, on both sides, up to its full length', () => {
    const s = selector(0, 'QUOTE', 'abcdefgh', 'ijklmnop');
    // Near the old position: 7 characters of suffix agree. Far: all 8 of the prefix.
    const near = `${'.'.repeat(20)}xQUOTEijklmnox`;
    const far = `abcdefghQUOTE.`;
    expect(anchorPassage(`${near}${'.'.repeat(50)}${far}`, s)?.start).toBe(near.length + 50 + 8);
    // Near: 5 of the prefix and 3 of the suffix (8). Far: all 8 of the suffix (8): a tie, the nearer wins.
    const near2 = `${'.'.repeat(20)}defghQUOTEijk.`;
    const far2 = `.QUOTEijklmnop`;
    expect(anchorPassage(`${near2}${'.'.repeat(50)}${far2}`, s)?.start).toBe(25);
    // Far: 6 of the prefix and 3 of the suffix (9) beats near: 8.
    const far3 = `cdefghQUOTEijk.`;
    expect(anchorPassage(`${near2}${'.'.repeat(50)}${far3}`, s)?.start).toBe(near2.length + 50 + 6);
  });

  it('looks at no more than 10,000 copies of a very common quote', () => {
    // Every copy has the same (empty) context; the nearest of the first 10,000 is the last of them.
    const text = 'ab.'.repeat(10_005);
    expect(anchorPassage(text, selector(3 * 10_004 + 1, 'ab', 'zz', 'zz'))?.start).toBe(3 * 9_999);
  });
});

// A passage of 62 characters (up to 15 edits allowed), its old context, and ways to edit it.
const exact = 'the license acquisition cost has risen to 1,200 yuan this year';
const edit = (s: string, n: number): string => {
  // n substitutions, spread out, each changing one letter.
  let out = s;
  for (let k = 0; k < n; k++) {
    const at = 4 + k * 7;
    out = out.slice(0, at) + '#' + out.slice(at + 1);
  }
  return out;
};
const filler = (n: number, seed: string): string =>
  Array.from({ length: n }, (_, i) => `${seed}${i} `)
    .join('')
    .slice(0, n);
const prefix = 'Border officials said last week: ';
const suffix = ' according to two traders there.';

describe('anchorPassage: approximate matches', () => {
  it('a quote of fewer than four characters is placed exactly or not at all', () => {
    expect(anchorPassage('the cat sat', selector(4, 'cot', 'the ', ' sat'))).toBeNull();
  });

  it('is guided by the old context to a passage far from its old position', () => {
    // Near the old position, a look-alike with fewer edits but none of the context; far away,
    // the passage itself, more edited, between its old prefix and suffix.
    const before = filler(3000, 'a');
    const decoy = edit(exact, 1);
    const middle = filler(3000, 'b');
    const real = edit(exact, 3);
    const text = `${before}${decoy}${middle}${prefix}${real}${suffix}${filler(500, 'c')}`;
    const s = selector(3000, exact, prefix, suffix);
    const a = anchorPassage(text, s);
    expect(a?.method).toBe('fuzzy');
    expect(text.slice(a?.start, a?.end)).toBe(real);
    // With only the prefix still standing, or only the suffix, just the same.
    const prefixOnly = text.replace(suffix, ' said nobody at all, it seems.');
    expect(prefixOnly.slice(...range(anchorPassage(prefixOnly, s)))).toBe(real);
    const suffixOnly = text.replace(prefix, 'Nobody here said anything, ever: ');
    expect(suffixOnly.slice(...range(anchorPassage(suffixOnly, s)))).toBe(real);
  });

  it('of the places the context points to, takes the best match, then the nearest', () => {
    const worse = edit(exact, 3);
    const better = edit(exact, 2);
    const gap = filler(3000, 'g');
    const s = selector(0, exact, prefix, suffix);
    // The worse match is nearer the old position; the better one wins.
    const text = `${prefix}${worse}${suffix}${gap}${prefix}${better}${suffix}`;
    expect(text.slice(...range(anchorPassage(text, s)))).toBe(better);
    // Two equally good matches: the one nearer the old position, though it comes later.
    const twice = `${prefix}${better}${suffix}${gap}${prefix}${better}${suffix}`;
    const far = selector(twice.length, exact, prefix, suffix);
    expect(anchorPassage(twice, far)?.start).toBe(twice.lastIndexOf(better));
    // A place where the context stands but the passage is gone does not hide a good one.
    const gone = `${prefix}${better}${suffix}${gap}${prefix}${filler(80, 'z')}`;
    expect(anchorPassage(gone, far)?.start).toBe(prefix.length);
  });

  it('uses a context of exactly eight characters', () => {
    const shortPrefix = 'Traders:';
    const text = `${filler(3000, 'a')}${edit(exact, 1)}${filler(3000, 'b')}${shortPrefix}${edit(exact, 2)}.`;
    const s = selector(3000, exact, shortPrefix, '');
    expect(text.slice(...range(anchorPassage(text, s)))).toBe(edit(exact, 2));
  });

  it('without context, looks near the old position scaled to the new length', () => {
    // Three equally edited copies; the text doubled in length, so the passage at 800 of 1,000
    // characters is looked for near 1,600.
    const copy = edit(exact, 2);
    const text = `${filler(800, 'a')}${copy}${filler(740, 'b')}${copy}${filler(240, 'c')}${copy}${filler(40, 'd')}`;
    const s = selector(800, exact, 'no such prefix here', 'no such suffix here');
    expect(anchorPassage(text, s, 1000)?.start).toBe(800 + copy.length + 740);
    expect(anchorPassage(text, s)?.start).toBe(800);
  });

  it('a passage at either end of the text, its first or last character gone, stays inside the text', () => {
    const text = `${exact.slice(1)} and more words after it.`;
    expect(anchorPassage(text, selector(0, exact, '', ' and more'))).toEqual({
      start: 0,
      end: exact.length - 1,
      method: 'fuzzy',
    });
    const tail = `Words before it: ${exact.slice(0, -1)}`;
    expect(anchorPassage(tail, selector(17, exact, 'Words before it: ', ''))).toEqual({
      start: 17,
      end: tail.length,
      method: 'fuzzy',
    });
  });
});

const range = (a: { start: number; end: number } | null): [number, number] => [
  a?.start ?? -1,
  a?.end ?? -1,
];

describe('fuzzyFind, at the edges', () => {
  it('between two equal matches, takes the nearer one; the earlier on a tie', () => {
    const text = 'aaa the cat sat bbb the cat sat ccc';
    expect(fuzzyFind(text, 'the cot sat', 2, 0, text.length, 10)?.start).toBe(4);
    expect(fuzzyFind(text, 'the cot sat', 2, 0, text.length, 12)?.start).toBe(4);
    expect(fuzzyFind(text, 'the cot sat', 2, 0, text.length, 13)?.start).toBe(20);
  });

  it('looks only inside [from, to)', () => {
    const text = 'abcdefgh';
    expect(fuzzyFind(text, 'defgh', 0, 0, 7, 0)).toBeNull();
    expect(fuzzyFind(text, 'defgh', 0, 0, 8, 0)).toEqual({ start: 3, end: 8, errors: 0 });
    expect(fuzzyFind(text, 'abcde', 0, 1, 8, 0)).toBeNull();
    expect(fuzzyFind('xxxxabcdefxxxxxxxx', 'abcdef', 0, 2, 8, 0)).toBeNull();
  });

  it('of the starts as good as the best, takes the one whose length is nearest the pattern’s', () => {
    // "uick brown fox" is one deletion away; " uick brown fox" one substitution, and as long.
    const text = 'xx uick brown fox';
    expect(fuzzyFind(text, 'quick brown fox', 3, 0, text.length, 0)).toEqual({
      start: 2,
      end: text.length,
      errors: 1,
    });
  });
});

describe('surrogate pairs', () => {
  it('splitsSurrogatePair: only between a high and a low surrogate, at the edges of their ranges', () => {
    const between = (pair: string): boolean => splitsSurrogatePair(pair, 1);
    expect(['\uD800\uDC00', '\uDBFF\uDFFF', '\uD83D\uDE97'].map(between)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [
        'a\uDC00',
        '\uDC00\uDC00',
        '\uD7FF\uDC00',
        '\uDC00\uD800',
        '\uD800a',
        '\uD800\uE000',
        '\uD800\uDBFF',
      ].map(between),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('selectorSplitsCharacter looks at the end of the suffix too', () => {
    const text = 'xy\uD83D\uDE97z';
    expect(
      selectorSplitsCharacter(text, {
        start: 0,
        end: 1,
        exact: 'x',
        prefix: '',
        suffix: 'y\uD83D',
      }),
    ).toBe(true);
    expect(
      selectorSplitsCharacter(text, {
        start: 0,
        end: 1,
        exact: 'x',
        prefix: '',
        suffix: 'y\uD83D\uDE97',
      }),
    ).toBe(false);
  });
});

describe('anchorPassage: context, further', () => {
  it('counts a prefix that reaches back to the very start of the text', () => {
    // The copy at the start has all 8 characters of its prefix; the nearer one 7 of its suffix.
    const s = selector(60, 'QUOTE', 'abcdefgh', 'ijklmnop');
    const text = `abcdefghQUOTE${'.'.repeat(40)}QUOTEijklmno.`;
    expect(anchorPassage(text, s)?.start).toBe(8);
  });

  it('a suffix alone can decide', () => {
    // Near: 3 characters of prefix. Far: 5 of suffix.
    const s = selector(0, 'QUOTE', 'abcdefgh', 'ijklmnop');
    const text = `fghQUOTE.${'.'.repeat(40)}QUOTEijklm.`;
    expect(anchorPassage(text, s)?.start).toBe(49);
  });

  it('a better context wins over nearness whichever comes first in the text', () => {
    const s = selector(60, 'QUOTE', 'abcdefgh', 'ijklmnop');
    const text = `.abcdefghQUOTE${'.'.repeat(40)}QUOTE.`;
    expect(anchorPassage(text, s)?.start).toBe(9);
  });

  it('two copies as near and as well placed: the first', () => {
    const text = `${'.'.repeat(10)}QUOTE${'.'.repeat(15)}QUOTE..`;
    expect(anchorPassage(text, selector(20, 'QUOTE', 'zz', 'zz'))?.start).toBe(10);
  });

  it('places a quote found only at offset 1, or only after a look-alike of its suffix', () => {
    expect(anchorPassage('xab', selector(5, 'ab'))).toEqual({ start: 1, end: 3, method: 'quote' });
    expect(anchorPassage('aXYZ and then ab.', selector(9, 'ab', '', 'XYZ'))).toEqual({
      start: 14,
      end: 16,
      method: 'quote',
    });
  });
});

describe('anchorPassage: where it looks for an approximate match', () => {
  const inserted = exact.replace('has risen', 'has, they say, risen'); // 11 characters inserted

  it('around the old context, allowing for words inserted into the passage', () => {
    // Far from the old position, the passage with words inserted; near it, a close look-alike.
    const text = `${filler(3000, 'a')}${edit(exact, 1)}${filler(3000, 'b')}${prefix}${inserted}${suffix}${filler(200, 'c')}`;
    const s = selector(3000, exact, prefix, suffix);
    const prefixOnly = text.replace(suffix, ' said nobody at all, it seems.');
    expect(prefixOnly.slice(...range(anchorPassage(prefixOnly, s)))).toBe(inserted);
    const suffixOnly = text.replace(prefix, 'Nobody here said anything, ever: ');
    expect(suffixOnly.slice(...range(anchorPassage(suffixOnly, s)))).toBe(inserted);
  });

  it('of three equally good places the context points to, the one nearest the old position', () => {
    const copy = edit(exact, 2);
    const part = `${prefix}${copy}${suffix}${filler(2000, 'g')}`;
    const text = part.repeat(3);
    const s = selector(part.length + prefix.length, exact, prefix, suffix);
    expect(anchorPassage(text, s)?.start).toBe(part.length + prefix.length);
  });

  it('without context: near the old position (m·2 + 1,024 before, m·3 + 1,024 after) before the whole text', () => {
    // A worse copy just inside the window around the old position wins over a better one far away.
    const worse = edit(exact, 3);
    const better = edit(exact, 1);
    const none = selector(2000, exact, 'no such prefix here', 'no such suffix here');
    const after = `${filler(2000 + 1100, 'a')}${worse}${filler(4000, 'b')}${better}.`;
    expect(anchorPassage(after, none)?.start).toBe(3100);
    const before = `${filler(2000 - 1100, 'a')}${worse}${filler(5000, 'b')}${better}.`;
    expect(anchorPassage(before, none)?.start).toBe(900);
    // Outside that window, the better copy anywhere in the text.
    const outside = `${filler(2000 + 1300, 'a')}${worse}${filler(4000, 'b')}${better}.`;
    expect(anchorPassage(outside, none)?.start).toBe(outside.length - 1 - better.length);
  });
});

describe('fuzzyFind: where a match starts', () => {
  it('prefers the start that gives the pattern’s own length, even when a longer match is as good', () => {
    // "Xbcdefgh" is one substitution away, as is "aXbcdefgh" (one insertion): the first is as long as the pattern.
    expect(fuzzyFind('aXbcdefgh', 'abcdefgh', 2, 0, 9, 0)).toEqual({ start: 1, end: 9, errors: 1 });
    // "bbca" (one deletion) and "babbca" (one insertion) are one character off either way: the shorter.
    expect(fuzzyFind('bcbabbca', 'babca', 1, 0, 8, 0)).toEqual({ start: 4, end: 8, errors: 1 });
  });
});
