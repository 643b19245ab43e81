import type { Passage } from '../../../../shared/api.ts';

/** How the reader colours a passage: by the stance it is evidence with. */
export const MARKS = ['supports', 'contradicts', 'context', 'mixed', 'unlinked'] as const;
export type Mark = (typeof MARKS)[number];

export const MARK_LABEL: Record<Mark, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
  mixed: 'Mixed stances',
  unlinked: 'Not yet evidence',
};

/** One stance, its colour; several (evidence for one claim, against another), "mixed". */
export function markOf(passage: Pick<Passage, 'stances'>): Mark {
  const [only, ...more] = passage.stances;
  if (only === undefined) return 'unlinked';
  return more.length > 0 ? 'mixed' : only;
}

/** The spans covered by two passages or more, in text order: a sweep over their ends. */
export function overlaps(passages: readonly Pick<Passage, 'start' | 'end'>[]): [number, number][] {
  const edges: [number, number][] = [];
  for (const p of passages) edges.push([p.start, 1], [p.end, -1]);
  // At one offset, ends before starts: passages that only touch do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const spans: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (const [at, step] of edges) {
    if (depth >= 2 && at > from) {
      const last = spans.at(-1);
      if (last && last[1] === from) last[1] = at;
      else spans.push([from, at]);
    }
    depth += step;
    from = at;
  }
  return spans;
}
