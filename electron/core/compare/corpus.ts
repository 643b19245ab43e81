// The desk as the suggestion measure reads it: each key's weight from the report index's own
// document frequencies (FTS5's vocabulary; our stems are its Porter stems), and reports read
// once per call, cut into sentences and profiled.
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import {
  mayReachSpans,
  profile,
  synonymsOf,
  weightOf,
  type Profile,
  type Weights,
} from './measure.ts';
import { sentences } from './sentences.ts';

export interface Sentence {
  start: number;
  end: number;
  profile: Profile;
}

export interface CorpusReport {
  id: number;
  title: string;
  outlet: string | null;
  sha256: string;
  text: string;
  sentences: Sentence[];
}

/**
 * IDF over reports: ln(1 + N / df), df being how many reports hold the stem (at least 1); a number
 * weighs as a word found in one report. Each stem is looked up once, and kept for as long as the
 * desk's reports stay as they are (the same count, newest report and newest version).
 */
export function deskWeights(db: Db): Weights {
  // A vocabulary view of the index, per connection (temp, so a read-only desk allows it).
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS temp.report_terms USING fts5vocab(main, 'report_search', 'row')`,
  );
  const [n, stamp] = prepared(
    db,
    `SELECT count(*), count(*) || ':' || ifnull(max(id), 0) || ':' ||
            (SELECT ifnull(max(rowid), 0) FROM report_versions) FROM reports`,
  )
    .raw()
    .get() as [number, string];
  const kept = WEIGHTS.get(db);
  if (kept?.stamp === stamp) return kept.weights;
  const df = prepared(db, 'SELECT doc FROM temp.report_terms WHERE term = ?').pluck();
  const known = new Map<string, number>();
  const weights: Weights = {
    number: Math.log(1 + n),
    word(stem) {
      let w = known.get(stem);
      if (w === undefined) {
        // A synonym stands for its group: it weighs as the commonest of its words.
        const stems = synonymsOf(stem)?.stems ?? [stem];
        const d = Math.max(1, ...stems.map((s) => (df.get(s) as number | undefined) ?? 1));
        w = Math.log(1 + n / d);
        known.set(stem, w);
      }
      return w;
    },
  };
  WEIGHTS.set(db, { stamp, weights });
  return weights;
}

const WEIGHTS = new WeakMap<Db, { stamp: string; weights: Weights }>();

/**
 * Only the sentences that may reach `min` against one of `profiles` (mayReachSpans) are profiled;
 * the others are left out of the report's sentences.
 */
export interface Near {
  profiles: readonly Profile[];
  weights: Weights;
  min: number;
}

/** Reads reports on demand, each once; with `near`, keeps only the sentences that may match. */
export function reportReader(db: Db, near?: Near): (id: number) => CorpusReport | undefined {
  const read = prepared(
    db,
    `SELECT r.id, r.title, o.name AS outlet, r.sha256, t.body AS text
     FROM reports r JOIN texts t ON t.sha256 = r.sha256 LEFT JOIN outlets o ON o.id = r.outlet_id
     WHERE r.id = ?`,
  );
  const cache = new Map<number, CorpusReport | undefined>();
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    const row = read.get(id) as Omit<CorpusReport, 'sentences'> | undefined;
    let report: CorpusReport | undefined;
    if (row) {
      let spans = sentences(row.text);
      if (near) {
        const may = mayReachSpans(row.text, spans, near.profiles, near.weights, near.min);
        spans = spans.filter((_, i) => may[i]);
      }
      report = {
        ...row,
        sentences: spans.map((s) => ({ ...s, profile: profile(row.text.slice(s.start, s.end)) })),
      };
    }
    cache.set(id, report);
    return report;
  };
}

/** A phrase as FTS5 should look for it: quoted (a number or range becomes a phrase). */
const ftsString = (surface: string): string => `"${surface.toLowerCase().replace(/"/g, '""')}"`;

const SMALL_WORDS = (
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen ' +
  'fifteen sixteen seventeen eighteen nineteen'
).split(' ');
const TENS_WORDS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

/** A whole number in words, as tokens() reads it back ("six thousand", "twenty-five"). */
export function inWords(n: number): string {
  if (n < 20) return SMALL_WORDS[n] as string;
  if (n < 100)
    return `${TENS_WORDS[Math.floor(n / 10) - 2] as string}${n % 10 ? `-${SMALL_WORDS[n % 10] as string}` : ''}`;
  for (const [scale, name] of [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
    [100, 'hundred'],
  ] as const)
    if (n >= scale) {
      const rest = n % scale;
      return `${inWords(Math.floor(n / scale))} ${name}${rest ? ` ${inWords(rest)}` : ''}`;
    }
  return String(n);
}

/** The ways a number is commonly written: 1200, 1,200, twelve hundred is left to luck. */
function numberForms(n: number): string[] {
  const forms = [String(n), n.toLocaleString('en', { maximumFractionDigits: 6 })];
  if (Number.isInteger(n) && n < 1e12) forms.push(inWords(n));
  if (n >= 1e6) forms.push(`${n / 1e6} million`);
  return [...new Set(forms)];
}

/**
 * What the index is asked for a key: its word, each word of its synonym group, or each way its
 * number or range may be written ("6,000", "6000", "six thousand"; "3-5", "3 to 5", "three to
 * five"), ORed.
 */
function ftsAlternatives(key: string, surface: string): string {
  const c = key.charCodeAt(0);
  let phrases: string[];
  if (c >= 48 && c <= 57) {
    const [lo, hi] = key.split(/(?<=\d)-/).map(Number) as [number, number?];
    if (hi === undefined) phrases = numberForms(lo);
    else {
      const [los, his] = [numberForms(lo), numberForms(hi)];
      phrases = los.flatMap((l, i) => {
        const h = his[Math.min(i, his.length - 1)] as string;
        return [`${l} ${h}`, `${l} to ${h}`];
      });
    }
  } else phrases = [...(synonymsOf(key)?.words ?? [surface])];
  const ors = [...new Set(phrases)].map(ftsString);
  return ors.length === 1 ? (ors[0] as string) : `(${ors.join(' OR ')})`;
}

/** The heaviest keys always asked for; past them, only keys in at most a tenth of the reports. */
const ALWAYS_ASKED = 3;
const COMMON = Math.log(1 + 10);

/**
 * The reports the index ranks best (bm25) for the heaviest keys of the profiles, ORed: where a
 * sentence that says the same thing can be, even in other words, as long as some rare word or
 * number is shared.
 */
export function candidateReports(
  db: Db,
  profiles: readonly Profile[],
  weights: Weights,
  options: { terms: number; reports: number },
): number[] {
  const surfaces = new Map<string, string>();
  for (const p of profiles)
    for (const [key, surface] of p.keys) if (!surfaces.has(key)) surfaces.set(key, surface);
  const terms = [...surfaces]
    .sort(([a], [b]) => weightOf(b, weights) - weightOf(a, weights))
    .slice(0, options.terms)
    // A word in more than a tenth of the reports costs the index most (its postings are long)
    // and ranks little: asked for only among the first few.
    .filter(([key], i) => i < ALWAYS_ASKED || weightOf(key, weights) >= COMMON)
    .map(([key, surface]) => ftsAlternatives(key, surface));
  if (terms.length === 0) return [];
  return prepared(
    db,
    'SELECT rowid FROM report_search WHERE report_search MATCH ? ORDER BY rank LIMIT ?',
  )
    .pluck()
    .all(terms.join(' OR '), options.reports) as number[];
}
