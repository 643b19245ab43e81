// The suggestion measure (docs/suggestions.md): how much two sentences say the same thing, in
// [0, 1], catching paraphrase and not only copying. Each side becomes a set of keys: the Porter
// stems of its content words (stop words and reporting verbs left out) and its numbers and ranges
// ("3-5", "8,000" as 8000, "300–500"), each weighted by how rare it is in the desk (IDF; numbers
// count as the rarest words). The score is 0.85 × the weighted overlap of the two sets (shared
// weight over the geometric mean of both sides' weight) + 0.15 × the share of word pairs (adjacent
// keys) they have in common. The stance hint reads negation and numbers that differ.
import { porterStem } from './porter.ts';

export const SCORE = {
  /** Weight of the key overlap and of the shared word pairs; they add up to 1. */
  overlap: 0.85,
  bigrams: 0.15,
  /** Below this a sentence is not suggested at all. */
  suggest: 0.2,
  /** At or above this, with no sign of contradiction, the hint is 'supports'. */
  supports: 0.45,
  /** Below this the two say too little in common for any hint. */
  hint: 0.2,
  /** At or above this two sentences "nearly match" (similar()). */
  similar: 0.5,
} as const;

const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself ' +
    'just me more most my myself of off on once one only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they ' +
    'this those through to too under until up very was we were what when where which while who whom ' +
    'why will with would you your yours yourself yourselves also s t per ' +
    // Reporting verbs: who said it is the attribution's business, not the fact's.
    'said say says saying told tell according reportedly reported'
  ).split(' '),
);

/** Words that deny what follows; "n't" is read from the word itself. */
const NEGATIONS = new Set(
  'no not never none nobody nothing neither nor without cannot hardly barely nowhere'.split(' '),
);

/**
 * Words that say the same thing in market reporting, first the one whose stem stands for all:
 * "a kilo of rice fetched 6,000 won" and "rice sold for 6,000 won per kilogram, traders said"
 * should share their facts. Kept short: a wrong pair makes unrelated sentences alike.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['kilogram', 'kilo', 'kg'],
  ['trader', 'merchant', 'vendor', 'seller', 'dealer'],
  ['sell', 'sold', 'fetch'],
  ['buy', 'bought', 'purchase'],
  ['yuan', 'rmb', 'renminbi', 'cny'],
  ['dollar', 'usd'],
  ['car', 'vehicle'],
];

// Number words: units and teens, tens, and the scales that multiply what comes before.
const SMALL = new Map(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen ' +
    'fifteen sixteen seventeen eighteen nineteen'
  )
    .split(' ')
    .map((w, i) => [w, i]),
);
const TENS = new Map(
  'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((w, i) => [w, 20 + 10 * i]),
);
const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1e6],
  ['billion', 1e9],
]);

// What the text is made of: numbers in digits (8,000 / 3.5) and words; the rest is what lies between.
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const ATOM = new RegExp(String.raw`${NUMBER}|[\p{L}\p{M}]+(?:['’][\p{L}]+)*`, 'gu');
const RANGE_DASH = /^\s*[-–—~]\s*$/;
const SPACE = /^\s+$/;

const ASCII_DIACRITICS = /[\u0300-\u036f]/g;

export interface Token {
  /** The stem, or the number's value ("8000", "3-5"). */
  key: string;
  /** As written. */
  surface: string;
  kind: 'word' | 'number' | 'stop' | 'negation';
  /** A number's or range's low and high values. */
  range?: [number, number];
}

export interface Profile {
  /** Content keys, each with its first spelling. */
  keys: Map<string, string>;
  /** Adjacent content keys, "a b". */
  pairs: Set<string>;
  negated: boolean;
  /** Numbers by the word they count or measure ("yuan", "peopl"): their ranges. */
  quantities: Map<string, [number, number][]>;
}

/** What one word is, whatever its place: a content word's key, or which kind of other word. */
type WordClass =
  | { kind: 'word'; key: string }
  | { kind: 'stop' | 'negation'; key: string }
  | { kind: 'numeral'; key: string };

// Stems worked out once per word as written (a desk's vocabulary repeats); forgotten wholesale
// when large.
const CLASSES = new Map<string, WordClass>();
const CLASSES_KEPT = 200_000;

