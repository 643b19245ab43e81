// npm run bench anchoring: re-anchors passages onto edited texts with shared/anchoring.ts and, on the
// same cases in the same run, with Hypothesis's own strategy (its client's anchoring: the position
// selector when the quote is still there; else exact occurrences of the quote, or failing those
// approx-string-match's best matches within half the quote's length, each scored quote 50,
// prefix 20, suffix 20, position 2). Counts passages placed exactly where the edit moved them,
// misplaced and orphaned, and times both.
//
// Cases: a generated report of 200 k characters under realistic edits (typos in the words next to
// a passage, words replaced inside it, sentences inserted before, after and inside it, the passage
// quoted again elsewhere, paragraphs moved, passages deleted), and real revision pairs of licence
// texts from Debian's base-files (/usr/share/common-licenses: LGPL-2 → LGPL-2.1, GFDL-1.2 → 1.3),
// every sentence of the old version a passage, placed where a word-level diff says it went.
import search from 'approx-string-match';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { anchorPassage, describePassage, type TextSelector } from '../../shared/anchoring.ts';
import { proseText, seededRandom } from './corpus.ts';
import { compare, verdict } from './harness.ts';

interface Span {
  start: number;
  end: number;
}
interface Case {
  name: string;
  oldLength: number;
  text: string;
  passages: TextSelector[];
  /** Where each passage belongs in `text`; null when it is gone (it should be orphaned). */
  truth: (Span | null)[];
}

// ---------------------------------------------------------------------------------------------
// Hypothesis's strategy, written from its client (src/annotator/anchoring/html.ts, types.ts and
// match-quote.ts): the peer the desk must beat.

interface Candidate extends Span {
  errors: number;
}

/** Every exact occurrence; only when there is none, approx-string-match's best matches. */
function hypothesisSearch(text: string, quote: string, maxErrors: number): Candidate[] {
  const exact: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1))
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  return exact.length > 0 ? exact : search(text, quote, maxErrors);
}

/** 1 − edit distance ÷ length of `context`'s best match inside `around` (0 when either is empty). */
function similarity(around: string, context: string): number {
  if (context.length === 0 || around.length === 0) return 0;
  const [best] = hypothesisSearch(around, context, context.length);
  return best ? 1 - best.errors / context.length : 0;
}

function viaHypothesis({ text }: Case, selector: TextSelector): Span | null {
  const { start, end, exact, prefix, suffix } = selector;
  // The TextPositionSelector first, kept when the text there is still the quote.
  if (text.slice(start, end) === exact) return { start, end };
  if (exact.length === 0) return null;
  const candidates = hypothesisSearch(text, exact, Math.min(256, exact.length / 2));
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score =
      50 * (1 - c.errors / exact.length) +
      20 *
        (prefix
          ? similarity(text.slice(Math.max(0, c.start - prefix.length), c.start), prefix)
          : 1) +
      20 * (suffix ? similarity(text.slice(c.end, c.end + suffix.length), suffix) : 1) +
      2 * (1 - Math.abs(c.start - start) / text.length);
    if (score > bestScore) {
      bestScore = score;
      best = { start: c.start, end: c.end };
    }
  }
  return best;
}

const viaDesk = (c: Case, p: TextSelector): Span | null => anchorPassage(c.text, p, c.oldLength);

// ---------------------------------------------------------------------------------------------
// The edited text as pieces: stretches of the original (which tell where its offsets went) and
// new text.

type Piece = { from: number; to: number } | { insert: string };

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Joins the pieces; each passage's truth is where its first and last characters went. */
function assemble(name: string, original: string, pieces: Piece[], passages: TextSelector[]): Case {
  let text = '';
  const kept: { from: number; to: number; at: number }[] = [];
  for (const piece of pieces) {
    if ('insert' in piece) text += piece.insert;
    else {
      kept.push({ from: piece.from, to: piece.to, at: text.length });
      text += original.slice(piece.from, piece.to);
    }
  }
  const where = (offset: number, isEnd: boolean): number | null => {
    const k = kept.find((s) =>
      isEnd ? s.from < offset && offset <= s.to : s.from <= offset && offset < s.to,
    );
    return k ? k.at + offset - k.from : null;
  };
  const truth = passages.map((p) => {
    const start = where(p.start, false);
    const end = where(p.end, true);
    return start !== null && end !== null && end > start ? { start, end } : null;
  });
  return { name, oldLength: original.length, text, passages, truth };
}

