// The compare view's shared-wording marks: the differing words are found whole, in any case, at
// their offsets in the report; a sentence matched in two columns is one mark with both pairs.
import { describe, expect, it } from 'vitest';
import type { WordingPair } from '../../shared/api.ts';
import { wordingMarks, wordRanges } from '../../renderer/src/features/compare/wording-model.ts';

const side = (reportId: number, start: number, text: string, only: string[]) => ({
  reportId,
  start,
  end: start + text.length,
  text,
  only,
});

describe('shared wording marks', () => {
  it('finds each differing word whole, whatever its case, and not inside other words', () => {
    const text = 'Groups of 3-5 people pool money; groups buy a car (regroups aside).';
    const ranges = wordRanges(text, ['groups', '3-5']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Groups', '3-5', 'groups']);
  });

  it('marks a difference written in several words, and a number not inside a longer one', () => {
    const text = 'The licence fee rose to 1.2 million won, from 11.2 million.';
    const ranges = wordRanges(text, ['1.2 million']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['1.2 million']);
    expect(ranges[0]?.start).toBe(text.indexOf('1.2'));
  });

  it('places marks at the report’s offsets, one per sentence however many pairs it is in', () => {
    const a = 'Rice sold for 6,000 won in Hyesan.';
    const pairs: WordingPair[] = [
      { score: 0.9, sides: [side(1, 100, a, ['Hyesan']), side(2, 7, 'x', [])] },
      { score: 0.6, sides: [side(3, 0, 'y', []), side(1, 100, a, ['6,000', 'Hyesan'])] },
    ];
    const marks = wordingMarks(pairs, 1);
    expect(marks).toHaveLength(1);
    expect(marks[0]?.pairs).toEqual([0, 1]);
    const words = marks[0]?.differ.map((d) => a.slice(d.start - 100, d.end - 100)).sort();
    expect(words).toEqual(['6,000', 'Hyesan']);
    expect(wordingMarks(pairs, 2)).toEqual([{ start: 7, end: 8, pairs: [0], differ: [] }]);
  });
});
