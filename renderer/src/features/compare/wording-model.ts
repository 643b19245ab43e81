// Shared wording in the compare view (issue 11, item 3): where each column's nearly matching
// sentences stand, and, inside each, the words the other sentence lacks. Pure, for the tests.
import type { WordingPair } from '../../../../shared/api.ts';

export interface Span {
  start: number;
  end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the given words stand in `text` (offsets into it), matched whole (not inside a longer
 * word or number) and regardless of case: the measure names each differing word by its first
 * spelling, so every use of it is marked. A word may be several ("1.2 million", "3 to 5"): the
 * longest that stands at a place is marked there.
 */
export function wordRanges(text: string, words: readonly string[]): Span[] {
  const wanted = [...new Set(words.filter((w) => w.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{M}\\p{N}])(?:${wanted.map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}])`,
    'giu',
  );
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** A sentence of one column that nearly matches one in another column. */
export interface WordingMark extends Span {
  /** The pairs it belongs to (indexes into the pairs), best first. */
  pairs: number[];
  /** Where its words the other sentence lacks stand, as offsets into the report's text. */
  differ: Span[];
}

/** The column's sentences that have a near match in another column, in reading order. */
export function wordingMarks(pairs: readonly WordingPair[], reportId: number): WordingMark[] {
  const bySpan = new Map<string, WordingMark>();
  pairs.forEach((pair, index) => {
    for (const side of pair.sides) {
      if (side.reportId !== reportId) continue;
      const key = `${side.start}:${side.end}`;
      let mark = bySpan.get(key);
      if (!mark) {
        mark = { start: side.start, end: side.end, pairs: [], differ: [] };
        bySpan.set(key, mark);
      }
      mark.pairs.push(index);
      // Marked where this side differs from any of its matches, each word once.
      for (const r of wordRanges(side.text, side.only)) {
        const at = { start: side.start + r.start, end: side.start + r.end };
        if (!mark.differ.some((d) => d.start === at.start)) mark.differ.push(at);
      }
    }
  });
  return [...bySpan.values()].sort((a, b) => a.start - b.start);
}
