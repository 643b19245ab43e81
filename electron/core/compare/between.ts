// Shared wording between the reports of a compare (docs/suggestions.md): every pair of sentences,
// one in each of two of the reports, that nearly match by the suggestion measure, with the words
// each has that the other lacks. Unlike similar(), the reports are given: no index lookup, every
// sentence of each is weighed against the other's, through a map of the other's keys, so that
// only sentences sharing a word are scored.
import type { WordingPair } from '../../../shared/api/compare.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { deskWeights, reportReader, type CorpusReport, type Sentence } from './corpus.ts';
import { MIN_KEYS } from './suggest.ts';
import {
  differingWords,
  mayReach,
  similarity,
  weightOf,
  SCORE,
  type Profile,
  type Weights,
} from './measure.ts';

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * The keys of a sentence worth looking up: a sentence that shares with it only keys weighing less
 * in all than ((similar − bigrams) / overlap)² of its weight cannot reach the similar score (see
 * mayReach), so its commonest keys, as many as weigh less than that together, find nothing that
 * its rarer keys would not. Common words ("North", "Korea") are in most sentences: looked up, they
 * would make every sentence a candidate of every other.
 */
function keysToLookUp(p: Profile, weights: Weights): string[] {
  const weighed = [...p.keys.keys()]
    .map((key) => ({ key, weight: weightOf(key, weights) }))
    .sort((a, b) => a.weight - b.weight);
  const total = weighed.reduce((sum, k) => sum + k.weight, 0);
  const reach = (SCORE.similar - SCORE.bigrams) / SCORE.overlap;
  const needed = reach * reach * total;
  let dropped = 0;
  let at = 0;
  while (at < weighed.length && dropped + (weighed[at] as { weight: number }).weight < needed)
    dropped += (weighed[at++] as { weight: number }).weight;
  return weighed.slice(at).map((k) => k.key);
}

/** The sentences of `report` by each of their keys. */
function byKey(report: CorpusReport): Map<string, Sentence[]> {
  const index = new Map<string, Sentence[]>();
  for (const s of report.sentences) {
    if (s.profile.keys.size < MIN_KEYS) continue;
    for (const key of s.profile.keys.keys()) {
      const list = index.get(key);
      if (list) list.push(s);
      else index.set(key, [s]);
    }
  }
  return index;
}

/** The nearly matching sentences of every pair of the reports, best first, at most `limit`. */
export function sharedWording(db: Db, reportIds: readonly number[], limit: number): WordingPair[] {
  const read = reportReader(db);
  const reports = reportIds.map((id) => {
    const report = read(id);
    if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
    return report;
  });
  const weights = deskWeights(db);
  const found: WordingPair[] = [];
  reports.forEach((a, i) => {
    for (const b of reports.slice(i + 1)) {
      const index = byKey(b);
      for (const mine of a.sentences) {
        if (mine.profile.keys.size < MIN_KEYS) continue;
        const seen = new Set<Sentence>();
        for (const key of keysToLookUp(mine.profile, weights))
          for (const theirs of index.get(key) ?? []) seen.add(theirs);
        for (const theirs of seen) {
          if (!mayReach(mine.profile, theirs.profile, weights, SCORE.similar)) continue;
          const score = similarity(mine.profile, theirs.profile, weights);
          if (score < SCORE.similar) continue;
          const differ = differingWords(mine.profile, theirs.profile);
          found.push({
            score: round(score),
            sides: [
              {
                reportId: a.id,
                start: mine.start,
                end: mine.end,
                text: a.text.slice(mine.start, mine.end),
                only: differ.here,
              },
              {
                reportId: b.id,
                start: theirs.start,
                end: theirs.end,
                text: b.text.slice(theirs.start, theirs.end),
                only: differ.there,
              },
            ],
          });
        }
      }
    }
  });
  return found
    .sort(
      (x, y) =>
        y.score - x.score ||
        x.sides[0].reportId - y.sides[0].reportId ||
        x.sides[0].start - y.sides[0].start,
    )
    .slice(0, limit);
}
