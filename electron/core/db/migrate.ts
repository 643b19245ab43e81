import type Database from 'better-sqlite3';
import { sql as initial } from './migrations/001_initial.ts';
import { sql as reportSearch } from './migrations/002_report_search.ts';
import { sql as origins } from './migrations/003_origins.ts';
import { sql as claimNoteSearch } from './migrations/004_claim_note_search.ts';
import { sql as idsNeverReused } from './migrations/005_ids_never_reused.ts';
import { sql as libraryOrder } from './migrations/006_library_order.ts';
import { sql as mentions } from './migrations/007_mentions.ts';
import { sql as mentionsApart } from './migrations/008_mentions_apart.ts';
import { sql as claimSets } from './migrations/009_claim_sets.ts';
import { sql as suggestions } from './migrations/010_suggestions.ts';
import { sql as originals } from './migrations/011_originals.ts';
import { sql as ocr } from './migrations/012_ocr.ts';

/** Migration N (1-based) takes a desk from `user_version` N-1 to N. Append only; never edit one. */
export const MIGRATIONS: readonly string[] = [
  initial,
  reportSearch,
  origins,
  claimNoteSearch,
  idsNeverReused,
  libraryOrder,
  mentions,
  mentionsApart,
  claimSets,
  suggestions,
  originals,
  ocr,
];

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

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

/**
 * Applies the missing migrations, each in its own transaction with its `user_version` bump.
 * Foreign keys are off while they run (the pragma is a no-op inside a transaction, so it is set
 * around them): with them on, the DROP of a table rebuild (create new, copy, drop old, rename)
 * deletes every row that points at the old table through ON DELETE CASCADE. Instead each
 * migration ends with `foreign_key_check`, and any row left pointing nowhere aborts it.
 */
export function migrate(db: Database.Database, upTo: number = SCHEMA_VERSION): number {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION) throw new NewerDeskError(db.name, from);
  if (from >= upTo) return from;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = from + 1; version <= upTo; version++) {
      const step = MIGRATIONS[version - 1];
      if (step === undefined) throw new Error(`no migration ${version}`);
      db.transaction(() => {
        try {
          db.exec(step);
        } catch (error) {
          throw new Error(
            `${db.name}: upgrading the desk to schema ${version} failed (${(error as Error).message}); ` +
              `it was left at schema ${version - 1}`,
            { cause: error },
          );
        }
        const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
        const first = violations[0];
        if (first !== undefined)
          throw new Error(
            `${db.name}: after the upgrade to schema ${version}, ${first.table} row ` +
              `${first.rowid ?? '?'} points to a missing ${first.parent} row` +
              (violations.length > 1
                ? ` (and ${violations.length - 1} more rows point nowhere)`
                : '') +
              `; the upgrade was undone and the desk left at schema ${version - 1}`,
          );
        db.pragma(`user_version = ${version}`);
      }).immediate();
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return from;
}
