// Text selectors (W3C Web Annotation): describe a passage of a text, and place it again in an
// edited version of that text. Offsets are UTF-16 code units; `end` is exclusive.

/** Characters of context kept each side of a quote, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;

export interface TextSelector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * True when `offset` falls between the two halves of a surrogate pair, that is inside one
 * character beyond U+FFFF such as an emoji. A passage or its context cut there would store half a
 * character, which SQLite's UTF-8 turns into U+FFFD.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** True when a stored selector's quote or its context starts or ends inside a character of `text`. */
export function selectorSplitsCharacter(text: string, selector: TextSelector): boolean {
  return [
    selector.start,
    selector.end,
    selector.start - selector.prefix.length,
    selector.end + selector.suffix.length,
  ].some((offset) => splitsSurrogatePair(text, offset));
}

/**
 * The selector of text[start, end). The caller ensures neither offset splits a character; the
 * context is shortened by one code unit where 32 would end inside one.
 */
export function describePassage(text: string, start: number, end: number): TextSelector {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, from)) from++;
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, to)) to--;
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  };
}

export type AnchorMethod = 'position' | 'quote' | 'context' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/** Match quality of a quote's surroundings: characters of prefix and suffix that agree (0–64). */
function contextScore(text: string, start: number, end: number, selector: TextSelector): number {
  let score = 0;
  for (let i = 1; i <= selector.prefix.length && start - i >= 0; i++) {
    if (text.charCodeAt(start - i) !== selector.prefix.charCodeAt(selector.prefix.length - i))
      break;
    score++;
  }
  for (let i = 0; i < selector.suffix.length && end + i < text.length; i++) {
    if (text.charCodeAt(end + i) !== selector.suffix.charCodeAt(i)) break;
    score++;
  }
  return score;
}

/** Occurrences of the quote examined before giving up on exact matching (a very common quote). */
const MAX_QUOTE_CANDIDATES = 10_000;

/**
 * Places a passage in a (possibly edited) text: at its old position if the quote is still there;
 * else at the exact quote whose context matches best, nearest the old position; else at the
 * closest approximate match (at most a quarter of the quote's characters edited), looked for first
 * where its old prefix or suffix still stands, then near its old position (scaled by the change
 * in length when `oldLength` is given), then in the whole text. Null when it cannot be placed: the
 * caller keeps the passage as orphaned.
 */
export function anchorPassage(
  text: string,
  selector: TextSelector,
  oldLength?: number,
): Anchor | null {
  const { start, end, exact } = selector;
  if (exact.length === 0) return null;
  if (text.startsWith(exact, start) && end - start === exact.length)
    return { start, end, method: 'position' };

  let best = -1;
  let bestContext = -1;
  let bestDistance = Infinity;
  let seen = 0;
  for (
    let i = text.indexOf(exact);
    i !== -1 && seen < MAX_QUOTE_CANDIDATES;
    i = text.indexOf(exact, i + 1), seen++
  ) {
    const context = contextScore(text, i, i + exact.length, selector);
    const distance = Math.abs(i - start);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      best = i;
      bestContext = context;
      bestDistance = distance;
    }
  }
  if (best >= 0) return { start: best, end: best + exact.length, method: 'quote' };

  const maxErrors = Math.floor(exact.length / 4);
  if (maxErrors === 0) return null;
  const m = exact.length;
  const target = oldLength ? Math.round((start * text.length) / oldLength) : start;
  const within = (from: number, to: number, near: number) =>
    fuzzyFind(text, exact, maxErrors, Math.max(0, from), Math.min(text.length, to), near);

  // Where the old context still stands, the passage is right after its prefix or before its suffix.
  const found =
    aroundContext(text, selector, target, (at) =>
      within(at - maxErrors - 8, at + m + maxErrors + 8, at),
    ) ??
    within(target - 2 * m - 1024, target + 3 * m + 1024, target) ??
    within(0, text.length, target);
  if (!found) return null;
  // An approximate match may begin or end inside a character: widen it to whole characters.
  return {
    start: splitsSurrogatePair(text, found.start) ? found.start - 1 : found.start,
    end: splitsSurrogatePair(text, found.end) ? found.end + 1 : found.end,
    method: 'fuzzy',
  };
}