/** A typo in a word: two letters swapped, or one dropped. */
function typo(word: string, random: (n: number) => number): string {
  const i = 1 + random(Math.max(1, word.length - 2));
  return random(2) === 0
    ? word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

/** The word of `text` that ends at `end` (after skipping punctuation and spaces before it). */
function wordBefore(text: string, end: number): Span | null {
  let e = end;
  while (e > 0 && !/\p{L}/u.test(text[e - 1] as string)) e--;
  let s = e;
  while (s > 0 && /\p{L}/u.test(text[s - 1] as string)) s--;
  return e - s >= 3 ? { start: s, end: e } : null;
}
function wordAfter(text: string, start: number): Span | null {
  let s = start;
  while (s < text.length && !/\p{L}/u.test(text[s] as string)) s++;
  let e = s;
  while (e < text.length && /\p{L}/u.test(text[e] as string)) e++;
  return e - s >= 3 ? { start: s, end: e } : null;
}

function generatedCase(): Case {
  const random = seededRandom(42);
  const original = proseText(200_000, random);
  const newSentence = (): string => proseText(1, random);

  // Paragraphs, and passages inside them: word boundaries, 20–200 characters, about 800.
  const paragraphs: Span[] = [];
  for (let at = 0; at < original.length;) {
    const nl = original.indexOf('\n', at);
    const end = nl === -1 ? original.length : nl;
    paragraphs.push({ start: at, end });
    at = end + 1;
  }
  const passages: TextSelector[] = [];
  for (const para of paragraphs) {
    // Four or so passages in each paragraph of ~1,000 characters, none overlapping.
    for (let at = para.start; ;) {
      let start = at + 40 + random(120);
      while (start < para.end && original[start - 1] !== ' ') start++;
      let end = start + 20 + random(180);
      while (end < para.end && original[end] !== ' ' && original[end] !== '.') end++;
      if (end + 40 >= para.end) break;
      if (original[end] === '.') end++;
      passages.push(describePassage(original, start, end));
      at = end;
    }
  }

  const edits: Edit[] = [];
  const typoIn = (w: Span | null): void => {
    if (w)
      edits.push({
        at: w.start,
        remove: w.end - w.start,
        insert: typo(original.slice(w.start, w.end), random),
      });
  };
  /** Paragraphs (by index) that gain a re-quote at their end. */
  const requotes = new Map<number, string[]>();
  const paragraphOf = (offset: number): number =>
    paragraphs.findIndex((p) => p.start <= offset && offset <= p.end);
  for (const p of passages) {
    const kind = random(100);
    if (kind < 12) typoIn(wordBefore(original, p.start));
    else if (kind < 20) typoIn(wordAfter(original, p.end));
    else if (kind < 26) {
      typoIn(wordBefore(original, p.start));
      typoIn(wordAfter(original, p.end));
    } else if (kind < 38) {
      // One word inside replaced by another, as a copy editor does.
      const w = wordAfter(original, p.start + Math.floor((p.end - p.start) / 2));
      if (w && w.start > p.start + 3 && w.end < p.end - 3)
        edits.push({ at: w.start, remove: w.end - w.start, insert: 'revised' });
    } else if (kind < 43) {
      // Deleted, with the space before it.
      edits.push({ at: p.start - 1, remove: p.end - p.start + 1, insert: '' });
    } else if (kind < 50) edits.push({ at: p.start, remove: 0, insert: `${newSentence()} ` });
    else if (kind < 55) edits.push({ at: p.end, remove: 0, insert: ` ${newSentence()}` });
    else if (kind < 59) {
      // A clause inserted between two words inside the passage.
      const w = wordAfter(original, p.start + Math.floor((p.end - p.start) / 2));
      if (w && w.end < p.end - 3)
        edits.push({ at: w.end, remove: 0, insert: ', the source said,' });
    } else if (kind < 70) {
      // Quoted again at the end of a paragraph nearby (before or after), sometimes with a typo
      // in the word before the original.
      const home = paragraphOf(p.start);
      const there = Math.max(0, Math.min(paragraphs.length - 1, home + random(5) - 2));
      const list = requotes.get(there) ?? [];
      list.push(` As one source put it, ${p.exact}`);
      requotes.set(there, list);
      if (kind < 64) typoIn(wordBefore(original, p.start));
    }
  }
  edits.sort((a, b) => a.at - b.at || a.remove - b.remove);

  // Each paragraph's pieces, its edits applied (an edit overlapping the previous one is skipped).
  const paragraphPieces = paragraphs.map((para, i): Piece[] => {
    const pieces: Piece[] = [];
    let cursor = para.start;
    for (const e of edits) {
      if (e.at < para.start || e.at >= para.end || e.at < cursor) continue;
      if (e.at + e.remove > para.end) continue;
      if (e.at > cursor) pieces.push({ from: cursor, to: e.at });
      if (e.insert) pieces.push({ insert: e.insert });
      cursor = e.at + e.remove;
    }
    if (para.end > cursor) pieces.push({ from: cursor, to: para.end });
    for (const q of requotes.get(i) ?? []) pieces.push({ insert: q });
    return pieces;
  });
  // Paragraph moves: one in twenty-five goes elsewhere; a new paragraph every twenty.
  const order = paragraphs.map((_, i) => i);
  for (let k = 0; k < paragraphs.length / 25; k++) {
    const [moved] = order.splice(random(order.length), 1);
    order.splice(random(order.length + 1), 0, moved as number);
  }
  const pieces: Piece[] = [];
  order.forEach((i, n) => {
    if (n > 0) pieces.push({ insert: '\n' });
    if (n % 20 === 19) pieces.push({ insert: `${newSentence()} ${newSentence()}\n` });
    pieces.push(...(paragraphPieces[i] as Piece[]));
  });
  return assemble('generated report, realistic edits', original, pieces, passages);
}

// ---------------------------------------------------------------------------------------------
// Real revisions: where a word-level diff (Myers' O(ND) algorithm) sends each character.

/** Words, single punctuation marks and runs of white space. */
const tokens = (text: string): string[] => text.match(/\s+|\w+|[^\s\w]/gu) ?? [];

/** For each token of `a`, the index of the token of `b` it is kept as (−1 when removed). */
function diff(a: string[], b: string[]): Int32Array {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[max + k - 1] as number) < (v[max + k + 1] as number))
          ? (v[max + k + 1] as number)
          : (v[max + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const kept = new Int32Array(n).fill(-1);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const prev = trace[d] as Int32Array;
    const k = x - y;
    const down =
      k === -d || (k !== d && (prev[max + k - 1] as number) < (prev[max + k + 1] as number));
    const pk = down ? k + 1 : k - 1;
    const px = d === 0 ? 0 : (prev[max + pk] as number);
    const py = px - pk;
    while (x > px && y > py && x > 0 && y > 0) {
      x--;
      y--;
      kept[x] = y;
    }
    if (d > 0) {
      x = px;
      y = py;
    }
  }
  return kept;
}

