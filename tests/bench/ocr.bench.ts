// OCR seconds per page (issue 12), with the desk answering other calls meanwhile: the four full
// letter pages of running-heads.pdf drawn at 250 dpi and put in a PDF as images (a scan, no text
// layer), imported through the desk; reports.list is asked every 100 ms while OCR runs.
// Run: node tests/bench/ocr.bench.ts
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openDesk } from '../../electron/core/db/connection.ts';
import { OCR_DPI, renderPagePng } from '../../electron/core/import/pdf-render.ts';
import { createDeskService } from '../../electron/core/service.ts';

const SOURCE = new URL('../fixtures/pdf/running-heads.pdf', import.meta.url);

/** Each page of the PDF drawn at the OCR resolution, as a PDF of images. */
async function scanOf(pdf: Uint8Array): Promise<Uint8Array> {
  const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true });
  const doc = await task.promise;
  const scan = await PDFDocument.create({ updateMetadata: false });
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const image = await scan.embedPng(await renderPagePng(doc, page, OCR_DPI));
    scan.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  await task.destroy();
  return scan.save();
}

const scan = await scanOf(new Uint8Array(readFileSync(SOURCE)));
const dir = mkdtempSync(join(tmpdir(), 'source-desk-ocr-bench-'));
const { db } = openDesk(join(dir, 'desk.sqlite'));
db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'bench')`).run();
const desk = createDeskService({ db, path: join(dir, 'desk.sqlite') });
const pageStarts: number[] = [];
desk.onEvent((e) => {
  if (e.type === 'ocr.progress') pageStarts.push(performance.now());
});
const latencies: number[] = [];
let done = false;
const poll = (async () => {
  while (!done) {
    const asked = performance.now();
    await desk.call('reports.list', {});
    if (pageStarts.length > 0) latencies.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();
const started = performance.now();
const result = await desk.call('reports.import', {
  files: [{ name: 'scan.pdf', data: Buffer.from(scan).toString('base64') }],
});
const ended = performance.now();
done = true;
await poll;
await desk.close();
db.close();
rmSync(dir, { recursive: true, force: true });
if (!result.ok || result.value[0]?.status !== 'imported')
  throw new Error(`the scan did not import: ${JSON.stringify(result)}`);

const firstPage = pageStarts[0] ?? ended;
const perPage = (ended - firstPage) / 1000 / pageStarts.length;
latencies.sort((a, b) => a - b);
const p = (q: number): number =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  [
    `OCR of ${pageStarts.length} scanned letter pages at ${OCR_DPI} dpi (drawn and recognised in the parse worker)`,
    `  before OCR (worker, pdf.js, text layer): ${((firstPage - started) / 1000).toFixed(2)} s`,
    `  OCR: ${perPage.toFixed(2)} s a page (tesseract's start included in the first)`,
    `  whole import: ${((ended - started) / 1000).toFixed(2)} s`,
    `  reports.list meanwhile: ${latencies.length} calls, median ${p(0.5).toFixed(1)} ms, max ${p(1).toFixed(1)} ms`,
  ].join('\n'),
);
