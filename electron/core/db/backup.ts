// Verified, rotating backups of a desk (Zotero's model): a copy is written to a temporary file
// beside the desk, checked with SQLite's integrity check, and only then renamed into
// `backups/`, so a backup that is there is whole. The last BACKUPS_KEPT are kept.
import Database from 'better-sqlite3';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Db } from './connection.ts';

/** Backups kept per desk; the oldest beyond this are deleted after each new one. */
export const BACKUPS_KEPT = 5;
/** A desk that stays open gets a new backup when its newest one is this old. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How often an open desk looks whether a backup is due. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export type BackupReason = 'daily' | `before-schema-${number}`;

/** The folder of a desk's backups: `backups/` beside the desk file. */
export function backupsDir(file: string): string {
  return join(dirname(file), 'backups');
}

/** "desk" for desk.sqlite: backups of several desks in one folder stay apart. */
function deskStem(file: string): string {
  return basename(file, extname(file));
}

/** 2025-01-31T09-05-00-000Z: an ISO time that sorts as it reads and is a valid file name everywhere. */
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

/** This desk's backups, oldest first, with the time each was made. */
export function listBackups(file: string): { path: string; at: number }[] {
  const dir = backupsDir(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${deskStem(file)}.`;
  const found: { path: string; at: number }[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.sqlite')) continue;
    const stamp = STAMP.exec(name.slice(prefix.length).split('.')[0] ?? '');
    if (!stamp) continue;
    const [, day, h, m, s, ms] = stamp;
    found.push({ path: join(dir, name), at: Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`) });
  }
  return found.sort((a, b) => a.at - b.at || a.path.localeCompare(b.path));
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary copies that processes killed mid-backup left beside the desk. */
function removeStaleTemps(file: string): void {
  const prefix = `.${basename(file)}.backup-`;
  for (const name of readdirSync(dirname(file))) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) continue;
    try {
      unlinkSync(join(dirname(file), name));
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * Writes a verified backup of an open desk and returns its path: `VACUUM INTO` a temporary file
 * beside the desk (same file system, so the rename is atomic), `integrity_check` on the copy,
 * fsync, rename into `backups/`, then delete all but the newest BACKUPS_KEPT. Throws, leaving
 * nothing behind, when the copy is not sound.
 */
export function backupDesk(db: Db, file: string, reason: BackupReason, now = Date.now()): string {
  const dir = backupsDir(file);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const temp = join(
    dirname(file),
    `.${basename(file)}.backup-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemps(file);
    db.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp, { readonly: true, fileMustExist: true });
    try {
      const problems = (copy.pragma('integrity_check') as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .filter((line) => line !== 'ok');
      if (problems.length > 0)
        throw new Error(`the copy fails SQLite's integrity check: ${problems.join('; ')}`);
    } finally {
      copy.close();
    }
    fsyncPath(temp, 'r+');
    let target = join(dir, `${deskStem(file)}.${stamp}.${reason}.sqlite`);
    // Two backups in one millisecond (a test, a clock step back): keep both.
    for (let n = 2; existsQuiet(target); n++)
      target = join(dir, `${deskStem(file)}.${stamp}.${reason}-${n}.sqlite`);
    renameSync(temp, target);
    if (process.platform !== 'win32') fsyncPath(dir, 'r');
    for (const old of listBackups(file).slice(0, -BACKUPS_KEPT)) unlinkSync(old.path);
    return target;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never written, or already renamed.
    }
    throw new Error(`${file}: the backup failed (${(error as Error).message})`, { cause: error });
  }
}

function existsQuiet(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes a backup when the newest one is a day old or there is none; returns its path if it did. */
export function backupIfDue(db: Db, file: string, now = Date.now()): string | undefined {
  const newest = listBackups(file).at(-1);
  if (newest !== undefined && now - newest.at < BACKUP_INTERVAL_MS) return undefined;
  return backupDesk(db, file, 'daily', now);
}

/**
 * Backs up an open desk once a day for as long as it stays open: hourly it looks whether a backup
 * is due. The timer never keeps the process alive and stops by itself once the desk is closed;
 * the returned function stops it sooner. A failed backup is reported on stderr and tried again
 * an hour later: it must not take the desk down.
 */
export function startDailyBackups(
  db: Db,
  file: string,
  report: (message: string) => void = (message) => console.warn(message),
): () => void {
  const timer = setInterval(() => {
    if (!db.open) return clearInterval(timer);
    try {
      backupIfDue(db, file);
    } catch (error) {
      report(`Source Desk: ${(error as Error).message}`);
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
