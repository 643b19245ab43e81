import type Database from 'better-sqlite3';
import { sql as initial } from './migrations/001_initial.ts';
import { sql as reportSearch } from './migrations/002_report_search.ts';
import { sql as origins } from './migrations/003_origins.ts';

/** Migration N (1-based) takes a desk from `user_version` N-1 to N. Append only; never edit one. */
export const MIGRATIONS: readonly string[] = [initial, reportSearch, origins];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDeskError extends Error {
  readonly file: string;
  readonly version: number;
  constructor(file: string, version: number) {
    super(
      `${file} was written by a newer Source Desk (schema ${version}; this one knows up to ` +
        `${SCHEMA_VERSION}). Update Source Desk to open it; the file was not changed.`,
    );
    this.name = 'NewerDeskError';
    this.file = file;
    this.version = version;
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing migrations, each in its own transaction with its `user_version` bump. */
export function migrate(db: Database.Database, upTo: number = SCHEMA_VERSION): number {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) throw new NewerDeskError(db.name, from);
  for (let version = from + 1; version <= upTo; version++) {
    const step = MIGRATIONS[version - 1];
    if (step === undefined) throw new Error(`no migration ${version}`);
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return from;
}
