// npm run bench suggest: suggestions for one passage, and one report's shared wording, at 10,000
// generated reports with planted copies and paraphrases (docs/suggestions.md), against brute-force
// scoring of every sentence of the corpus with the same measure in the same run.
//
// The baseline is brute force done well (DESIGN §8): every sentence of the desk is cut and
// profiled once, before any timing (that time is printed, not counted), with the same weights,
// memoised; a query then only scores each profiled sentence. The subject is what the analyst waits
// for: compare.suggest's whole path (the index query, reading, cutting and profiling the candidate
// reports, scoring), with what the running desk keeps between calls warm and nothing else: the
// words' stems and the desk's weights (kept until its reports change); no report is kept. The
// subject dismisses a sentence by an exact upper bound (mayReach) before scoring it; the baseline
// scores every sentence in full, as brute force does. Recall: the share of the brute force's top
// 10 above the threshold (all its matches, for shared wording) that the subject also returns.
//
// Planted: 20 sentences of the corpus each get 4 variants in 4 new reports: a copy, a copy with
// two words changed, its two halves swapped, and a paraphrase (every third word dropped, three
// other words put in, halves swapped). Harder paraphrases: 10 market prices, each said in a new
// report ("Traders in Hyesan said rice sold for 6,000 won per kilogram …", the passage) and in 3
// others: synonyms, clauses reordered and the price in words ("A kilo of rice fetched six thousand
// won at Hyesan market …"); reordered again with the price's comma dropped; and another price in
// words, which the stance hint should call a contradiction. The cached desk is copied, so the
// cache stays as built.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  deskWeights,
  inWords,
  reportReader,
  type CorpusReport,
} from '../../electron/core/compare/corpus.ts';
import { profile, similarity, SCORE, type Profile } from '../../electron/core/compare/measure.ts';
import { similar, suggest } from '../../electron/core/compare/suggest.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { createPassage } from '../../electron/core/db/passages.ts';
import { storeReports } from '../../electron/core/db/reports.ts';
import { prepareReport, type PreparedReport } from '../../electron/core/import/index.ts';
import { generateReport, mulberry32, vocabulary } from './corpus.ts';
import { cachedDesk, ROOT } from './desk-cache.ts';
import { compare, verdict } from './harness.ts';

const COUNT = Number(process.env.BENCH_SUGGEST_REPORTS ?? 10_000);
const SOURCES = 20;
const ROUNDS = Number(process.env.BENCH_SUGGEST_ROUNDS ?? 30);
const TOP = 10;
const MIN_KEYS = 3;

const cached = await cachedDesk(COUNT);
const dir = mkdtempSync(join(tmpdir(), 'source-desk-suggest-bench-'));
const file = join(dir, 'desk.sqlite');
copyFileSync(cached, file);
const { db } = openDesk(file);
db.prepare(`INSERT OR REPLACE INTO preferences (key, value) VALUES ('reviewer', 'Bench')`).run();

