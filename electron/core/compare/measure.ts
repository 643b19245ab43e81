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
    'why will with would you your yours yourself yourselves also s t ' +
    // Reporting verbs: who said it is the attribution's business, not the fact's.
    'said say says saying told tell according reportedly reported'
  ).split(' '),
);

/** Words that deny what follows; "n't" is read from the word itself. */
const NEGATIONS = new Set(
  'no not never none nobody nothing neither nor without cannot hardly barely nowhere'.split(' '),
);

// A number (8,000 / 3.5), or a range of two (3-5, 300–500, 300 to 500); else a word.
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const TOKEN = new RegExp(
  String.raw`(${NUMBER})(?:\s*[-–—~]\s*|\s+to\s+)(${NUMBER})|(${NUMBER})|([\p{L}\p{M}]+(?:['’][\p{L}]+)*)`,
  'gu',
);

const value = (digits: string): number => Number(digits.replace(/,/g, ''));
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

// Stems worked out once per word (a desk's vocabulary repeats); forgotten wholesale when large.
const STEMS = new Map<string, string>();
const STEMS_KEPT = 200_000;

/** As the index's tokenizer (unicode61 remove_diacritics 2) sees the word, stemmed as it does. */
function stemOf(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    if (STEMS.size >= STEMS_KEPT) STEMS.clear();
    stem = porterStem(word.normalize('NFD').replace(ASCII_DIACRITICS, '').normalize('NFC'));
    STEMS.set(word, stem);
  }
  return stem;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined && m[2] !== undefined) {
      const lo = value(m[1]);
      const hi = value(m[2]);
      out.push({ key: `${lo}-${hi}`, surface: m[0], kind: 'number', range: [lo, hi] });
    } else if (m[3] !== undefined) {
      const n = value(m[3]);
      out.push({ key: String(n), surface: m[0], kind: 'number', range: [n, n] });
    } else {
      const lower = m[0].toLowerCase().replace(/’/g, "'");
      if (NEGATIONS.has(lower) || lower.endsWith("n't")) {
        out.push({ key: lower, surface: m[0], kind: 'negation' });
        continue;
      }
      const word = lower.replace(/'s$/, '').replace(/'/g, '');
      if (STOP_WORDS.has(word)) {
        out.push({ key: word, surface: m[0], kind: 'stop' });
        continue;
      }
      out.push({ key: stemOf(word), surface: m[0], kind: 'word' });
    }
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
