import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
