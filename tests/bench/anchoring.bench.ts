// npm run bench: re-anchors 1,000 passages onto an edited text with shared/anchoring.ts and, on the
// same cases in the same run, with approx-string-match (the library Hypothesis builds on), and
// compares time and the number of passages each places exactly where the edit moved them.
import search from 'approx-string-match';
import { performance } from 'node:perf_hooks';
import { anchorPassage, describePassage, type TextSelector } from '../../shared/anchoring.ts';
import { proseText, seededRandom } from './corpus.ts';
import { compare, verdict } from './harness.ts';

const PASSAGES = 1000;
const random = seededRandom(42);
const original = proseText(200_000, random);

// Non-overlapping passages at word boundaries, 30–200 characters, in order.
const passages: TextSelector[] = [];
const slot = Math.floor(original.length / PASSAGES);
for (let i = 0; i < PASSAGES; i++) {
  let start = i * slot + 20 + random(Math.max(1, slot - 260));
  while (start > 0 && original[start - 1] !== ' ') start++;
  let end = Math.min(start + 30 + random(170), (i + 1) * slot - 10);
  while (end < original.length && original[end] !== ' ') end--;
  if (end - start >= 20) passages.push(describePassage(original, start, end));
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edits: Edit[] = [];
const expected = new Map<TextSelector, 'orphan' | 'kept'>();
const filler = (n: number): string => ` inserted words number ${n} go here.`;
for (const [i, p] of passages.entries()) {
  const kind = random(100);
  // Text before the passage grows (every passage shifts).
  edits.push({ at: p.start - 1, remove: 0, insert: filler(i) });
  if (kind < 30) {
    // A word replaced in the middle of the passage.
    const middle = p.start + Math.floor((p.end - p.start) / 2);
    let from = middle;
    while (from > p.start + 6 && original[from - 1] !== ' ') from--;
    let to = from;
    while (to < p.end - 6 && original[to] !== ' ') to++;
    if (to > from && from > p.start + 5 && to < p.end - 5)
      edits.push({ at: from, remove: to - from, insert: 'REVISED' });
    expected.set(p, 'kept');
  } else if (kind < 35) {
    edits.push({ at: p.start, remove: p.end - p.start, insert: '' });
    expected.set(p, 'orphan');
  } else if (kind < 40) {
    // Its words also appear elsewhere now: a copy some thirty passages before it, between passages.
    const earlier = passages[Math.max(0, i - 30)] as TextSelector;
    edits.push({ at: earlier.start - 1, remove: 0, insert: ` ${p.exact} ` });
    expected.set(p, 'kept');
  } else expected.set(p, 'kept');
}
edits.sort((a, b) => a.at - b.at || a.remove - b.remove);

let edited = '';
let cursor = 0;
const shifts: { at: number; delta: number }[] = [];
for (const e of edits) {
  if (e.at < cursor) continue; // overlapping edit (rare): skip it
  edited += original.slice(cursor, e.at) + e.insert;
  cursor = e.at + e.remove;
  shifts.push({ at: e.at + e.remove, delta: e.insert.length - e.remove });
}
edited += original.slice(cursor);
/** Where an old offset lands: every edit that ends at or before it moves it by its size change. */
const mapped = (offset: number): number =>
  offset + shifts.filter((e) => e.at <= offset).reduce((sum, e) => sum + e.delta, 0);
const truth = passages.map((p) =>
  expected.get(p) === 'orphan' ? null : { start: mapped(p.start), end: mapped(p.end) },
);

function viaApproxStringMatch(p: TextSelector): { start: number; end: number } | null {
  const matches = search(edited, p.exact, Math.floor(p.exact.length / 4));
  if (matches.length === 0) return null;
  let best = matches[0] as { start: number; end: number; errors: number };
  for (const m of matches) {
    if (
      m.errors < best.errors ||
      (m.errors === best.errors && Math.abs(m.start - p.start) < Math.abs(best.start - p.start))
    )
      best = m;
  }
  return { start: best.start, end: best.end };
}

/** Places every passage; counts those placed exactly, misplaced and orphaned. */
function place(name: string, anchor: (p: TextSelector) => { start: number; end: number } | null) {
  const startedAt = performance.now();
  const placed = passages.map(anchor);
  const ms = performance.now() - startedAt;
  let correct = 0;
  let wrong = 0;
  let orphaned = 0;
  placed.forEach((got, i) => {
    const want = truth[i];
    if (got === null) orphaned++;
    else if (want && got.start === want.start && got.end === want.end) correct++;
    else wrong++;
  });
  return { name, ms, correct, wrong, orphaned };
}

console.log(
  `text: ${(original.length / 1000).toFixed(0)} k characters → ${(edited.length / 1000).toFixed(0)} k after ${shifts.length} edits; ${passages.length} passages`,
);
const viaDesk = (p: TextSelector) => anchorPassage(edited, p, original.length);
// Placement is deterministic: accuracy from one pass each, time from the harness's rounds.
const wantOrphans = truth.filter((t) => t === null).length;
const accuracy = [
  place('approx-string-match', viaApproxStringMatch),
  place('shared/anchoring.ts', viaDesk),
];
for (const a of accuracy)
  console.log(
    `  ${a.name.padEnd(22)} placed correctly ${a.correct}/${passages.length - wantOrphans}, misplaced ${a.wrong}, orphaned ${a.orphaned} (expected ${wantOrphans})`,
  );
const [baseline, desk] = accuracy as [ReturnType<typeof place>, ReturnType<typeof place>];
await compare({
  title: `re-anchoring ${passages.length} passages`,
  baseline: {
    name: 'approx-string-match (best of its matches)',
    run: () => place('', viaApproxStringMatch).ms,
  },
  subject: { name: 'shared/anchoring.ts', run: () => place('', viaDesk).ms },
  // The accuracy passes above were the warm-up.
  warmup: 0,
  target: { kind: 'speed', atLeast: 3 },
});
verdict(
  're-anchoring accuracy',
  `correct ${desk.correct} vs ${baseline.correct}, misplaced ${desk.wrong} vs ${baseline.wrong} (target: ≥ correct, ≤ misplaced)`,
  desk.correct >= baseline.correct && desk.wrong <= baseline.wrong,
);
