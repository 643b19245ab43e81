// A desk of generated reports, built once and kept under .bench/ for reruns, named by everything
// that decides its contents (generator parameters and source, report count, schema).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/core/db/connection.ts';
import { MIGRATIONS } from '../../electron/core/db/migrate.ts';
import { storeReports } from '../../electron/core/db/reports.ts';
import { prepareReport, type PreparedReport } from '../../electron/core/import/index.ts';
import { DEFAULT_CORPUS, generateReport } from './corpus.ts';

const GROUP = 1000;
export const ROOT = resolve(import.meta.dirname, '../..');

/** The file of the cached desk of `count` reports, built first if it is not there yet. */
export async function cachedDesk(count: number): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify({ COUNT: count, DEFAULT_CORPUS, MIGRATIONS }))
    .update(readFileSync(join(import.meta.dirname, 'corpus.ts')))
    .digest('hex')
    .slice(0, 16);
  const file = join(ROOT, '.bench', `search-${count}-${key}.sqlite`);
  if (!existsSync(file)) {
    console.log(`building a desk of ${count} generated reports in ${file} (kept for reruns)`);
    await buildDesk(file, count);
  }
  return file;
}

async function buildDesk(file: string, count: number): Promise<void> {
  mkdirSync(resolve(file, '..'), { recursive: true });
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const { db } = openDesk(building);
  const started = performance.now();
  for (let from = 0; from < count; from += GROUP) {
    const group: PreparedReport[] = [];
    for (let i = from; i < Math.min(count, from + GROUP); i++)
      group.push(await prepareReport(Buffer.from(generateReport(i).text), `report-${i}.txt`));
    const failed = storeReports(db, group).filter((r) => r instanceof Error);
    if (failed.length) throw failed[0] as Error;
    if ((from / GROUP) % 10 === 9)
      console.log(
        `  … ${from + GROUP} reports (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  db.pragma('optimize');
  db.close();
  renameSync(building, file);
}
