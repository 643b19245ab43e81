// npm run bench pdf: imports generated text PDFs (pdf-corpus.ts: 100 reports of 20 pages) through
// the desk's real import, as the CLI does (importPaths into a fresh desk each round: the parse
// worker, pdf.js, reading order, headers and footers dropped, originals and page spans stored),
// against bare pdf.js extracting the same pages in this process: read the file, getDocument,
// getTextContent on every page, the items' strings joined as they come. Issue 12's target: the
// desk's throughput at least 0.8× bare pdf.js's. The desk's first import and the bare
// extraction's first pass also check what the generator made (and warm both up).
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openDesk, type Db } from '../../electron/core/db/connection.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { compare, median } from './harness.ts';
import { writePdfCorpus } from './pdf-corpus.ts';

const COUNT = Number(process.env.BENCH_PDFS ?? 100);
const PAGES = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 0.8;
const cores = availableParallelism();

const rmDesk = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
};

// What any Node user of pdf.js gives it: its CMaps and standard fonts from its own package (the
// desk gives the same; without them pdf.js warns and guesses at glyph widths).
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjsData = {
  cMapUrl: join(pdfjsDir, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
  verbosity: pdfjs.VerbosityLevel.ERRORS,
};

/** Bare pdf.js: every page's text items joined naively, a form feed between pages. */
async function bareText(file: string): Promise<string> {
  const bytes = await readFile(file);
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ...pdfjsData,
  });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items)
      if ('str' in item) text += item.hasEOL ? `${item.str}\n` : item.str;
    pages.push(text);
    page.cleanup();
  }
  await task.destroy();
  return pages.join('\f');
}

const work = mkdtempSync(join(tmpdir(), 'source-desk-pdf-bench-'));
try {
  const corpus = join(work, 'pdfs');
  const made = performance.now();
  const stats = await writePdfCorpus(corpus, { count: COUNT, pages: PAGES });
  const files = (await readdir(corpus)).sort().map((f) => join(corpus, f));
  console.log(
    `corpus: ${stats.files} PDFs of ${PAGES} pages, ${(stats.bytes / 1e6).toFixed(1)} MB; ` +
      `${stats.twoColumnPages} two-column pages, ${stats.hyphenated} words hyphenated at line ends, ` +
      `${stats.justifiedDocs} justified word by word; made in ${((performance.now() - made) / 1000).toFixed(0)} s`,
  );

  // CPU time of the whole process (every thread: the desk parses in a worker and writes in the
  // main thread), which the other load on a shared machine moves less than the wall clock.
  const cpu = { bare: [] as number[], desk: [] as number[] };
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };

  const bare = async (): Promise<number> => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (const file of files) await bareText(file);
    const ms = performance.now() - start;
    cpu.bare.push(cpuMs(cpuStart));
    return ms;
  };

  /** One import into a fresh desk; `inspect` sees the desk before it is removed. */
  const deskImport = async (inspect?: (db: Db) => void): Promise<number> => {
    const file = join(work, `desk-${Math.random()}.sqlite`);
    const { db } = openDesk(file);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const results = await importPaths(db, [corpus]);
    const ms = performance.now() - start;
    if (!inspect) cpu.desk.push(cpuMs(cpuStart));
    const imported = results.filter((r) => r.status === 'imported').length;
    if (imported !== COUNT) {
      const other = results.find((r) => r.status !== 'imported');
      throw new Error(`imported ${imported} of ${COUNT} (${other?.file}: ${other?.message})`);
    }
    inspect?.(db);
    db.close();
    rmDesk(file);
    return ms;
  };

  // The check: what bare pdf.js and the desk make of the corpus (and one warm-up pass of each).
  let bareChars = 0;
  let bareRunning = 0;
  for (const file of files) {
    const text = await bareText(file);
    bareChars += text.length;
    bareRunning += text.match(/Page \d+ of \d+|— \d+ —/g)?.length ?? 0;
  }
  await deskImport((db) => {
    const row = db
      .prepare(
        `SELECT count(*) AS reports, sum(t.chars) AS chars,
                (SELECT count(*) FROM report_pages) AS pages,
                (SELECT count(*) FROM originals) AS originals,
                sum(r.published_at IS NOT NULL) AS dated, sum(r.byline IS NOT NULL) AS bylined
         FROM reports r JOIN texts t ON t.sha256 = r.sha256`,
      )
      .get() as Record<string, number>;
    const bodies = db.prepare('SELECT body FROM texts').pluck().all() as string[];
    const running = bodies.reduce(
      (n, b) => n + (b.match(/Page \d+ of \d+|— \d+ —/g)?.length ?? 0),
      0,
    );
    const hyphens = bodies.reduce((n, b) => n + (b.match(/[a-z]-\n/g)?.length ?? 0), 0);
    console.log(
      `check: bare pdf.js ${bareChars.toLocaleString('en')} chars, ${bareRunning} page-number footers kept; ` +
        `desk ${row.reports} reports, ${Number(row.chars).toLocaleString('en')} chars, ${row.pages} page spans, ` +
        `${row.originals} originals, ${row.dated} dated, ${row.bylined} with a byline, ` +
        `${running} page-number footers left, ${hyphens} line-end hyphens left`,
    );
    if (row.pages !== COUNT * PAGES) throw new Error(`the desk stored ${row.pages} page spans`);
  });

  const rate = (ms: number): string =>
    `${(ms / COUNT).toFixed(0)} ms per PDF, ${((COUNT * PAGES) / (ms / 1000)).toFixed(0)} pages/s`;
  const outcome = await compare({
    title: `PDF import of ${COUNT} text PDFs of ${PAGES} pages on ${cores} core${cores === 1 ? '' : 's'}`,
    baseline: { name: 'bare pdf.js text extraction', run: bare },
    subject: { name: 'source-desk import (files → desk)', run: () => deskImport() },
    warmup: 0,
    rounds: ROUNDS,
    target: { kind: 'speed', atLeast: TARGET },
    describe: rate,
  });
  console.log(
    `desk throughput = ${outcome.ratio.toFixed(2)}× bare pdf.js (target ≥ ${TARGET}×); ` +
      `per PDF: desk ${(median(outcome.subject) / COUNT).toFixed(0)} ms, bare ${(median(outcome.baseline) / COUNT).toFixed(0)} ms`,
  );
  console.log(
    `  CPU per PDF (all threads, median): desk ${(median(cpu.desk) / COUNT).toFixed(0)} ms, ` +
      `bare ${(median(cpu.bare) / COUNT).toFixed(0)} ms (${(median(cpu.bare) / median(cpu.desk)).toFixed(2)}× by CPU)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
