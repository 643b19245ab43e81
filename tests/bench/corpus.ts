// Generated reports for the benchmarks, shaped like the real ones: a Zipf-like vocabulary (the
// seeds' words, commonest first, then made-up words for the long tail), a headline, paragraphs of
// sentences with recurring attributions ("a Daily NK source in Ryanggang province said"), and the
// date and outlet signature that feed readers leave as the last lines. One outlet holds most
// reports. `npm run bench` prints what it produces (corpus-check.ts) before any bench uses it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusParams {
  /** Seed of every report's own generator (report i is the same text whatever else is drawn). */
  seed: number;
  /** Distinct words in the vocabulary: the rarest must still be rare at 50,000 reports. */
  vocabulary: number;
  /** Zipf–Mandelbrot weights 1/(rank + offset)^exponent; 1 and ~2.7 fit English prose. */
  exponent: number;
  offset: number;
  /** Share of reports signed by the first outlet; the other 19 share the rest by Zipf. */
  mainOutletShare: number;
  /** Median body length in characters (lengths are log-normal around it). */
  medianChars: number;
}

export const DEFAULT_CORPUS: CorpusParams = {
  seed: 2026,
  vocabulary: 200_000,
  exponent: 1,
  offset: 2.7,
  mainOutletShare: 0.65,
  medianChars: 3500,
};

export const OUTLETS = [
  'Daily NK',
  'ASIAPRESS',
  'NK News',
  'Radio Free Asia',
  'Yonhap',
  'KCNA',
  'Rodong Sinmun',
  'VOA Korean',
  'Unification Media Group',
  'Korea JoongAng Daily',
  'The Korea Herald',
  'Korea Times',
  'Reuters',
  'Associated Press',
  'Kyodo News',
  'Chosun Ilbo',
  'Hankyoreh',
  'New Focus International',
  'Liberty Korea Post',
  'Sino Daily',
] as const;

const PROVINCES = [
  'Ryanggang',
  'North Hamgyong',
  'North Pyongan',
  'South Hamgyong',
  'Jagang',
  'South Pyongan',
  'Kangwon',
  'North Hwanghae',
  'South Hwanghae',
];
const CITIES = [
  'Hyesan',
  'Sinuiju',
  'Chongjin',
  'Hamhung',
  'Pyongyang',
  'Hoeryong',
  'Musan',
  'Rason',
  'Wonsan',
  'Kimchaek',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** mulberry32: a small seeded PRNG; callers take its high bits (a float in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n) from mulberry32's high bits (the low bits of an LCG cycle in a few steps). */
export function seededRandom(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n) => Math.floor(next() * n);
}

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const SEED_FILES = [
  '000_952f6d4bfb86788f.txt',
  '001_3161affea73c84aa.txt',
  '002_80749e2cc6ce0b1b.txt',
];