const stem = (lower: string): string =>
  porterStem(lower.normalize('NFD').replace(ASCII_DIACRITICS, '').normalize('NFC'));

/** Each synonym's stem → the stem that stands for its group, and each such stem → its group. */
const CANONICAL = new Map<string, string>();
const GROUPS = new Map<string, { stems: string[]; words: readonly string[] }>();
for (const group of SYNONYMS) {
  const stems = [...new Set(group.map(stem))];
  const head = stems[0] as string;
  for (const s of stems) CANONICAL.set(s, head);
  GROUPS.set(head, { stems, words: group });
}

/** The stems a key stands for, and the words the index can be asked for (synonyms: all of them). */
export function synonymsOf(key: string): { stems: string[]; words: readonly string[] } | undefined {
  return GROUPS.get(key);
}

function classify(word: string): WordClass {
  let known = CLASSES.get(word);
  if (known === undefined) {
    if (CLASSES.size >= CLASSES_KEPT) CLASSES.clear();
    const lower = word.toLowerCase().replace(/’/g, "'");
    if (SMALL.has(lower) || TENS.has(lower) || SCALES.has(lower))
      known = { kind: 'numeral', key: lower };
    else if (NEGATIONS.has(lower) || lower.endsWith("n't"))
      known = { kind: 'negation', key: lower };
    else {
      const bare = lower.replace(/'s$/, '').replace(/'/g, '');
      if (STOP_WORDS.has(bare)) known = { kind: 'stop', key: bare };
      else {
        const s = stem(bare);
        known = { kind: 'word', key: CANONICAL.get(s) ?? s };
      }
    }
    CLASSES.set(word, known);
  }
  return known;
}

interface Atom {
  text: string;
  start: number;
  end: number;
  /** Null for a word, else the digits' value. */
  digits: number | null;
}

const ATOM_AT = new RegExp(ATOM.source, 'uy');
const asciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Calls `each` with every atom of the text, as text.matchAll(ATOM) finds them, but without a
 * regular expression for the common case: a word of ASCII letters followed by ASCII that cannot
 * go on with it. Anything else (digits, other scripts, "'s") is matched by ATOM where it starts.
 */
