import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportResult } from '../../shared/api.ts';
import type { Db } from './db/connection.ts';
import { importPaths } from './reports/import-files.ts';

/** The seeds folder of a checkout or of a packaged app (passed in by the Electron shell). */
export function seedsDir(override?: string): string | undefined {
  const candidates = [
    override,
    resolve(dirname(fileURLToPath(import.meta.url)), '../../seeds'),
    join(process.cwd(), 'seeds'),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'manifest.json')));
}

/** Loads the demo case (the seed reports) into a desk. */
export async function loadDemoCase(db: Db, dir = seedsDir()): Promise<ImportResult[]> {
  if (!dir)
    throw new Error('the demo case (seeds/) is not installed with this copy of Source Desk');
  return importPaths(db, [dir]);
}