/** The seeds' words by frequency (real English at the head), then made-up words for the tail. */
function buildVocabulary(size: number): string[] {
  const counts = new Map<string, number>();
  for (const f of SEED_FILES) {
    for (const w of readFileSync(join(SEEDS, f), 'utf8')
      .toLowerCase()
      .match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const seen = new Set(words);
  // Final syllables end in consonants that no Porter suffix rule strips, so made-up words rarely
  // share a stem (a shared stem would make a "rare" word commoner than its rank says).
  const onsets = 'b c d f g h j k l m n p r s t v w z br dr gr kr pl st tr ch sh th'.split(' ');
  const vowels = 'a e i o u ai ea ou'.split(' ');
  const codas = ['', '', '', 'n', 'r', 'l', 'm'];
  const finals = 'k m x d p g b z'.split(' ');
  const lastVowels = 'a i o u'.split(' ');
  const random = seededRandom(1);
  const pick = (xs: string[]): string => xs[random(xs.length)] as string;
  while (words.length < size) {
    let w = '';
    const syllables = 1 + random(2);
    for (let s = 0; s < syllables; s++) w += pick(onsets) + pick(vowels) + pick(codas);
    w += pick(onsets) + pick(lastVowels) + pick(finals);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words.slice(0, size);
}

export interface Vocabulary {
  words: string[];
  /** Probability of each rank (as a token), and the cumulative sums used to draw one. */
  probability: Float64Array;
  cumulative: Float64Array;
}

const vocabularies = new Map<string, Vocabulary>();

export function vocabulary(params: CorpusParams = DEFAULT_CORPUS): Vocabulary {
  const key = `${params.vocabulary}/${params.exponent}/${params.offset}`;
  const cached = vocabularies.get(key);
  if (cached) return cached;
  const words = buildVocabulary(params.vocabulary);
  const probability = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    probability[r] = 1 / (r + 1 + params.offset) ** params.exponent;
    total += probability[r] as number;
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let r = 0; r < words.length; r++) {
    probability[r] = (probability[r] as number) / total;
    sum += probability[r] as number;
    cumulative[r] = sum;
  }
  const made = { words, probability, cumulative };
  vocabularies.set(key, made);
  return made;
}

/** The rank drawn for a uniform `u` (binary search of the cumulative weights). */
function drawRank(v: Vocabulary, u: number): number {
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((v.cumulative[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Sentences of Zipf-drawn words, with place names and an occasional comma. */
function sentence(v: Vocabulary, next: () => number, minWords = 8, spread = 22): string {
  const n = minWords + Math.floor(next() * spread);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const u = next();
    if (u < 0.004) words.push(CITIES[Math.floor(next() * CITIES.length)] as string);
    else if (u < 0.0055) words.push(`${PROVINCES[Math.floor(next() * PROVINCES.length)]} province`);
    else words.push(v.words[drawRank(v, next())] as string);
    if (i > 2 && i < n - 2 && next() < 0.06) words[words.length - 1] += ',';
  }
  return `${capitalise(words.join(' '))}.`;
}

/** One attributed sentence, the way these reports quote their sources. */
function attribution(v: Vocabulary, next: () => number, outlet: string): string {
  const province = PROVINCES[Math.floor(next() * next() * PROVINCES.length)] as string;
  const quote = sentence(v, next, 6, 14).replace(/\.$/, ',');
  switch (Math.floor(next() * 4)) {
    case 0:
      return `“${quote}” a ${outlet} source in ${province} province said.`;
    case 1:
      return `“${quote}” the source said.`;
    case 2:
      return `According to the source, ${lowerFirst(sentence(v, next, 6, 14))}`;
    default:
      return `A source in ${province} province told ${outlet} that ${lowerFirst(sentence(v, next, 6, 12))}`;
  }
}

/** Cumulative outlet shares: the first holds `mainOutletShare`, the rest share by 1/(k+1). */
function outletCumulative(params: CorpusParams): number[] {
  const rest = OUTLETS.slice(1).map((_, k) => 1 / (k + 1));
  const restTotal = rest.reduce((a, b) => a + b, 0);
  const shares = [
    params.mainOutletShare,
    ...rest.map((w) => ((1 - params.mainOutletShare) * w) / restTotal),
  ];
  let sum = 0;
  return shares.map((s) => (sum += s));
}

export interface GeneratedReport {
  /** The file's text: headline, body, date line and outlet signature. */
  text: string;
  title: string;
  outlet: string;
  /** As the importer stores it: `YYYY-MM-DDTHH:MM`. */
  publishedAt: string;
}

/** Report `i` of the corpus: the same text for the same `i` and parameters, drawn on its own. */
export function generateReport(
  i: number,
  params: CorpusParams = DEFAULT_CORPUS,
  bodyChars?: number,
): GeneratedReport {
  const v = vocabulary(params);
  const next = mulberry32(Math.imul(i + 1, 0x9e3779b1) ^ params.seed);
  const u = next();
  const outletIndex = outletCumulative(params).findIndex((c) => u < c);
  const outlet = OUTLETS[outletIndex < 0 ? 0 : outletIndex] as string;

  // Headline: content words (past the commonest function words), no closing full stop.
  const headline: string[] = [];
  const length = 5 + Math.floor(next() * 7);
  while (headline.length < length) {
    const rank = drawRank(v, next());
    if (rank >= 30) headline.push(v.words[rank] as string);
    if (headline.length === 2 && next() < 0.4)
      headline.push('in', CITIES[Math.floor(next() * CITIES.length)] as string);
  }
  let title = capitalise(headline.join(' '));
  while (title.length > 80) title = title.slice(0, title.lastIndexOf(' '));

  // Body length: log-normal around the median (σ 0.5: most between half and twice it).
  const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const target =
    bodyChars ??
    Math.min(20_000, Math.max(600, Math.round(params.medianChars * Math.exp(0.5 * normal))));
  const paragraphs: string[] = [];
  let size = 0;
  while (size < target) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(next() * 4);
    for (let s = 0; s < n; s++)
      sentences.push(next() < 0.12 ? attribution(v, next, outlet) : sentence(v, next));
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length + 1;
  }

  const year = 2018 + Math.floor(next() * 8);
  const month = Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  const hour = Math.floor(next() * 24);
  const minute = Math.floor(next() * 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stated = `${MONTHS[month]} ${day}, ${year} at ${pad(hour % 12 || 12)}:${pad(minute)}${hour < 12 ? 'AM' : 'PM'}`;
  return {
    text: `${title}\n${paragraphs.join('\n')}\n${stated}\nby ${outlet}\n`,
    title,
    outlet,
    publishedAt: `${year}-${pad(month + 1)}-${pad(day)}T${pad(hour)}:${pad(minute)}`,
  };
}

/** Report `i`'s file text (body of about `bytes` characters when given, else a realistic length). */
export function makeReport(i: number, bytes?: number): string {
  return generateReport(i, DEFAULT_CORPUS, bytes).text;
}

/** Writes `count` reports as .txt files; returns their total size in bytes. */
export function writeCorpus(dir: string, count: number, bytes?: number): number {
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    const text = makeReport(i, bytes);
    total += Buffer.byteLength(text);
    writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.txt`), text);
  }
  return total;
}

/** Prose of about `chars` characters from the same vocabulary, paragraphs of ~6 sentences. */
export function proseText(chars: number, random: (n: number) => number): string {
  const v = vocabulary();
  const next = (): number => random(4294967296) / 4294967296;
  const sentences: string[] = [];
  for (let size = 0; size < chars;) {
    const s = sentence(v, next);
    sentences.push(s);
    size += s.length + 1;
  }
  return sentences
    .map((s, i) => (i % 6 === 5 ? `${s}\n` : `${s} `))
    .join('')
    .trim();
}