function forEachAtom(text: string, each: (atom: string, start: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (asciiLetter(c)) {
      let j = i + 1;
      while (j < n && asciiLetter(text.charCodeAt(j))) j++;
      const after = j < n ? text.charCodeAt(j) : 32;
      if (after < 128 && after !== 39 && (after < 48 || after > 57)) {
        each(text.slice(i, j), i);
        i = j;
        continue;
      }
    }
    if (c >= 128 || asciiLetter(c) || (c >= 48 && c <= 57)) {
      ATOM_AT.lastIndex = i;
      const m = ATOM_AT.exec(text);
      if (m) {
        each(m[0], i);
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
}

function atoms(text: string): Atom[] {
  const out: Atom[] = [];
  forEachAtom(text, (t, start) => {
    const c = t.charCodeAt(0);
    const digits = c >= 48 && c <= 57 ? Number(t.replace(/,/g, '')) : null;
    out.push({ text: t, start, end: start + t.length, digits });
  });
  return out;
}

const lowerOf = (a: Atom | undefined): string => (a ? a.text.toLowerCase() : '');
const gap = (text: string, a: Atom, b: Atom): string => text.slice(a.end, b.start);
/** Scaled values are rounded to a millionth: 1.2 million is 1200000, not 1199999.9999999998. */
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The number written from atom i on, in digits ("6,000", "1.2 million") or words ("six
 * thousand", "two hundred and fifty", "twenty-five"), and the atom after it; null if none is.
 * "one" alone is not read as a number ("buy one car" counts nothing worth matching on).
 */
function numberAt(text: string, list: Atom[], i: number): { value: number; next: number } | null {
  const first = list[i];
  if (!first) return null;
  let j = i + 1;
  const scaleAt = (k: number): number | undefined => {
    const a = list[k];
    return a && SPACE.test(gap(text, list[k - 1] as Atom, a)) ? SCALES.get(lowerOf(a)) : undefined;
  };
  if (first.digits !== null) {
    let value = first.digits;
    for (let scale = scaleAt(j); scale !== undefined; scale = scaleAt(++j)) value *= scale;
    return { value: tidy(value), next: j };
  }
  let total = 0;
  let current = 0;
  let last: 'small' | 'tens' | 'hundred' | 'scale' | null = null;
  let read = 0;
  for (j = i; j < list.length; j++) {
    const a = list[j] as Atom;
    const w = lowerOf(a);
    if (j > i) {
      const between = gap(text, list[j - 1] as Atom, a);
      const hyphen =
        between === '-' && last === 'tens' && (SMALL.get(w) ?? 0) >= 1 && (SMALL.get(w) ?? 0) <= 9;
      if (!hyphen && !SPACE.test(between)) break;
      if (w === 'and' && last === 'hundred') {
        const after = lowerOf(list[j + 1]);
        if (SMALL.has(after) || TENS.has(after)) continue;
        break;
      }
    }
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    const scale = SCALES.get(w);
    if (small !== undefined) {
      if (last === 'small' || (last === 'tens' && small >= 10)) break;
      current += small;
      last = 'small';
    } else if (tens !== undefined) {
      if (last === 'small' || last === 'tens') break;
      current += tens;
      last = 'tens';
    } else if (scale === 100) {
      if (last === 'hundred') break;
      current = (current || 1) * 100;
      last = 'hundred';
    } else if (scale !== undefined) {
      total += (current || 1) * scale;
      current = 0;
      last = 'scale';
    } else break;
    read++;
  }
  if (read === 0) return null;
  if (read === 1 && lowerOf(first) === 'one') return null;
  return { value: total + current, next: j };
}

/**
 * The text's words and numbers in order. A number is one token however it is written ("1,200",
 * "1200", "twelve hundred" are all 1200), and so is a range ("3-5", "3–5", "3 to 5", "three to
 * five", "between 3 and 5" are all 3-5).
 */
export function tokens(text: string): Token[] {
  const list = atoms(text);
  const out: Token[] = [];
  for (let i = 0; i < list.length;) {
    const a = list[i] as Atom;
    const n = numberAt(text, list, i);
    if (n) {
      let [lo, hi, next] = [n.value, n.value, n.next];
      const after = list[next];
      const joiner = lowerOf(after);
      const ranged =
        after &&
        ((RANGE_DASH.test(gap(text, list[next - 1] as Atom, after)) &&
          numberAt(text, list, next)) ||
          ((joiner === 'to' || (joiner === 'and' && lowerOf(list[i - 1]) === 'between')) &&
            SPACE.test(gap(text, list[next - 1] as Atom, after)) &&
            list[next + 1] &&
            SPACE.test(gap(text, after, list[next + 1] as Atom)) &&
            numberAt(text, list, next + 1)));
      if (ranged) [hi, next] = [ranged.value, ranged.next];
      const surface = text.slice(a.start, (list[next - 1] as Atom).end);
      if (hi < lo) [lo, hi] = [hi, lo];
      const key = lo === hi ? String(lo) : `${lo}-${hi}`;
      out.push({ key, surface, kind: 'number', range: [lo, hi] });
      i = next;
      continue;
    }
    const c = classify(a.text);
    // A numeral that is no number here ("one" alone) is a stop word.
    out.push({ key: c.key, surface: a.text, kind: c.kind === 'numeral' ? 'stop' : c.kind });
    i++;
  }
  return out;
}

/** The unit a number counts: the next content word (within two words), else the one before. */
function unitOf(list: Token[], i: number): string | null {
  for (let j = i + 1; j < list.length && j <= i + 2; j++) {
    const t = list[j] as Token;
    if (t.kind === 'word') return t.key;
    if (t.kind === 'number') break;
  }
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const t = list[j] as Token;
    if (t.kind === 'word') return t.key;
    if (t.kind === 'number') break;
  }
  return null;
}

export function profile(text: string): Profile {
  const list = tokens(text);
  const keys = new Map<string, string>();
  const pairs = new Set<string>();
  const quantities = new Map<string, [number, number][]>();
  let previous: string | null = null;
  let negated = false;
  list.forEach((t, i) => {
    if (t.kind === 'negation') negated = true;
    if (t.kind !== 'word' && t.kind !== 'number') return;
    if (!keys.has(t.key)) keys.set(t.key, t.surface);
    if (previous !== null) pairs.add(`${previous} ${t.key}`);
    previous = t.key;
    if (t.kind === 'number' && t.range) {
      const unit = unitOf(list, i);
      if (unit !== null) quantities.set(unit, [...(quantities.get(unit) ?? []), t.range]);
    }
  });
  return { keys, pairs, negated, quantities };
}

/** How much a key weighs: its IDF in the desk; numbers as much as the rarest word. */
export interface Weights {
  word(stem: string): number;
  number: number;
}

/** Every key weighs 1: the measure without a corpus (tests, and a desk with one report). */
export const FLAT: Weights = { word: () => 1, number: 1 };

/** Number keys start with a digit; stems never do (a word token starts with a letter). */
const isNumberKey = (key: string): boolean => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
};

export function weightOf(key: string, weights: Weights): number {
  return isNumberKey(key) ? weights.number : weights.word(key);
}

// Each profile's total weight, worked out once per set of weights (a sentence is scored many times).
const TOTALS = new WeakMap<Weights, WeakMap<Profile, number>>();

function total(p: Profile, weights: Weights): number {
  let known = TOTALS.get(weights);
  if (!known) TOTALS.set(weights, (known = new WeakMap()));
  let sum = known.get(p);
  if (sum === undefined) {
    sum = 0;
    for (const key of p.keys.keys()) sum += weightOf(key, weights);
    known.set(p, sum);
  }
  return sum;
}

export function similarity(a: Profile, b: Profile, weights: Weights): number {
  if (a.keys.size === 0 || b.keys.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.keys.size <= b.keys.size ? [a, b] : [b, a];
  for (const key of small.keys.keys()) if (large.keys.has(key)) shared += weightOf(key, weights);
  const overlap = shared / Math.sqrt(total(a, weights) * total(b, weights));
  let pairs = 0;
  for (const pair of a.pairs) if (b.pairs.has(pair)) pairs++;
  const pairShare = pairs === 0 ? 0 : pairs / Math.min(a.pairs.size, b.pairs.size);
  return Math.min(1, SCORE.overlap * overlap + SCORE.bigrams * pairShare);
}

/**
 * False only when similarity(a, b) cannot reach `min`, worked out from a's weights and the keys b
 * shares with it: b weighs at least what it shares (S), so the overlap is at most √(S / weight of
 * a), and the pair share at most 1 when any pair is shared. Sentences sharing no key with a (most
 * of them) are dismissed without looking up the weight of any of their own words.
 */
export function mayReach(a: Profile, b: Profile, weights: Weights, min: number): boolean {
  let shared = 0;
  for (const key of b.keys.keys()) if (a.keys.has(key)) shared += weightOf(key, weights);
  if (shared === 0) return false;
  let pairs = 0;
  for (const pair of b.pairs)
    if (a.pairs.has(pair)) {
      pairs = 1;
      break;
    }
  return SCORE.overlap * Math.sqrt(shared / total(a, weights)) + SCORE.bigrams * pairs >= min;
}

// The scan below looks a word up only when its first letters say it may matter: ASCII words are
// keyed by their length (1, 2, or 3 for "3 or more") and first letters, lower-cased, as one integer.
const prefixKey = (length: number, c0: number, c1: number, c2: number): number =>
  (Math.min(length, 3) << 21) | (c0 << 14) | (length > 1 ? c1 << 7 : 0) | (length > 2 ? c2 : 0);

/**
 * A Porter stem is its ASCII word's start, but for an ending the stemmer may have put in place of
 * the word's: "i" for y ("happi" of happy), an "e" it added ("hope" of hoping, "operate" of
 * operator) and "ble" or "bl" for "bility" ("possibl" of possibility). A word may have the stem
 * only if it starts with the stem less that ending (at least one letter is kept): this is the
 * prefix key of that start (a test checks this on many words).
 */
function stemPrefixes(stem: string, into: Set<number>): void {
  const ending = stem.endsWith('ble') ? 2 : /(?:bl|e|i)$/.test(stem) ? 1 : 0;
  const root = stem.slice(0, Math.max(1, stem.length - ending));
  const [c0, c1, c2] = [0, 1, 2].map((i) => root.charCodeAt(i) | 32) as [number, number, number];
  into.add(root.length >= 3 ? prefixKey(3, c0, c1, c2) : shortRoot(root.length, c0, c1));
}

/** A root of one or two letters: any word as long or longer that starts with it. */
const shortRoot = (length: number, c0: number, c1: number): number =>
  (1 << 24) | (length << 21) | (c0 << 14) | (length > 1 ? c1 << 7 : 0);

/** Whether an ASCII word of this length and first letters may be one of `keys` (see above). */
const mayBe = (keys: Set<number>, length: number, c0: number, c1: number, c2: number): boolean =>
  keys.has(prefixKey(length, c0, c1, c2)) ||
  keys.has(shortRoot(1, c0, 0)) ||
  (length > 1 && keys.has(shortRoot(2, c0, c1)));

/** Words that are not content words whatever follows them: stop words, negations, numerals. */
const NOT_CONTENT = new Set<number>();
for (const word of [...STOP_WORDS, ...NEGATIONS, ...SMALL.keys(), ...TENS.keys(), ...SCALES.keys()])
  NOT_CONTENT.add(
    prefixKey(word.length, word.charCodeAt(0), word.charCodeAt(1) | 0, word.charCodeAt(2) | 0),
  );

/**
 * For each span of `text` (its sentences), false only when a sentence there cannot reach `min`
 * against any of `profiles`, by the bound of mayReach, worked out in one pass over the text
 * without profiling any sentence. Its words are read as tokens() reads them, and looked up only
 * when their first letters say they may be a key of the profiles or no content word; its
 * numbers are only counted, as a sentence shares at most as many number keys as it has numbers
 * (number words, or digits that may be one of the profiles' values); a word pair may be shared only where two content words or numbers in
 * a row are each one the profiles have (or may have).
 */
export function mayReachSpans(
  text: string,
  spans: readonly { start: number; end: number }[],
  profiles: readonly Profile[],
  weights: Weights,
  min: number,
): boolean[] {
  const sides = profiles.map((p) => ({
    p,
    total: total(p, weights),
    numbers: [...p.keys.keys()].filter(isNumberKey).length,
  }));
  const wanted = new Set(
    profiles.flatMap((p) => [...p.keys.keys()].filter((k) => !isNumberKey(k))),
  );
  const prefixes = new Set<number>();
  for (const key of wanted)
    for (const s of synonymsOf(key)?.stems ?? [key]) stemPrefixes(s, prefixes);
  const numbersWanted = sides.some((s) => s.numbers > 0);
  const NUMERAL: WordClass = { kind: 'numeral', key: '' };
  const out = spans.map(() => false);
  const found = new Set<string>();
  let numerals = 0;
  let pair = false;
  let previousHit = false;
  const judge = (k: number): void => {
    if (found.size > 0 || numerals > 0)
      out[k] = sides.some(({ p, total: weight, numbers }) => {
        let shared = Math.min(numerals, numbers) * weights.number;
        for (const key of found) if (p.keys.has(key)) shared += weights.word(key);
        return (
          shared > 0 &&
          SCORE.overlap * Math.sqrt(shared / weight) + (pair ? SCORE.bigrams : 0) >= min
        );
      });
    found.clear();
    numerals = 0;
    pair = previousHit = false;
  };
  // A number in digits may be a key of the profiles only if it is one of their values, or that
  // times hundreds, thousands, millions ("2.5 thousand" is 2500): the value over it a power of ten.
  const values = sides.flatMap(({ p }) =>
    [...p.keys.keys()].filter(isNumberKey).flatMap((key) => key.split(/(?<=\d)-/).map(Number)),
  );
  const mayBeValue = (digits: string): boolean => {
    const v = Number(digits.replace(/,/g, ''));
    return values.some((w) => {
      if (v === 0 || w === 0) return v === w;
      const power = Math.log10(w / v);
      return power > -1e-9 && Math.abs(power - Math.round(power)) < 1e-9;
    });
  };
  /** One word or number of the sentence (null: digits that are no value of the profiles). */
  const take = (c: WordClass | null): void => {
    let hit: boolean;
    if (c === null) hit = false;
    else if (c.kind === 'numeral') {
      numerals++;
      hit = numbersWanted;
    } else if (c.kind === 'word') {
      hit = wanted.has(c.key);
      if (hit) found.add(c.key);
    } else return; // stop words and negations are not keys: pairs skip them
    if (hit && previousHit) pair = true;
    previousHit = hit;
  };
  const n = text.length;
  let k = 0;
  for (let i = 0; i < n && k < spans.length;) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!letter && c < 128 && (c < 48 || c > 57)) {
      i++;
      continue;
    }
    while (k < spans.length && (spans[k] as { end: number }).end <= i) judge(k++);
    if (k >= spans.length) break;
    const inside = i >= (spans[k] as { start: number }).start;
    if (letter) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90))) break;
        j++;
      }
      const after = j < n ? text.charCodeAt(j) : 32;
      // An ASCII word that nothing can continue: its first letters decide whether to look it up.
      if (after < 128 && after !== 39 && (after < 48 || after > 57)) {
        if (inside) {
          const length = j - i;
          const c0 = c | 32;
          const c1 = length > 1 ? text.charCodeAt(i + 1) | 32 : 0;
          const c2 = length > 2 ? text.charCodeAt(i + 2) | 32 : 0;
          if (mayBe(prefixes, length, c0, c1, c2)) take(classify(text.slice(i, j)));
          else if (NOT_CONTENT.has(prefixKey(length, c0, c1, c2))) {
            // Maybe a stop word, which pairs skip, so taken as one (a pair may be counted that
            // is not there, never the reverse), unless it may be a number that counts.
            if (numbersWanted) take(classify(text.slice(i, j)));
          } else previousHit = false; // a content word none of the profiles has
        }
        i = j;
        continue;
      }
    }
    ATOM_AT.lastIndex = i;
    const m = ATOM_AT.exec(text);
    if (!m) {
      i++;
      continue;
    }
    if (inside) {
      const d = m[0].charCodeAt(0);
      if (d < 48 || d > 57) take(classify(m[0]));
      else take(mayBeValue(m[0]) ? NUMERAL : null);
    }
    i += m[0].length;
  }
  while (k < spans.length) judge(k++);
  return out;
}

