import { dirname, join } from 'node:path';
import type { ErrorCode } from '../../../shared/api.ts';

/** An error the UI shows as it is: its message names what is wrong, in the analyst's words. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}

/** How long a connection waits for another program's lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/** SQLite's own error codes (better-sqlite3's SqliteError.code), e.g. SQLITE_BUSY_SNAPSHOT. */
/**
 * A failure of the desk as a whole (held by another program, disk full, damaged, read-only, an I/O
 * error), not of the one report being written: retrying file by file would only fail every file.
 */
export function isDeskWideFailure(error: unknown): boolean {
  const code = sqliteCode(error);
  return (
    code !== undefined &&
    /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN)/.test(code)
  );
}

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * An SQLite failure in the analyst's words, naming the desk: "database is locked" says that
 * another program holds the desk, a corrupt page that the file is damaged. Any other error is
 * returned as it is.
 */
export function explainDeskError(
  error: unknown,
  file: string,
  { writing = false }: { writing?: boolean } = {},
): unknown {
  if (error instanceof DeskError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return error;
  const reason = (error as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DeskError(
      'conflict',
      `${file}: another program holds the desk (SQLite: ${reason}; waited ${BUSY_TIMEOUT_MS / 1000} s). ` +
        'Close the other Source Desk window or command using it and try again.',
    );
  if (code.startsWith('SQLITE_CORRUPT')) return damagedDesk(file, `SQLite: ${reason}`, writing);
  if (code === 'SQLITE_NOTADB')
    return new DeskError('rejected', `${file} is not a Source Desk file (SQLite: ${reason})`);
  if (code.startsWith('SQLITE_READONLY'))
    return new DeskError(
      'rejected',
      `${file} is read-only here (SQLite: ${reason}); copy it somewhere writable to change it`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new DeskError('not-found', `${file}: cannot open the desk (SQLite: ${reason})`);
  if (code === 'SQLITE_FULL')
    return new DeskError('rejected', `${file}: the disk is full (SQLite: ${reason})`);
  return error;
}

/** A damaged desk: what SQLite found, how to see all of it, and where the backups are. */
export function damagedDesk(file: string, detail: string, writing: boolean): DeskError {
  return new DeskError(
    'rejected',
    `${file} is damaged${writing ? ' and was not opened for writing' : ''} (${detail}). ` +
      `\`source-desk check --db "${file}"\` lists the problems; backups are in ` +
      `${join(dirname(file), 'backups')}.`,
  );
}