interface RevisionCounts {
  kept: number;
  gone: number;
  unclear: number;
}

/**
 * Every sentence of the old version (20–300 characters) is a passage. It belongs where the diff
 * sends its first and last characters when both are kept and at least three quarters of its
 * characters are; it is gone when less than a quarter are; otherwise the edit is too heavy to say
 * where it belongs, and it is left out of the count.
 */
function revisionCase(oldPath: string, newPath: string): { c: Case; counts: RevisionCounts } {
  const before = readFileSync(oldPath, 'utf8');
  const after = readFileSync(newPath, 'utf8');
  const a = tokens(before);
  const b = tokens(after);
  const kept = diff(a, b);
  // Per character of the old text: its offset in the new one, or −1.
  const map = new Int32Array(before.length).fill(-1);
  const bAt = new Int32Array(b.length + 1);
  for (let j = 0; j < b.length; j++) bAt[j + 1] = (bAt[j] as number) + (b[j] as string).length;
  for (let i = 0, at = 0; i < a.length; at += (a[i] as string).length, i++) {
    const j = kept[i] as number;
    if (j >= 0)
      for (let c = 0; c < (a[i] as string).length; c++) map[at + c] = (bAt[j] as number) + c;
  }
  const passages: TextSelector[] = [];
  const truth: (Span | null)[] = [];
  const counts: RevisionCounts = { kept: 0, gone: 0, unclear: 0 };
  for (const m of before.matchAll(/[^\s][^]*?(?:[.;:](?=\s)|\n\s*\n|$)/gu)) {
    const start = m.index;
    let end = start + m[0].trimEnd().length;
    if (before[end - 1] === '\n') end--;
    if (end - start < 20 || end - start > 300) continue;
    let keptChars = 0;
    for (let c = start; c < end; c++) if ((map[c] as number) >= 0) keptChars++;
    const share = keptChars / (end - start);
    const first = map[start] as number;
    const last = map[end - 1] as number;
    if (share >= 0.75 && first >= 0 && last >= first) {
      truth.push({ start: first, end: last + 1 });
      counts.kept++;
    } else if (share < 0.25) {
      truth.push(null);
      counts.gone++;
    } else {
      counts.unclear++;
      continue;
    }
    passages.push(describePassage(before, start, end));
  }
  const name = `${oldPath.split('/').pop()} → ${newPath.split('/').pop()}`;
  return { c: { name, oldLength: before.length, text: after, passages, truth }, counts };
}

// ---------------------------------------------------------------------------------------------

