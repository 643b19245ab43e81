// One way to measure for every bench: warm-up, then alternating rounds of subject and baseline
// (the order flips each round, so neither always runs on a warmer cache or a quieter machine),
// then the median and min–max of each and their ratio against the target, in one uniform format.
// Each side returns the milliseconds it measured, so a side can leave its setup out of the timing.
import { performance } from 'node:perf_hooks';

export interface Side {
  name: string;
  /** One measurement, in milliseconds. */
  run: () => number | Promise<number>;
}

export interface Comparison {
  title: string;
  baseline: Side;
  subject: Side;
  warmup?: number;
  rounds?: number;
  /**
   * 'time': subject ÷ baseline (lower is better), e.g. "≤ 1.5× the bare query".
   * 'speed': baseline ÷ subject time (higher is better), e.g. "≥ 0.5× the bare throughput".
   */
  target: { kind: 'time'; atMost: number } | { kind: 'speed'; atLeast: number };
  /** Also judge on this quantile (0.95 for p95) instead of the median. */
  judgeQuantile?: number;
  /** Printed for information: no verdict line (and so not in `npm run bench`'s summary). */
  informational?: boolean;
  /** Extra text after a side's figures (throughput, say), from its median. */
  describe?: (medianMs: number) => string;
}

export interface Outcome {
  baseline: number[];
  subject: number[];
  ratio: number;
  met: boolean;
}

/** Nearest-rank quantile (q in [0, 1]). */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** Milliseconds one synchronous call takes. */
export function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));

/** median, min–max (and p95 when asked) of one side, as one line. */
export function summary(name: string, xs: readonly number[], extra = '', q?: number): string {
  const quant = q === undefined ? '' : `  p${Math.round(q * 100)} ${ms(quantile(xs, q))} ms`;
  return `  ${name.padEnd(52)} median ${ms(median(xs)).padStart(7)} ms  (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})${quant}  n=${xs.length}${extra ? `  ${extra}` : ''}`;
}

/** The line `npm run bench` collects into its closing summary. */
export function verdict(title: string, text: string, met: boolean): void {
  console.log(`verdict: ${title}: ${text} ${met ? 'MET' : 'NOT MET'}`);
}

export async function compare(c: Comparison): Promise<Outcome> {
  const rounds = c.rounds ?? 5;
  for (let i = 0; i < (c.warmup ?? 1); i++) {
    await c.baseline.run();
    await c.subject.run();
  }
  const baseline: number[] = [];
  const subject: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      baseline.push(await c.baseline.run());
      subject.push(await c.subject.run());
    } else {
      subject.push(await c.subject.run());
      baseline.push(await c.baseline.run());
    }
  }
  const q = c.judgeQuantile;
  const extra = (xs: number[]): string => c.describe?.(median(xs)) ?? '';
  console.log(c.informational ? `${c.title} (informational)` : c.title);
  console.log(summary(`baseline: ${c.baseline.name}`, baseline, extra(baseline), q));
  console.log(summary(`subject:  ${c.subject.name}`, subject, extra(subject), q));
  const at = (xs: number[], k: number): number => quantile(xs, k);
  const ratioAt = (k: number): number =>
    c.target.kind === 'time' ? at(subject, k) / at(baseline, k) : at(baseline, k) / at(subject, k);
  // Paired per-round ratios show how much the noise moves the figure.
  const perRound = subject.map((s, i) =>
    c.target.kind === 'time' ? s / (baseline[i] as number) : (baseline[i] as number) / s,
  );
  const ratio = ratioAt(q ?? 0.5);
  const met = c.target.kind === 'time' ? ratio <= c.target.atMost : ratio >= c.target.atLeast;
  const what = c.target.kind === 'time' ? 'subject/baseline time' : 'speed relative to baseline';
  const goal = c.target.kind === 'time' ? `≤ ${c.target.atMost}×` : `≥ ${c.target.atLeast}×`;
  const label = q === undefined ? 'medians' : `p${Math.round(q * 100)}`;
  const also = q === undefined ? '' : `; medians ${ratioAt(0.5).toFixed(2)}×`;
  console.log(
    `  ${what} (${label}) ${ratio.toFixed(2)}×${also}; per round ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}×; target ${goal}`,
  );
  if (!c.informational) verdict(c.title, `${ratio.toFixed(2)}× (${label}; target ${goal})`, met);
  return { baseline, subject, ratio, met };
}