// Planting.
const v = vocabulary();
const random = mulberry32(11);
const word = (): string => v.words[30 + Math.floor(random() * 3000)] as string;
const read = reportReader(db);
const passages: { id: number; reportId: number }[] = [];
const planted: PreparedReport[] = [];
for (let k = 0; k < SOURCES; k++) {
  const reportId = 1 + ((k * 487 + 13) % COUNT);
  const report = read(reportId) as CorpusReport;
  const best = [...report.sentences].sort((a, b) => b.profile.keys.size - a.profile.keys.size)[0];
  if (!best) throw new Error(`report ${reportId} has no sentence`);
  const text = report.text.slice(best.start, best.end);
  passages.push({
    reportId,
    id: createPassage(db, { reportId, start: best.start, end: best.end, exact: text, note: '' }).id,
  });
  const words = text.replace(/[.!?]$/, '').split(' ');
  const half = Math.floor(words.length / 2);
  const swap = (ws: string[]): string[] => [...ws.slice(half), ...ws.slice(0, half)];
  const edited = [...words];
  for (let e = 0; e < 2; e++) edited[Math.floor(random() * edited.length)] = word();
  const paraphrase = swap(words.filter((_, i) => i % 3 !== 2));
  for (let e = 0; e < 3; e++)
    paraphrase.splice(Math.floor(random() * paraphrase.length), 0, word());
  const variants = [words, edited, swap(words), paraphrase].map(
    (ws) => `${ws.join(' ').replace(/^./, (c) => c.toUpperCase())}.`,
  );
  for (const variant of variants) {
    const n = planted.length;
    const lines = generateReport(COUNT + n).text.split('\n');
    lines.splice(Math.floor(lines.length / 2), 0, variant);
    planted.push(await prepareReport(Buffer.from(lines.join('\n')), `planted-${n}.txt`));
  }
}
const CITIES = ['Hyesan', 'Sinuiju', 'Chongjin', 'Hamhung', 'Pyongyang', 'Hoeryong', 'Musan'];
const GOODS = ['rice', 'corn', 'pork', 'flour', 'sugar', 'soybeans', 'potatoes', 'salt', 'noodles'];
const markets: { source: string; variants: string[]; contradicts: boolean[] }[] = [];
for (let k = 0; k < 10; k++) {
  const city = CITIES[k % CITIES.length] as string;
  const good = GOODS[k % GOODS.length] as string;
  const price = 500 + 100 * Math.floor(random() * 150);
  const other = price + 100 * (5 + Math.floor(random() * 40));
  const Good = good.replace(/^./, (c) => c.toUpperCase());
  markets.push({
    source: `Traders in ${city} said ${good} sold for ${price.toLocaleString('en')} won per kilogram this week.`,
    variants: [
      `A kilo of ${good} fetched ${inWords(price)} won at ${city} market this week, merchants reported.`,
      `At the market in ${city} this week, vendors were selling ${good} at ${price} won a kilo.`,
      `${Good} now sells for ${inWords(other)} won per kilogram in ${city}, a dealer said.`,
    ],
    contradicts: [false, false, true],
  });
}
const plantIn = async (sentence: string): Promise<PreparedReport> => {
  const n = planted.length;
  const lines = generateReport(COUNT + n).text.split('\n');
  lines.splice(Math.floor(lines.length / 2), 0, sentence);
  return prepareReport(Buffer.from(lines.join('\n')), `planted-${n}.txt`);
};
const marketSources: number[] = [];
for (const m of markets) {
  marketSources.push(planted.length);
  planted.push(await plantIn(m.source));
  for (const variant of m.variants) planted.push(await plantIn(variant));
}
const stored = storeReports(db, planted);
const failed = stored.filter((r) => r instanceof Error);
if (failed.length) throw failed[0] as Error;
const storedId = (n: number): number => (stored[n] as { id: number }).id;
const marketPassages = markets.map((m, k) => {
  const reportId = storedId(marketSources[k] as number);
  const text = (reportReader(db)(reportId) as CorpusReport).text;
  const start = text.indexOf(m.source);
  const end = start + m.source.length;
  const id = createPassage(db, { reportId, start, end, exact: m.source, note: '' }).id;
  passages.push({ id, reportId });
  return {
    id,
    variantReports: m.variants.map((_, v) => storedId((marketSources[k] as number) + 1 + v)),
  };
});
const reports = db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
console.log(
  `desk: ${reports} reports (${COUNT} from ${cached.slice(ROOT.length + 1)} + ${planted.length} planted)`,
);

// The brute force's profiled corpus.
const started = performance.now();
const weights = deskWeights(db);
const all = reportReader(db);
const corpus: { reportId: number; start: number; end: number; profile: Profile }[] = [];
for (const id of db.prepare('SELECT id FROM reports').pluck().all() as number[])
  for (const s of (all(id) as CorpusReport).sentences)
    if (s.profile.keys.size >= MIN_KEYS) corpus.push({ reportId: id, ...s });
console.log(
  `brute force: ${corpus.length} sentences cut and profiled once in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below)`,
);

type Hit = { reportId: number; start: number; score: number };
const keyOf = (h: { reportId: number; start: number }): string => `${h.reportId}:${h.start}`;

