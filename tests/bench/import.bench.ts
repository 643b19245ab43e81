// npm run bench: imports a generated corpus through the real import path and compares it with a
// bare better-sqlite3 transaction writing the same rows (text, outlet and its source, report,
// version, search index, audit entry) into the same tables, in the same run. `npm run bench` runs
// it twice: on every core, and pinned to one with `taskset -c 0`.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { readReportFile, type PreparedReport } from '../../electron/core/import/index.ts';
import { outletKey } from '../../electron/core/import/outlets.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { writeCorpus } from './corpus.ts';
import { compare } from './harness.ts';

const rmDesk = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

const COUNT = Number(process.env.BENCH_REPORTS ?? 10_000);
// libuv counts the cores this process may run on (taskset -c 0 gives 1), as the parse pool does.
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'source-desk-bench-'));
try {
  const corpus = join(work, 'corpus');
  const bytes = writeCorpus(corpus, COUNT);
  const mb = bytes / 1e6;
  console.log(`corpus: ${COUNT} reports, ${mb.toFixed(1)} MB`);

  // The baseline's rows are prepared outside its timing: it measures SQLite alone.
  const files = readdirSync(corpus).map((f) => join(corpus, f));
  const rows: PreparedReport[] = [];
  for (const f of files) rows.push(await readReportFile(f));

  const baseline = (): number => {
    const file = join(work, `baseline-${Math.random()}.sqlite`);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    const insertText = db.prepare(
      'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)',
    );
    const insertOutlet = db.prepare(
      'INSERT INTO outlets (name, name_key, created_at) VALUES (?, ?, ?)',
    );
    const insertSource = db.prepare(
      `INSERT INTO sources (outlet_id, name, kind, created_at) VALUES (?, ?, 'outlet', ?)`,
    );
    const insertReport = db.prepare(
      `INSERT INTO reports (sha256, title, outlet_id, published_at, language, format, original_name, imported_at)
       VALUES (?, ?, ?, ?, ?, 'txt', ?, ?)`,
    );
    const insertVersion = db.prepare(
      `INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at) VALUES (?, 1, ?, ?, ?)`,
    );
    const insertIndex = db.prepare(
      'INSERT INTO report_search (rowid, title, body) VALUES (?, ?, ?)',
    );
    const insertAudit = db.prepare(
      `INSERT INTO audit_log (at, action, entity, entity_id, after) VALUES (?, 'report.import', 'report', ?, ?)`,
    );
    const start = performance.now();
    db.transaction(() => {
      // The same rows the import writes: an outlet (and its source) on first use.
      const outlets = new Map<string, number | bigint>();
      for (const r of rows) {
        const now = new Date().toISOString();
        let outletId = r.outlet === null ? null : outlets.get(r.outlet);
        if (r.outlet !== null && outletId === undefined) {
          outletId = insertOutlet.run(r.outlet, outletKey(r.outlet), now).lastInsertRowid;
          insertSource.run(outletId, r.outlet, now);
          outlets.set(r.outlet, outletId);
        }
        insertText.run(r.sha256, r.text, r.chars);
        const id = insertReport.run(
          r.sha256,
          r.title,
          outletId,
          r.publishedAt,
          r.language,
          r.originalName,
          now,
        ).lastInsertRowid;
        insertVersion.run(id, r.sha256, r.originalName, now);
        insertIndex.run(id, r.title, r.text);
        insertAudit.run(
          now,
          id,
          JSON.stringify({
            title: r.title,
            outlet: r.outlet,
            sha256: r.sha256,
            file: r.originalName,
          }),
        );
      }
    })();
    const ms = performance.now() - start;
    db.close();
    rmDesk(file);
    return ms;
  };

  const desk = async (): Promise<number> => {
    const file = join(work, `desk-${Math.random()}.sqlite`);
    const { db } = openDesk(file);
    const start = performance.now();
    const results = await importPaths(db, [corpus]);
    const ms = performance.now() - start;
    const imported = results.filter((r) => r.status === 'imported').length;
    if (imported !== COUNT) throw new Error(`imported ${imported} of ${COUNT}`);
    db.close();
    rmDesk(file);
    return ms;
  };

  const rate = (ms: number): string =>
    `${(COUNT / (ms / 1000)).toFixed(0)} reports/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
  await compare({
    title: `import of ${COUNT} reports on ${cores} core${cores === 1 ? '' : 's'}`,
    baseline: { name: 'bare transaction + FTS5', run: baseline },
    subject: { name: 'source-desk import (files → desk)', run: desk },
    rounds: Number(process.env.BENCH_ROUNDS ?? 5),
    target: { kind: 'speed', atLeast: 0.5 },
    describe: rate,
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}