/** Tries the places the selector's prefix and suffix (each exact, at least 8 characters) point to, nearest `target` first. */
function aroundContext(
  text: string,
  selector: TextSelector,
  target: number,
  tryAt: (start: number) => { start: number; end: number; errors: number } | null,
): { start: number; end: number; errors: number } | null {
  const candidates: number[] = [];
  const collect = (needle: string, toStart: (at: number) => number): void => {
    if (needle.length < 8) return;
    for (
      let i = text.indexOf(needle), n = 0;
      i !== -1 && n < 16;
      i = text.indexOf(needle, i + 1), n++
    )
      candidates.push(toStart(i));
  };
  collect(selector.prefix, (at) => at + selector.prefix.length);
  collect(selector.suffix, (at) => at - selector.exact.length);
  candidates.sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
  let best: { start: number; end: number; errors: number } | null = null;
  for (const at of candidates.slice(0, 8)) {
    const found = tryAt(at);
    if (found && (!best || found.errors < best.errors)) best = found;
    if (best?.errors === 0) break;
  }
  return best;
}

/**
 * The substring of text[from, to) closest to `pattern` in edit distance (at most `maxErrors`),
 * nearest `target` among equals. Myers' bit-parallel algorithm in 32-bit blocks finds where the
 * best matches end; the same search run backwards from that end, anchored there, finds where the match starts.
 */
export function fuzzyFind(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  target: number,
): { start: number; end: number; errors: number } | null {
  const ends = bestEnds(text, pattern, maxErrors, from, to, false);
  if (!ends) return null;
  let end = ends.positions[0] as number;
  for (const e of ends.positions)
    if (Math.abs(e - pattern.length - target) < Math.abs(end - pattern.length - target)) end = e;
  const back = Math.max(from, end - pattern.length - maxErrors);
  const starts = bestEnds(text, pattern, ends.errors, back, end, true);
  if (!starts) return null;
  // Of the starts as good as the best, the one whose length is closest to the pattern's.
  let start = starts.positions[0] as number;
  for (const s of starts.positions)
    if (Math.abs(end - s - pattern.length) < Math.abs(end - start - pattern.length)) start = s;
  return { start, end, errors: ends.errors };
}

/**
 * Myers (1999) approximate search over text[from, to): the lowest edit distance (≤ maxErrors) at
 * which the pattern matches a substring, and every end offset (exclusive) reaching it. With
 * `reverse`, pattern and text are read backwards from `to`, and the offsets are match starts.
 */
function bestEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  reverse: boolean,
): { errors: number; positions: number[] } | null {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  const lastBit = 1 << ((m - 1) % 32);
  // Indexed by character code: a sparse array is faster to read per character than a Map.
  const peq: (Uint32Array | undefined)[] = [];
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    let bits = peq[c];
    if (!bits) peq[c] = bits = new Uint32Array(blocks);
    bits[i >> 5] = ((bits[i >> 5] as number) | (1 << (i & 31))) >>> 0;
  }
  const none = new Uint32Array(blocks);
  const P = new Uint32Array(blocks).fill(0xffffffff);
  const M = new Uint32Array(blocks);
  let score = m;
  let bestScore = maxErrors + 1;
  let positions: number[] = [];
  const n = to - from;
  for (let step = 0; step < n; step++) {
    const j = reverse ? to - 1 - step : from + step;
    const eqs = peq[text.charCodeAt(j)] ?? none;
    // Forwards the match may begin anywhere (top row 0); backwards it must begin at `to` (row grows by 1).
    let hin = reverse ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const high = b === blocks - 1 ? lastBit : 0x80000000;
      let eq = eqs[b] as number;
      const pv = P[b] as number;
      const mv = M[b] as number;
      const xv = (eq | mv) >>> 0;
      if (hin < 0) eq = (eq | 1) >>> 0;
      const xh = (((((eq & pv) + pv) >>> 0) ^ pv) | eq) >>> 0;
      let ph = (mv | ~(xh | pv)) >>> 0;
      let mh = (pv & xh) >>> 0;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph = (ph << 1) >>> 0;
      mh = (mh << 1) >>> 0;
      if (hin < 0) mh = (mh | 1) >>> 0;
      else if (hin > 0) ph = (ph | 1) >>> 0;
      P[b] = (mh | ~(xv | ph)) >>> 0;
      M[b] = (ph & xv) >>> 0;
      hin = hout;
    }
    score += hin;
    if (score < bestScore) {
      bestScore = score;
      positions = [reverse ? j : j + 1];
    } else if (score === bestScore) positions.push(reverse ? j : j + 1);
  }
  return bestScore <= maxErrors ? { errors: bestScore, positions } : null;
}
