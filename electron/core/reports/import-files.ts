import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ImportResult, ReportMetadata } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { storeReports } from '../db/reports.ts';
import { describeFsError } from '../fs-errors.ts';
import { ImportRejection, type PreparedReport } from '../import/index.ts';
import { startParsePool, type ParsePool } from '../import/parse-pool.ts';
import { MANIFEST_NAME, manifestMetadata, parseManifest, type Manifest } from './manifest.ts';

export interface ImportOptions {
  /** Applied to every file, over what the file and any manifest say. */
  overrides?: ReportMetadata;
  /** Called as each file is done, for progress. */
  onResult?: (result: ImportResult) => void;
  /**
   * The parse worker to use (a long-lived desk keeps one); otherwise this import starts its own,
   * one per core up to PARSE_THREADS, and hands them the files in turn.
   */
  pool?: ParsePool;
}

/**
 * Parse threads an import of its own starts at most: two cores parse a batch of PDFs or Word files
 * in about half the time; more threads would each hold another parser's memory (up to the
 * worker's heap limit) for little more on the machines analysts use.
 */
export const PARSE_THREADS = 2;

/** Files parsed between two writes: enough to amortise a commit, few enough to report progress often. */
const GROUP_SIZE = 500;
/**
 * Groups are smaller in a smaller import, a quarter of it down to this, so that writing one group
 * overlaps parsing the next even for a hundred files (slow ones, such as PDFs).
 */
const MIN_GROUP_SIZE = 20;
/** Bytes of files a group holds at most (past its first file): the originals it keeps in memory. */
export const GROUP_BYTES = 256 * 1024 * 1024;

/** Files of a folder, recursively and sorted, without hidden files and the manifest. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === MANIFEST_NAME) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesIn(path)));
    else files.push(path);
  }
  return files;
}

/** A file after parsing: a report ready to store, or the result it already has (a rejection). */
export type Parsed =
  { file: string; report: PreparedReport } | { file: string; result: ImportResult };

/** Stores a group of parsed files at once (see storeReports) and gives each file its result, in order. */
export function storeParsed(db: Db, group: Parsed[]): ImportResult[] {
  const toStore = group.filter(
    (p): p is Extract<Parsed, { report: PreparedReport }> => 'report' in p,
  );
  const stored = new Map(toStore.map((p, i) => [p, i]));
  const outcomes = storeReports(
    db,
    toStore.map((p) => p.report),
  );
  return group.map((parsed): ImportResult => {
    if ('result' in parsed) return parsed.result;
    const { file, report } = parsed;
    const s = outcomes[stored.get(parsed) as number];
    if (s === undefined || s instanceof Error) {
      // The write failed and was rolled back: the file is not in the desk.
      return {
        file,
        status: 'rejected',
        message: `could not be stored (${s?.message ?? 'unknown error'})`,
      };
    }
    if (s.status === 'imported')
      return { file, status: 'imported', reportId: s.id, title: report.title };
    return {
      file,
      status: 'duplicate',
      reportId: s.id,
      title: s.title,
      message: `the same text is already in the desk as report ${s.id} ("${s.title}")`,
    };
  });
}

/**
 * Parses one file's bytes or reads it from disk. Whatever goes wrong becomes that file's
 * rejection, never the batch's: the other files go on.
 */
export async function parseFile(
  file: string,
  read: () => Promise<PreparedReport>,
): Promise<Parsed> {
  try {
    return { file, report: await read() };
  } catch (error) {
    const message =
      error instanceof ImportRejection
        ? error.message
        : `could not be read (${(error as Error)?.message ?? String(error)})`;
    return { file, result: { file, status: 'rejected', message } };
  }
}

/** One file to import, or the result it already has (an unreadable path, a bad manifest). */
type Planned = { file: string; metadata: ReportMetadata } | { file: string; result: ImportResult };

/**
 * Imports files and folders. Each file is all-or-nothing: a bad file is rejected with its reason
 * and nothing of it is stored, and the other files go on. Files are parsed in a worker thread
 * with time and memory limits (parse-pool.ts), so no file can hang or crash the import, and the
 * next group is read and parsed while the previous one is written. Each group is written at once
 * (see storeReports); no transaction is held across an await.
 */
export async function importPaths(
  db: Db,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  const planned = await plan(paths, options.overrides ?? {});
  const toParse = planned.filter((p) => !('result' in p)).length;
  const threads = Math.max(1, Math.min(PARSE_THREADS, availableParallelism(), toParse));
  const pools = options.pool
    ? [options.pool]
    : Array.from({ length: threads }, () => startParsePool());
  const groupSize = Math.min(GROUP_SIZE, Math.max(MIN_GROUP_SIZE, Math.ceil(planned.length / 4)));
  // The files in turn to each thread; results are gathered in the files' order all the same.
  let turn = 0;
  const parse = (item: Planned): Promise<Parsed> => {
    if ('result' in item) return Promise.resolve(item);
    const pool = pools[turn++ % pools.length] as ParsePool;
    return parseFile(item.file, () => pool.parse({ path: item.file, metadata: item.metadata }));
  };
  // A group ends at its count or once its files weigh GROUP_BYTES: each parsed file carries its
  // original's bytes until the group is written, and the next group is parsed meanwhile.
  const groupEnd = async (from: number): Promise<number> => {
    let bytes = 0;
    let end = from;
    while (end < planned.length && end - from < groupSize && bytes < GROUP_BYTES) {
      const item = planned[end++] as Planned;
      if (!('result' in item)) bytes += (await stat(item.file).catch(() => undefined))?.size ?? 0;
    }
    return end;
  };
  const startGroup = async (from: number): Promise<{ end: number; parsed: Promise<Parsed[]> }> => {
    const end = await groupEnd(from);
    return { end, parsed: Promise.all(planned.slice(from, end).map(parse)) };
  };
  const results: ImportResult[] = [];
  try {
    let next = await startGroup(0);
    for (let from = 0; from < planned.length;) {
      const { end, parsed } = next;
      const group = await parsed;
      // The parse threads work on the next group while this one is written.
      if (end < planned.length) next = await startGroup(end);
      for (const result of storeParsed(db, group)) {
        results.push(result);
        options.onResult?.(result);
      }
      from = end;
    }
  } finally {
    if (!options.pool) await Promise.all(pools.map((p) => p.close()));
  }
  return results;
}

/** The files to import, in order, each with the metadata its folder's manifest and the caller give it. */
async function plan(paths: string[], overrides: ReportMetadata): Promise<Planned[]> {
  const planned: Planned[] = [];
  const manifests = new Map<string, Manifest | Error | undefined>();
  for (const path of paths) {
    let files: string[];
    try {
      files = (await stat(path)).isDirectory() ? await filesIn(path) : [path];
    } catch (error) {
      const message = `cannot read (${describeFsError(error)})`;
      planned.push({ file: path, result: { file: path, status: 'rejected', message } });
      continue;
    }
    for (const file of files) {
      const folder = dirname(file);
      if (!manifests.has(folder)) manifests.set(folder, await loadManifest(folder));
      const manifest = manifests.get(folder);
      if (manifest instanceof Error)
        planned.push({ file, result: { file, status: 'rejected', message: manifest.message } });
      else
        planned.push({
          file,
          metadata: { ...manifestMetadata(manifest, basename(file)), ...overrides },
        });
    }
  }
  return planned;
}

async function loadManifest(folder: string): Promise<Manifest | Error | undefined> {
  const path = join(folder, MANIFEST_NAME);
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseManifest(json, path);
  } catch (error) {
    return error as Error;
  }
}