function bruteSuggest(passageId: number): Hit[] {
  const p = db
    .prepare('SELECT report_id, position_start, position_end, exact FROM passages WHERE id = ?')
    .raw()
    .get(passageId) as [number, number, number, string];
  const [reportId, start, end, exact] = p;
  const want = profile(exact);
  const hits: Hit[] = [];
  for (const s of corpus) {
    if (s.reportId === reportId && s.start < end && start < s.end) continue;
    const score = similarity(want, s.profile, weights);
    if (score >= SCORE.suggest) hits.push({ reportId: s.reportId, start: s.start, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, TOP);
}

/** Share of `want` found in `got`; a miss tied in score with `got`'s last counts as found. */
function recall(want: Hit[], got: Hit[]): { found: number; of: number } {
  const keys = new Set(got.map(keyOf));
  const floor = got.length === TOP ? Math.round((got.at(-1) as Hit).score * 1000) : Infinity;
  const found = want.filter(
    (h) => keys.has(keyOf(h)) || Math.round(h.score * 1000) === floor,
  ).length;
  return { found, of: want.length };
}

// Suggestions for one passage.
let found = 0;
let of = 0;
for (const p of passages) {
  const r = recall(bruteSuggest(p.id), suggest(db, { passageId: p.id }, TOP));
  found += r.found;
  of += r.of;
}
const suggestRecall = found / of;
console.log(
  `suggestions: ${found} of the brute force's ${of} top-${TOP} hits above ${SCORE.suggest} found (${(suggestRecall * 100).toFixed(1)}%)`,
);
verdict(
  'suggestions recall of the brute force top 10',
  `${(suggestRecall * 100).toFixed(1)}% (target ≥ 95%)`,
  suggestRecall >= 0.95,
);
// The harder paraphrases: each found, and the stance hint right about the price.
let plantedFound = 0;
let hintsRight = 0;
let plantedOf = 0;
for (const [k, m] of marketPassages.entries()) {
  const got = suggest(db, { passageId: m.id }, TOP);
  for (const [v, reportId] of m.variantReports.entries()) {
    plantedOf++;
    const hit = got.find((g) => g.reportId === reportId);
    if (!hit) continue;
    plantedFound++;
    const contradicts = (markets[k] as { contradicts: boolean[] }).contradicts[v];
    if ((hit.stanceHint === 'contradicts') === contradicts) hintsRight++;
  }
}
console.log(
  `harder paraphrases: ${plantedFound} of ${plantedOf} planted market sentences suggested in the top ${TOP}, ${hintsRight} with the right hint (contradicts for another price, else not)`,
);
verdict(
  'harder paraphrases (synonyms, reordered, numbers in words) suggested',
  `${plantedFound} of ${plantedOf}, ${hintsRight} hinted right (target all)`,
  plantedFound === plantedOf && hintsRight === plantedOf,
);
let next = 0;
let nextBrute = 0;
const timed = (fn: () => unknown) => (): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
await compare({
  title: `suggestions for one passage at ${reports} reports (a different passage each round)`,
  baseline: {
    name: 'brute force, every sentence pre-profiled',
    run: timed(() => bruteSuggest((passages[nextBrute++ % passages.length] as { id: number }).id)),
  },
  subject: {
    name: 'suggest (index query, read, cut and score)',
    run: timed(() =>
      suggest(db, { passageId: (passages[next++ % passages.length] as { id: number }).id }),
    ),
  },
  warmup: 2,
  rounds: ROUNDS,
  judgeQuantile: 0.95,
  target: { kind: 'speed', atLeast: 20 },
});

// Shared wording of one report.
function bruteSimilar(reportId: number): Hit[] {
  const mine = (all(reportId) as CorpusReport).sentences.filter(
    (s) => s.profile.keys.size >= MIN_KEYS,
  );
  const hits: Hit[] = [];
  for (const s of mine)
    for (const t of corpus) {
      if (t.reportId === reportId) continue;
      const score = similarity(s.profile, t.profile, weights);
      if (score >= SCORE.similar)
        hits.push({ reportId: t.reportId, start: s.start * 1e7 + t.start, score });
    }
  return hits;
}
const similarHits = (reportId: number): Hit[] =>
  similar(db, reportId, 500).map((s) => ({
    reportId: s.other.reportId,
    start: s.start * 1e7 + s.other.start,
    score: s.score,
  }));
found = 0;
of = 0;
const sample = passages.slice(0, 3).map((p) => p.reportId);
for (const reportId of sample) {
  const want = bruteSimilar(reportId);
  const got = new Set(similarHits(reportId).map(keyOf));
  found += want.filter((h) => got.has(keyOf(h))).length;
  of += want.length;
}
const similarRecall = found / of;
console.log(
  `shared wording: ${found} of the brute force's ${of} sentence pairs at ${SCORE.similar} or more found (${(similarRecall * 100).toFixed(1)}%)`,
);
verdict(
  'shared wording recall of the brute force',
  `${(similarRecall * 100).toFixed(1)}% (target ≥ 95%)`,
  similarRecall >= 0.95,
);
let nextReport = 0;
let nextReportBrute = 0;
await compare({
  title: `shared wording of one report at ${reports} reports (a different report each round)`,
  baseline: {
    name: 'brute force, every sentence pre-profiled',
    run: timed(() => bruteSimilar(sample[nextReportBrute++ % sample.length] as number)),
  },
  subject: {
    name: 'similar (index query per sentence, read, cut and score)',
    run: timed(() => similar(db, sample[nextReport++ % sample.length] as number)),
  },
  warmup: 0,
  rounds: 3,
  judgeQuantile: 0.95,
  target: { kind: 'speed', atLeast: 20 },
});

db.close();
rmSync(dir, { recursive: true, force: true });
