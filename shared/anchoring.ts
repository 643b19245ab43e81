// Text selectors (W3C Web Annotation): describe a passage of a text, and place it again in an
// edited version of that text. Offsets are UTF-16 code units; `end` is exclusive.
import search from 'approx-string-match';

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

/**
 * Match quality of a quote's surroundings: the characters of the stored prefix and suffix that
 * agree with the text next to text[start, end), less one per edit (0–64). Edit distance, not an
 * exact run from the quote outwards: a typo in the word next to the quote costs one or two, not
 * everything beyond it.
 */
function contextScore(text: string, start: number, end: number, selector: TextSelector): number {
  const { prefix, suffix } = selector;
  const prefixAgrees = text.endsWith(prefix, start)
    ? prefix.length
    : prefix.length - nearestDistance(text, start, prefix, true, start);
  const suffixAgrees = text.startsWith(suffix, end)
    ? suffix.length
    : suffix.length - nearestDistance(text, end, suffix, false, text.length - end);
  return prefixAgrees + suffixAgrees;
}

/** Room for characters inserted into a stored context: how much further than its length to look. */
const CONTEXT_SLACK = 8;

/** The least edit distance between `context` and the text right before `at` (backwards) or after it. */
function nearestDistance(
  text: string,
  at: number,
  context: string,
  backwards: boolean,
  room: number,
): number {
  if (context.length === 0) return 0;
  const distances = distancesFrom(
    text,
    at,
    context,
    backwards,
    Math.min(room, context.length + CONTEXT_SLACK),
  );
  return Math.min(...distances);
}

/** Stands for "more edits than the band allows" in `distancesFrom`. */
const BEYOND = 0x3fffffff;

/**
 * Edit distances between `pattern` and the `span` characters of text leading away from `at`
 * (backwards: text[at - j, at), else text[at, at + j)): entry j is the distance to the j nearest.
 * The pattern is aligned from its side nearest `at`. Plain dynamic programming, one row per
 * pattern character (patterns here are a context or one quote), computed only where a distance
 * can stay within `band` (|i − j| ≤ band); entries beyond it are BEYOND.
 */
function distancesFrom(
  text: string,
  at: number,
  pattern: string,
  backwards: boolean,
  span: number,
  band = span + pattern.length,
): Int32Array {
  const m = pattern.length;
  let row = new Int32Array(span + 1).map((_, j) => (j <= band ? j : BEYOND));
  let next = new Int32Array(span + 1).fill(BEYOND);
  for (let i = 1; i <= m; i++) {
    const p = pattern.charCodeAt(backwards ? m - i : i - 1);
    const from = Math.max(1, i - band);
    const to = Math.min(span, i + band);
    // The cell left of the band: the whole prefix of the pattern deleted, or out of the band.
    next[from - 1] = from === 1 ? i : BEYOND;
    for (let j = from; j <= to; j++) {
      const t = text.charCodeAt(backwards ? at - j : at + j - 1);
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (p === t ? 0 : 1),
      );
    }
    [row, next] = [next, row];
  }
  return row;
}

/** Occurrences of the quote examined before giving up on exact matching (a very common quote). */
const MAX_QUOTE_CANDIDATES = 10_000;

/**
 * Places a passage in a (possibly edited) text: at its old position if the quote is still there;
 * else at the exact quote whose context matches best (by edit distance), nearest the old position;
 * else, where its old prefix and suffix both still stand, at what lies between them (up to half
 * its characters edited), or nowhere if they now stand together (it was cut out); else at the
 * closest approximate match (at most a quarter of its characters edited), looked for first where
 * its old prefix or suffix still stands, then near its old position (scaled by the change in
 * length when `oldLength` is given), then in the whole text. Null when it cannot be placed: the
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

  const places = contextPlaces(text, selector);
  const between = betweenContext(text, exact, places, target);
  if (between === 'cut') return null;
  // Where only one side of the old context still stands, the passage is right after its prefix
  // or before its suffix.
  const found =
    between ??
    aroundContext(places, m, target, (at) =>
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

interface Found {
  start: number;
  end: number;
  errors: number;
}

/** Where the passage would start after each exact occurrence of its prefix, and end before each of its suffix (the first 16 of each; a context under 8 characters is too common to say). */
function contextPlaces(
  text: string,
  selector: TextSelector,
): { afterPrefix: number[]; beforeSuffix: number[] } {
  const places = (needle: string, shift: number): number[] => {
    const found: number[] = [];
    if (needle.length < 8) return found;
    for (
      let i = text.indexOf(needle);
      i !== -1 && found.length < 16;
      i = text.indexOf(needle, i + 1)
    )
      found.push(i + shift);
    return found;
  };
  return {
    afterPrefix: places(selector.prefix, selector.prefix.length),
    beforeSuffix: places(selector.suffix, 0),
  };
}

