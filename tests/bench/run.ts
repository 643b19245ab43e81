// npm run bench [name…]: the corpus check, then each bench in its own process (one bench's heap
// and caches never weigh on the next), then every verdict in one summary. The import bench runs
// twice: on every core, and pinned to one with `taskset -c 0` (util-linux) when it is installed.
import { spawn, spawnSync } from 'node:child_process';

interface Bench {
  name: string;
  command: string[];
}

const node = process.execPath;
const here = 'tests/bench';
const hasTaskset = spawnSync('taskset', ['-p', String(process.pid)]).status === 0;
const BENCHES: Bench[] = [
  { name: 'corpus', command: [node, `${here}/corpus-check.ts`] },
  { name: 'import', command: [node, `${here}/import.bench.ts`] },
  { name: 'import-one-core', command: ['taskset', '-c', '0', node, `${here}/import.bench.ts`] },
  { name: 'search', command: [node, `${here}/search.bench.ts`] },
  { name: 'claims', command: [node, `${here}/claims.bench.ts`] },
  { name: 'sets', command: [node, `${here}/sets.bench.ts`] },
  { name: 'anchoring', command: [node, `${here}/anchoring.bench.ts`] },
  { name: 'reader', command: [node, `${here}/reader.bench.ts`] },
  { name: 'library', command: [node, `${here}/library.bench.ts`] },
  { name: 'suggest', command: [node, `${here}/suggest.bench.ts`] },
  { name: 'ocr', command: [node, `${here}/ocr.bench.ts`] },
  { name: 'pdf', command: [node, `${here}/pdf.bench.ts`] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
if (unknown.length) {
  console.error(
    `no bench named ${unknown.join(', ')} (there are: ${BENCHES.map((b) => b.name).join(', ')})`,
  );
  process.exit(2);
}

function run(bench: Bench): Promise<{ code: number | null; verdicts: string[] }> {
  return new Promise((resolve) => {
    const [command, ...args] = bench.command as [string, ...string[]];
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const verdicts: string[] = [];
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('verdict: ')) verdicts.push(line.slice(9));
    });
    child.on('close', (code) => resolve({ code, verdicts }));
  });
}

const summary: string[] = [];
const failed: string[] = [];
const started = Date.now();
for (const bench of BENCHES) {
  if (wanted.length && !wanted.includes(bench.name)) continue;
  console.log(`\n== ${bench.name} ==`);
  if (bench.command[0] === 'taskset' && !hasTaskset) {
    summary.push(`${bench.name}: skipped (taskset not found; it is in util-linux)`);
    continue;
  }
  const { code, verdicts } = await run(bench);
  if (code !== 0) failed.push(`${bench.name} (exit ${code})`);
  summary.push(...verdicts.map((v) => `${bench.name}: ${v}`));
}
console.log(`\n== summary (${((Date.now() - started) / 60000).toFixed(1)} min) ==`);
for (const line of summary) console.log(line);
if (failed.length) {
  console.log(`failed to run: ${failed.join(', ')}`);
  process.exitCode = 1;
}