const cases: Case[] = [generatedCase()];
const LICENCES = '/usr/share/common-licenses';
for (const [from, to] of [
  ['LGPL-2', 'LGPL-2.1'],
  ['GFDL-1.2', 'GFDL-1.3'],
]) {
  const oldPath = `${LICENCES}/${from}`;
  const newPath = `${LICENCES}/${to}`;
  if (!existsSync(oldPath) || !existsSync(newPath)) {
    console.log(`(skipped ${from} → ${to}: not found in ${LICENCES}; it comes with base-files)`);
    continue;
  }
  const { c, counts } = revisionCase(oldPath, newPath);
  console.log(
    `${c.name}: ${c.passages.length} sentences as passages (${counts.kept} kept, ${counts.gone} gone; ${counts.unclear} too heavily edited to judge, left out)`,
  );
  cases.push(c);
}

// The generated case's truth must hold: a passage no edit touched is found there verbatim.
const generated = cases[0] as Case;
const intact = generated.passages.filter((p, i) => {
  const t = generated.truth[i];
  return t && generated.text.slice(t.start, t.end) === p.exact;
}).length;
console.log(
  `generated: ${(generated.oldLength / 1000).toFixed(0)} k → ${(generated.text.length / 1000).toFixed(0)} k characters; ${generated.passages.length} passages, ${intact} still verbatim, ${generated.truth.filter((t) => t === null).length} deleted`,
);

interface Tally {
  exact: number;
  misplaced: number;
  overlapping: number;
  orphaned: number;
}

/** Places every passage of every case; tallies per case and in all. */
function place(anchor: (c: Case, p: TextSelector) => Span | null): {
  ms: number;
  tallies: Tally[];
} {
  const startedAt = performance.now();
  const placed = cases.map((c) => c.passages.map((p) => anchor(c, p)));
  const ms = performance.now() - startedAt;
  const tallies = cases.map((c, k) => {
    const t: Tally = { exact: 0, misplaced: 0, overlapping: 0, orphaned: 0 };
    (placed[k] as (Span | null)[]).forEach((got, i) => {
      const want = c.truth[i];
      if (got === null) t.orphaned++;
      else if (want && got.start === want.start && got.end === want.end) t.exact++;
      else {
        t.misplaced++;
        if (want && got.start < want.end && want.start < got.end) t.overlapping++;
      }
    });
    return t;
  });
  return { ms, tallies };
}

const sum = (ts: Tally[]): Tally =>
  ts.reduce(
    (s, t) => ({
      exact: s.exact + t.exact,
      misplaced: s.misplaced + t.misplaced,
      overlapping: s.overlapping + t.overlapping,
      orphaned: s.orphaned + t.orphaned,
    }),
    { exact: 0, misplaced: 0, overlapping: 0, orphaned: 0 },
  );
const line = (name: string, t: Tally, of: number, gone: number): string =>
  `    ${name.padEnd(20)} exact ${t.exact}/${of - gone}, misplaced ${t.misplaced} (${t.overlapping} overlapping the right place), orphaned ${t.orphaned} (${gone} deleted)`;

// Placement is deterministic: accuracy from one pass each (the warm-up), time from the rounds.
const hypothesis = place(viaHypothesis);
const desk = place(viaDesk);
cases.forEach((c, k) => {
  const gone = c.truth.filter((t) => t === null).length;
  console.log(`  ${c.name}`);
  console.log(line('Hypothesis', hypothesis.tallies[k] as Tally, c.passages.length, gone));
  console.log(line('shared/anchoring.ts', desk.tallies[k] as Tally, c.passages.length, gone));
});
const all = cases.reduce((n, c) => n + c.passages.length, 0);
const allGone = cases.reduce((n, c) => n + c.truth.filter((t) => t === null).length, 0);
const h = sum(hypothesis.tallies);
const d = sum(desk.tallies);
console.log('  all cases');
console.log(line('Hypothesis', h, all, allGone));
console.log(line('shared/anchoring.ts', d, all, allGone));

await compare({
  title: `re-anchoring ${all} passages`,
  baseline: {
    name: "Hypothesis's strategy (exact, then scored)",
    run: () => place(viaHypothesis).ms,
  },
  subject: { name: 'shared/anchoring.ts', run: () => place(viaDesk).ms },
  // The accuracy passes above were the warm-up.
  warmup: 0,
  target: { kind: 'speed', atLeast: 3 },
});
verdict(
  're-anchoring accuracy',
  `exact ${d.exact} vs ${h.exact}, misplaced ${d.misplaced} vs ${h.misplaced}, orphaned ${d.orphaned} vs ${h.orphaned} (target: ≥ exact, ≤ misplaced)`,
  d.exact >= h.exact && d.misplaced <= h.misplaced,
);
