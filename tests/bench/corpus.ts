import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const WORDS = (
  'the source said traders in Hyesan Ryanggang province border yuan price market car vehicle smuggling ' +
  'reporting partner according to licence fee rose fell month November October state private ownership ' +
  'group purchase installment repair young people money residents authorities crackdown bribe guards river ' +
  'Yalu trucks night schoolyard import export China Pyongyang luxury sedan diesel electric road terrain'
).split(' ');

/** A deterministic pseudo-random report of about `bytes` bytes, in the seeds' shape. */
export function makeReport(i: number, bytes = 4000): string {
  let seed = (i + 1) * 2654435761;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed;
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    const n = 30 + (next() % 60);
    for (let w = 0; w < n; w++) words.push(WORDS[next() % WORDS.length] as string);
    const p = `${words.join(' ')} (report ${i}, paragraph ${paragraphs.length}).`;
    paragraphs.push(p.charAt(0).toUpperCase() + p.slice(1));
    size += p.length + 1;
  }
  return `${paragraphs.join('\n')}\nDecember ${1 + (i % 28)}, 2025 at 0${i % 10}:15AM\nby DailyNK(North Korean Media)\n`;
}

export function writeCorpus(dir: string, count: number, bytes = 4000): number {
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    const text = makeReport(i, bytes);
    total += Buffer.byteLength(text);
    writeFileSync(join(dir, `report-${String(i).padStart(5, '0')}.txt`), text);
  }
  return total;
}

/** mulberry32: a small seeded PRNG whose low bits are as random as its high ones. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const SEEDS = resolve(import.meta.dirname, '../../seeds');
const SEED_FILES = [
  '000_952f6d4bfb86788f.txt',
  '001_3161affea73c84aa.txt',
  '002_80749e2cc6ce0b1b.txt',
];

/** Prose-like text of about `chars` characters from the seeds' vocabulary: few accidental repeats. */
export function proseText(chars: number, random: (n: number) => number): string {
  const vocabulary = [
    ...new Set(
      SEED_FILES.flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split(/\s+/)).filter(Boolean),
    ),
  ];
  const sentences: string[] = [];
  for (let size = 0; size < chars;) {
    const words = Array.from(
      { length: 8 + random(25) },
      () => vocabulary[random(vocabulary.length)],
    );
    const sentence = `${words.join(' ')}.`;
    sentences.push(sentence);
    size += sentence.length + 1;
  }
  return sentences
    .map((s, i) => (i % 6 === 5 ? `${s}\n` : `${s} `))
    .join('')
    .trim();
}
