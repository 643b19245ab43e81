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
