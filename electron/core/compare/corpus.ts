// The desk as the suggestion measure reads it: each key's weight from the report index's own
// document frequencies (FTS5's vocabulary; our stems are its Porter stems), and reports read
// once per call, cut into sentences and profiled.
import type { Db } from '../db/connection.ts';
import { prepared } from '../db/statements.ts';
import { profile, weightOf, type Profile, type Weights } from './measure.ts';
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
        const d = (df.get(stem) as number | undefined) ?? 1;
        w = Math.log(1 + n / Math.max(1, d));
        known.set(stem, w);
      }
      return w;
    },
  };
  WEIGHTS.set(db, { stamp, weights });
  return weights;
}

const WEIGHTS = new WeakMap<Db, { stamp: string; weights: Weights }>();

/** Reads reports on demand, each once. */
export function reportReader(db: Db): (id: number) => CorpusReport | undefined {
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
    const report = row && {
      ...row,
      sentences: sentences(row.text).map((s) => ({
        ...s,
        profile: profile(row.text.slice(s.start, s.end)),
      })),
    };
    cache.set(id, report);
    return report;
  };
}

/** A key as FTS5 should look for it: quoted (a number or range becomes a phrase). */
const ftsString = (surface: string): string => `"${surface.toLowerCase().replace(/"/g, '""')}"`;

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
    .map(([, surface]) => ftsString(surface));
  if (terms.length === 0) return [];
  return prepared(
    db,
    'SELECT rowid FROM report_search WHERE report_search MATCH ? ORDER BY rank LIMIT ?',
  )
    .pluck()
    .all(terms.join(' OR '), options.reports) as number[];
}