/**
 * Where the old prefix and suffix both still stand, the passage is what lies between them, however
 * it was edited (up to half its characters, Hypothesis's own budget): its context on both sides
 * vouches for it. Of several such places, the fewest edits, then the nearest `target`. 'cut' when
 * they stand (almost) together with no room for the passage between them: it was cut out there,
 * and looking for it elsewhere would only find a look-alike (or take a scan of the whole text to
 * find nothing).
 */
function betweenContext(
  text: string,
  exact: string,
  places: { afterPrefix: number[]; beforeSuffix: number[] },
  target: number,
): Found | 'cut' | null {
  const m = exact.length;
  const budget = Math.floor(m / 2);
  let best: Found | null = null;
  let cut = false;
  for (const start of places.afterPrefix)
    for (const end of places.beforeSuffix) {
      // A few characters of overlap: the space that stood either side of the passage, now one.
      if (end < start - 4 || end > start + m + budget) continue;
      if (end - start < m - budget) {
        cut = true;
        continue;
      }
      const errors = distancesFrom(text, start, exact, false, end - start, budget)[
        end - start
      ] as number;
      if (
        errors <= budget &&
        (!best ||
          errors < best.errors ||
          (errors === best.errors && Math.abs(start - target) < Math.abs(best.start - target)))
      )
        best = { start, end, errors };
    }
  return best ?? (cut ? 'cut' : null);
}

/** Tries the places the old prefix and suffix point to (8 of them, nearest `target` first): the best match, then the nearest. */
function aroundContext(
  places: { afterPrefix: number[]; beforeSuffix: number[] },
  m: number,
  target: number,
  tryAt: (start: number) => Found | null,
): Found | null {
  const candidates = [...places.afterPrefix, ...places.beforeSuffix.map((end) => end - m)];
  candidates.sort((a, b) => Math.abs(a - target) - Math.abs(b - target));
  let best: Found | null = null;
  for (const at of candidates.slice(0, 8)) {
    const found = tryAt(at);
    if (found && (!best || found.errors < best.errors)) best = found;
    if (best?.errors === 0) break;
  }
  return best;
}

/**
 * The substring of text[from, to) closest to `pattern` in edit distance (at most `maxErrors`),
 * nearest `target` among equals. approx-string-match (Myers' bit-parallel search, skipping the
 * blocks of the pattern that cannot match within the budget) finds where the best matches end;
 * of the starts that reach the same distance from that end, the one giving the pattern's own
 * length wins (the library would take the longest).
 */
export function fuzzyFind(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  target: number,
): Found | null {
  if (to <= from) return null;
  const ends = search(
    from === 0 && to === text.length ? text : text.slice(from, to),
    pattern,
    maxErrors,
  );
  const m = pattern.length;
  let best = ends[0];
  if (!best) return null;
  for (const e of ends)
    if (Math.abs(e.end + from - m - target) < Math.abs(best.end + from - m - target)) best = e;
  const end = best.end + from;
  const distances = distancesFrom(
    text,
    end,
    pattern,
    true,
    Math.min(end - from, m + best.errors),
    best.errors,
  );
  // Shorter before longer when two lengths are as far from the pattern's.
  let length = -1;
  for (let j = 0; j < distances.length; j++)
    if (distances[j] === best.errors && (length < 0 || Math.abs(j - m) < Math.abs(length - m)))
      length = j;
  return { start: end - length, end, errors: best.errors };
}
