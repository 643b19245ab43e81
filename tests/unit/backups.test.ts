// Verified rotating backups (issue 7, item 5): once a day while a desk is open, the last few kept.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_INTERVAL_MS,
  BACKUPS_KEPT,
  backupDesk,
  backupIfDue,
  listBackups,
  startDailyBackups,
} from '../../electron/core/db/backup.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { SEEDS, tempDir } from './helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

/** A desk holding the seeds, closed. */
async function seededDesk(): Promise<string> {
  const file = join(tempDir(), 'desk.sqlite');
  const { db } = openDesk(file);
  await importPaths(db, [SEEDS]);
  db.close();
  return file;
}

describe('backups', () => {
  it('a new desk has none; the next open of an existing one makes one, once a day', async () => {
    const file = await seededDesk();
    expect(listBackups(file)).toEqual([]);
    openDesk(file).db.close();
    const [first] = listBackups(file);
    expect(first?.path).toMatch(/[/\\]backups[/\\]desk\.[0-9T-]+Z\.daily\.sqlite$/);
    openDesk(file).db.close();
    expect(listBackups(file)).toHaveLength(1);

    const copy = new Database(first?.path as string, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(3);
    copy.close();
  });

  it('keeps the newest few and deletes the older ones', async () => {
    const file = await seededDesk();
    const { db } = openDesk(file);
    // After the backup the open itself made.
    const start = Date.now() + DAY;
    for (let day = 0; day < BACKUPS_KEPT + 3; day++)
      expect(backupIfDue(db, file, start + day * DAY)).toBeDefined();
    expect(backupIfDue(db, file, start + (BACKUPS_KEPT + 2) * DAY + 1000)).toBeUndefined();
    db.close();
    const kept = listBackups(file).filter((b) => b.at >= start);
    expect(kept.map((b) => new Date(b.at).toISOString().slice(0, 10))).toEqual(
      Array.from({ length: BACKUPS_KEPT }, (_, i) =>
        new Date(start + (i + 3) * DAY).toISOString().slice(0, 10),
      ),
    );
    expect(listBackups(file)).toHaveLength(BACKUPS_KEPT);
  });

  it('removes the temporary copy a killed backup left, and leaves nothing of a failed one', async () => {
    const file = await seededDesk();
    const folder = join(file, '..');
    // pid 2^22 + 1 is above Linux's pid_max: a process that is surely gone.
    const left = join(folder, `.desk.sqlite.backup-${2 ** 22 + 1}-abc.tmp`);
    writeFileSync(left, 'half a copy');
    const { db } = openDesk(file); // makes the day's backup
    expect(existsSync(left)).toBe(false);
    // A folder where the copy would go cannot be vacuumed into: the backup fails, whole.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    mkdirSync(
      join(folder, `.desk.sqlite.backup-${process.pid}-${(0.5).toString(36).slice(2)}.tmp`),
    );
    // The WAL's files come and go with the connection; what matters is nothing else is added.
    const files = (): string[] =>
      readdirSync(folder)
        .filter((n) => !/-(wal|shm)$/.test(n))
        .sort();
    const before = files();
    expect(() => backupDesk(db, file, 'daily')).toThrow(`${file}: the backup failed`);
    vi.restoreAllMocks();
    db.close();
    expect(files()).toEqual(before);
    expect(listBackups(file)).toHaveLength(1);
  });

  it('backs up an open desk once a day, and stops when the desk is closed', async () => {
    const file = await seededDesk();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-03-01T08:00:00Z'));
    const { db } = openDesk(file); // the open itself makes the day's first backup
    expect(listBackups(file)).toHaveLength(1);
    const warnings: string[] = [];
    const stop = startDailyBackups(db, file, (m) => warnings.push(m));
    vi.advanceTimersByTime(BACKUP_INTERVAL_MS - 60 * 60 * 1000);
    expect(listBackups(file)).toHaveLength(1);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(listBackups(file)).toHaveLength(2);
    db.close();
    vi.advanceTimersByTime(3 * BACKUP_INTERVAL_MS);
    expect(listBackups(file)).toHaveLength(2);
    expect(warnings).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    stop();
  });
});
