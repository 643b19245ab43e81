// npm run bench: imports a generated corpus through the real import path and compares it with a
// bare better-sqlite3 transaction writing the same rows (text, report, version, search index,
// audit entry) into the same tables, in the same run.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { readReportFile, type PreparedReport } from '../../electron/core/import/index.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { writeCorpus } from './corpus.ts';

const COUNT = Number(process.env.BENCH_REPORTS ?? 10_000);
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
    const db = new Database(join(work, `baseline-${Math.random()}.sqlite`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    const insertText = db.prepare(
      'INSERT OR IGNORE INTO texts (sha256, body, chars) VALUES (?, ?, ?)',
    );
    const insertOutlet = db.prepare(
      `INSERT INTO outlets (name, name_key, created_at) VALUES ('Daily NK', 'dailynk', 'now')`,
    );
    const insertReport = db.prepare(
      `INSERT INTO reports (sha256, title, outlet_id, published_at, language, format, original_name, imported_at)
       VALUES (?, ?, 1, ?, ?, 'txt', ?, ?)`,
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
      insertOutlet.run();
      for (const r of rows) {
        const now = new Date().toISOString();
        insertText.run(r.sha256, r.text, r.chars);
        const id = insertReport.run(
          r.sha256,
          r.title,
          r.publishedAt,
          r.language,
          r.originalName,
          now,
        ).lastInsertRowid;
        insertVersion.run(id, r.sha256, r.originalName, now);
        insertIndex.run(id, r.title, r.text);
        insertAudit.run(now, id, JSON.stringify({ title: r.title, sha256: r.sha256 }));
      }
    })();
    const ms = performance.now() - start;
    db.close();
    return ms;
  };

  const desk = async (): Promise<number> => {
    const { db } = openDesk(join(work, `desk-${Math.random()}.sqlite`));
    const start = performance.now();
    const results = await importPaths(db, [corpus]);
    const ms = performance.now() - start;
    const imported = results.filter((r) => r.status === 'imported').length;
    if (imported !== COUNT) throw new Error(`imported ${imported} of ${COUNT}`);
    db.close();
    return ms;
  };

  const b1 = baseline();
  const d = await desk();
  const b2 = baseline();
  const b = (b1 + b2) / 2;
  const line = (name: string, ms: number): string =>
    `${name.padEnd(34)} ${(COUNT / (ms / 1000)).toFixed(0).padStart(7)} reports/s ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s  (${(ms / 1000).toFixed(2)} s)`;
  console.log(line('baseline (bare transaction + FTS5)', b));
  console.log(line('source-desk import (files → desk)', d));
  const ratio = b / d;
  console.log(
    `import throughput / baseline: ${ratio.toFixed(2)} (target ≥ 0.50) ${ratio >= 0.5 ? 'MET' : 'NOT MET'}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
