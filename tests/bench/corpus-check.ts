// npm run bench (first): what the generator actually produces, read back through the real import
// path, with the checks the benches rely on. Exits non-zero if the corpus is not what they assume.
import { prepareReport } from '../../electron/core/import/index.ts';
import { DEFAULT_CORPUS, generateReport, OUTLETS, vocabulary } from './corpus.ts';
import { quantile } from './harness.ts';

const COUNT = Number(process.env.BENCH_CHECK_REPORTS ?? 2000);
const v = vocabulary();
const distinct: number[] = [];
const tokens: number[] = [];
const chars: number[] = [];
const outlets = new Map<string, number>();
const corpusWords = new Map<string, number>();
let titlesRight = 0;
let datesRight = 0;
let outletsRight = 0;
const samples: string[] = [];
for (let i = 0; i < COUNT; i++) {
  const made = generateReport(i);
  const report = await prepareReport(Buffer.from(made.text), `report-${i}.txt`);
  const words = report.text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  const own = new Set(words);
  distinct.push(own.size);
  tokens.push(words.length);
  chars.push(report.chars);
  for (const w of own) corpusWords.set(w, (corpusWords.get(w) ?? 0) + 1);
  outlets.set(report.outlet ?? '(none)', (outlets.get(report.outlet ?? '(none)') ?? 0) + 1);
  if (report.title === made.title) titlesRight++;
  if (report.publishedAt === made.publishedAt) datesRight++;
  if (report.outlet === made.outlet) outletsRight++;
  if (i < 4) samples.push(`  ${report.publishedAt}  ${report.outlet}  “${report.title}”`);
}

const spread = (xs: number[]): string =>
  `median ${quantile(xs, 0.5)}, p10 ${quantile(xs, 0.1)}, p90 ${quantile(xs, 0.9)}, min ${Math.min(...xs)}, max ${Math.max(...xs)}`;
const byShare = [...outlets].sort((a, b) => b[1] - a[1]);
const pct = (n: number): string => `${((100 * n) / COUNT).toFixed(1)}%`;
const top = [...corpusWords].sort((a, b) => b[1] - a[1]).slice(0, 8);
console.log(
  `corpus: ${COUNT} reports through prepareReport; vocabulary ${v.words.length} words, Zipf 1/(rank+${DEFAULT_CORPUS.offset})^${DEFAULT_CORPUS.exponent}`,
);
console.log(`  distinct words per report: ${spread(distinct)}`);
console.log(`  words per report:          ${spread(tokens)}`);
console.log(`  characters per report:     ${spread(chars)}`);
console.log(
  `  distinct words in all ${COUNT}: ${corpusWords.size}; commonest (share of reports): ${top.map(([w, n]) => `${w} ${pct(n)}`).join(', ')}`,
);
console.log(
  `  token share of the top word "${v.words[0]}": ${((v.probability[0] as number) * 100).toFixed(1)}%`,
);
console.log(
  `  outlets: ${outlets.size}; ${byShare
    .slice(0, 5)
    .map(([o, n]) => `${o} ${pct(n)}`)
    .join(', ')}, … smallest ${byShare.at(-1)?.[0]} ${pct(byShare.at(-1)?.[1] ?? 0)}`,
);
console.log(
  `  importer read back: titles ${titlesRight}/${COUNT}, dates ${datesRight}/${COUNT}, outlets ${outletsRight}/${COUNT}`,
);
console.log(samples.join('\n'));

const failures: string[] = [];
if (quantile(distinct, 0.1) < 150)
  failures.push('fewer than 150 distinct words in a tenth of reports');
if (outlets.size !== OUTLETS.length)
  failures.push(`${outlets.size} outlets, not ${OUTLETS.length}`);
const main = (byShare[0]?.[1] ?? 0) / COUNT;
if (main < 0.6 || main > 0.7) failures.push(`the main outlet holds ${pct(byShare[0]?.[1] ?? 0)}`);
if (titlesRight + datesRight + outletsRight !== 3 * COUNT)
  failures.push('the importer did not read back every title, date and outlet');
if (failures.length) {
  console.log(`corpus check: FAILED (${failures.join('; ')})`);
  process.exitCode = 1;
} else console.log('corpus check: OK');