const overlaps = ([a1, a2]: [number, number], [b1, b2]: [number, number]): boolean =>
  a1 <= b2 && b1 <= a2;

const showRange = ([lo, hi]: [number, number]): string =>
  lo === hi ? lo.toLocaleString('en') : `${lo.toLocaleString('en')}–${hi.toLocaleString('en')}`;

export type StanceHint = 'supports' | 'contradicts' | null;

/**
 * Whether the wording signals that b supports or contradicts a: the same word counted with numbers
 * that cannot both hold (300–500 yuan against 1,200 yuan), or one side denying what the other
 * says; 'supports' when they say much the same with neither sign; null when too little is shared.
 */
export function stanceHint(
  a: Profile,
  b: Profile,
  score: number,
  weights: Weights = FLAT,
): { hint: StanceHint; reason: string } {
  const shared = [...a.keys.keys()]
    .filter((k) => b.keys.has(k))
    .sort((x, y) => weightOf(y, weights) - weightOf(x, weights));
  const sharedWords = `shares ${shared.length} of its words (${shared
    .slice(0, 8)
    .map((k) => a.keys.get(k) as string)
    .join(', ')})`;
  if (score < SCORE.hint) return { hint: null, reason: sharedWords };
  for (const [unit, mine] of a.quantities) {
    const theirs = b.quantities.get(unit);
    if (!theirs || mine.some((m) => theirs.some((t) => overlaps(m, t)))) continue;
    const word = a.keys.get(unit) ?? unit;
    return {
      hint: 'contradicts',
      reason: `different numbers for “${word}”: ${mine.map(showRange).join(', ')} here, ${theirs.map(showRange).join(', ')} there; ${sharedWords}`,
    };
  }
  if (a.negated !== b.negated)
    return {
      hint: 'contradicts',
      reason: `${a.negated ? 'this' : 'the suggestion'} denies what the other says (a negation only one side has); ${sharedWords}`,
    };
  return { hint: score >= SCORE.supports ? 'supports' : null, reason: sharedWords };
}

/** The content words of each side that the other lacks, as written, each once. */
export function differingWords(a: Profile, b: Profile): { here: string[]; there: string[] } {
  const only = (x: Profile, y: Profile): string[] =>
    [...x.keys].filter(([key]) => !y.keys.has(key)).map(([, surface]) => surface);
  return { here: only(a, b), there: only(b, a) };
}
