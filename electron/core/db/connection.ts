import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupDesk, backupIfDue, startDailyBackups } from './backup.ts';
import { BUSY_TIMEOUT_MS, damagedDesk, DeskError, explainDeskError } from './errors.ts';
import { migrate, NewerDeskError, SCHEMA_VERSION, schemaVersion } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Open an existing desk only to read it (read commands, `check`): a missing file is an error,
   * nothing is created, migrated, backed up or written.
   */
  readonly?: boolean;
}

export interface OpenedDesk {
  db: Db;
  /** True when this call created the schema: a new desk (the app loads its demo case then). */
  created: boolean;
}

/**
 * Opens (or creates) one desk file. WAL so readers never block the writer; synchronous=NORMAL,
 * which in WAL mode keeps the file consistent after any crash and may lose only the last
 * commits on a power cut, at a fraction of FULL's fsync cost during bulk imports.
 *
 * Before an existing desk is written to it must pass SQLite's quick check; a verified backup is
 * made before any migration, and once a day while the desk stays open (see backup.ts).
 * A desk from a newer Source Desk is refused before anything touches it.
 */
export function openDesk(file: string, options: OpenOptions = {}): OpenedDesk {
  const memory = file === ':memory:';
  if (!memory && (options.readonly || existsSync(file)) && !isFile(file))
    throw new DeskError(
      'not-found',
      existsSync(file) ? `${file} is a folder, not a desk file` : `${file}: no desk at this path`,
    );
  if (!memory && !options.readonly) mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      readonly: !!options.readonly,
      fileMustExist: !!options.readonly,
      timeout: BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw explainDeskError(error, file);
  }
  try {
    // Read the version before touching anything: a newer desk is refused unmodified.
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) throw new NewerDeskError(file, version);
    db.pragma('foreign_keys = ON');
    if (options.readonly) return { db, created: false };
    if (version > 0) refuseIfDamaged(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    if (!memory && version > 0 && version < SCHEMA_VERSION)
      backupDesk(db, file, `before-schema-${SCHEMA_VERSION}`);
    const from = migrate(db);
    if (!memory && from > 0) {
      // The first open of a day backs up at once: a short command never sees the timer fire. A
      // failed daily backup is said, not fatal: the desk itself is sound (it passed the check).
      try {
        backupIfDue(db, file);
      } catch (error) {
        console.warn(`Source Desk: ${(error as Error).message}`);
      }
      startDailyBackups(db, file);
    }
    return { db, created: from === 0 };
  } catch (error) {
    db.close();
    throw explainDeskError(error, file, { writing: !options.readonly });
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** SQLite's quick check (pages, records, indexes; no cross-table checks), before any write. */
function refuseIfDamaged(db: Db, file: string): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[])
    .map((row) => row.quick_check)
    .filter((line) => line !== 'ok');
  if (problems.length === 0) return;
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
  throw damagedDesk(file, `SQLite's quick check: ${problems.slice(0, 3).join('; ')}${more}`, true);
}
