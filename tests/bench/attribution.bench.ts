// node tests/bench/attribution.bench.ts: how long findMentions takes on the generated corpus
// (10,000 realistic reports, the import bench's) and on 2 MB of pathological text each, the
// bound docs/attribution.md states. Prints timings only; there is no baseline to compare with.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findMentions } from '../../shared/attribution.ts';
import { writeCorpus } from './corpus.ts';

const COUNT = Number(process.env.BENCH_REPORTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const work = mkdtempSync(join(tmpdir(), 'source-desk-attribution-'));
try {
  const bytes = writeCorpus(work, COUNT);
  const texts = readdirSync(work).map((f) => readFileSync(join(work, f), 'utf8'));
  const times: number[] = [];
  let mentions = 0;
  for (let round = 0; round < ROUNDS; round++) {
    mentions = 0;
    const start = performance.now();
    for (const text of texts) mentions += findMentions(text).length;
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(
    `corpus: ${COUNT} reports, ${(bytes / 1e6).toFixed(1)} MB, ${mentions} mentions: median ${ms.toFixed(0)} ms ` +
      `(${times.map((t) => t.toFixed(0)).join(', ')}), ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

const SIZE = 2_000_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const PATHOLOGICAL: [string, string][] = [
  ['no sentence end', fill('word ')],
  ['one long word', 'a'.repeat(SIZE)],
  ['opening quotes', fill('“')],
  ['commas before verbs', fill(', , , , said ')],
  ['according to, repeated', fill('according to ')],
  ['agents, repeated', fill('taken by taken by ')],
  ['speakers without end', fill('a source said ')],
  ['back-references', fill('He said it. The source said so. ')],
  ['colon paragraphs', fill('A resident said:\n“Yes.”\n')],
];
for (const [name, text] of PATHOLOGICAL) {
  const times: number[] = [];
  let count = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    count = findMentions(text).length;
    times.push(performance.now() - start);
  }
  console.log(`2 MB ${name}: median ${median(times).toFixed(0)} ms, ${count} mentions`);
}
