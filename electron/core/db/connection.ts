import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, NewerDeskError, SCHEMA_VERSION, schemaVersion } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open an existing desk as it is: no file created, no migration (for `check`). */
  inspect?: boolean;
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
 */
export function openDesk(file: string, options: OpenOptions = {}): OpenedDesk {
  if (options.inspect && !existsSync(file)) throw new Error(`${file}: no desk at this path`);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { fileMustExist: !!options.inspect });
  try {
    // Read the version before touching anything: a newer desk is refused unmodified.
    const version = schemaVersion(db);
    if (version > SCHEMA_VERSION) throw new NewerDeskError(file, version);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (options.inspect) return { db, created: false };
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const from = migrate(db);
    return { db, created: from === 0 };
  } catch (error) {
    db.close();
    throw error;
  }
}
