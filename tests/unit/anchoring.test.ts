import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../electron/core/import/normalise.ts';
import { anchorPassage, describePassage, fuzzyFind } from '../../shared/anchoring.ts';
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
