// Context is weighed by edit distance, not by the run of characters that agree exactly: a typo
// next to a passage must not make its surroundings count for nothing.
import { describe, expect, it } from 'vitest';
import { anchorPassage, describePassage } from '../../shared/anchoring.ts';

const quote = 'prices at the market will rise by ten percent next month';
const before = 'At the morning briefing, the minister said: ';
const after = '\nThe next paragraph begins with other news from the border.';
const original = `Opening lines of the report.\n${before}${quote}${after}`;
const stored = describePassage(
  original,
  original.indexOf(quote),
  original.indexOf(quote) + quote.length,
);

describe('anchorPassage: fuzzy context', () => {
  it('a typo in the last word before the passage still picks the right one of two identical quotes', () => {
    // Nearer the old position, a re-quote whose context agrees for its last nine characters
    // exactly ("er said: "); the passage itself has "siad" for "said", and a new paragraph after it.
    const decoy = `Another speaker said: ${quote}. He wrote more about it later.\n`;
    const right = `At the morning briefing, the minister siad: ${quote}\nA new paragraph was inserted here.`;
    const edited = `Opening lines.\n${decoy}${'Filler sentence here. '.repeat(20)}\n${right}`;
    const a = anchorPassage(edited, stored);
    expect(a?.method).toBe('quote');
    expect(a?.start).toBe(edited.lastIndexOf(quote));
  });

  it('a typo in the first word after the passage counts as much', () => {
    const decoy = `Opening lines.\n${quote}\nThe next story from elsewhere.`;
    const right = `Some other words: ${quote}\nThe nxet paragraph begins with other news from the border.`;
    const edited = `${decoy}${' Filler sentence here.'.repeat(20)}\n${right}`;
    expect(anchorPassage(edited, stored)?.start).toBe(edited.lastIndexOf(quote));
  });

  it('context that agrees in full still beats context with one typo', () => {
    const typo = `At the morning briefing, the minister siad: ${quote}${after}`;
    const exactly = `${before}${quote}${after}`;
    const edited = `${typo}\n${'Filler. '.repeat(30)}\n${exactly}`;
    expect(anchorPassage(edited, stored)?.start).toBe(edited.lastIndexOf(quote));
  });
});

describe('anchorPassage: between its old prefix and suffix', () => {
  const exact = 'the license acquisition cost has risen to 1,200 yuan this year';
  const prefix = 'Border officials said last week: ';
  const suffix = ' according to two traders there.';
  const s = { start: 3000, end: 3000 + exact.length, exact, prefix, suffix };
  const filler = (n: number): string => 'Unrelated words fill the page. '.repeat(n);

  it('places a passage edited beyond a quarter of its length over all of it, clause included', () => {
    // 21 characters inserted into 62: more than the 15 edits allowed elsewhere, within the 31
    // allowed where both sides of the old context vouch for the place.
    const edited = exact.replace('has risen', 'has, the traders said, risen');
    const text = `${filler(50)}${prefix}${edited}${suffix}${filler(50)}`;
    const a = anchorPassage(text, s);
    expect(a?.method).toBe('fuzzy');
    expect(text.slice(a?.start, a?.end)).toBe(edited);
  });

  it('orphans a passage cut out from between them, though a look-alike stands elsewhere', () => {
    // The sentence was deleted: its prefix and suffix now meet. A similar sentence (three words
    // changed) far away is another sentence, not this passage moved.
    const lookAlike = exact
      .replace('license', 'licence')
      .replace('1,200', '1,500')
      .replace('this', 'last');
    const text = `${filler(20)}${lookAlike}. ${filler(80)}${prefix.trimEnd()}${suffix}${filler(50)}`;
    expect(anchorPassage(text, s)).toBeNull();
  });
});
