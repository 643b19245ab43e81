// Hostile PDFs (issue 12): each refused with a clear message, or read with its active content
// left inert. Every test runs under vitest's 20-second timeout, so none may hang.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportRejection } from '../../electron/core/import/errors.ts';
import { parsePdf, type ParsedPdf } from '../../electron/core/import/pdf.ts';

const SENTINEL = '__sourceDeskPdfSentinel';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

async function rejection(promise: Promise<ParsedPdf>): Promise<ImportRejection> {
  const error = await promise.catch((e: unknown) => e);
  if (!(error instanceof ImportRejection)) throw new Error(`expected a rejection, got ${error}`);
  return error;
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(globalThis, SENTINEL);
});

describe('active content is never run', () => {
  it('reads a PDF with JavaScript in its OpenAction, names and page actions as text only', async () => {
    const report = await parsePdf(fixture('javascript.pdf'), 'javascript.pdf');
    expect(report.text).toBe('This page carries JavaScript that must never run.');
    expect(Reflect.get(globalThis, SENTINEL)).toBeUndefined();
  });

  it('reads a PDF whose FontMatrix carries script (CVE-2024-4367) without running it', async () => {
    const report = await parsePdf(fixture('font-matrix.pdf'), 'font-matrix.pdf');
    expect(report.text).toBe('The font of this line has a hostile FontMatrix.');
    expect(Reflect.get(globalThis, SENTINEL)).toBeUndefined();
  });

  it('uses a pdf.js that compiles no code from a document (no eval, no new Function)', () => {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    // 6.2.108 is the first release fixed for both CVE-2024-4367 and CVE-2026-16633.
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(6_002_108);
    for (const file of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs']) {
      const source = readFileSync(join(root, file), 'utf8');
      expect(source).not.toMatch(/\bnew Function\(|[^.\w]eval\(/);
    }
  });

  it('fetches nothing: no network call while reading', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in the parse worker')));
    vi.stubGlobal('fetch', fetch);
    await parsePdf(fixture('running-heads.pdf'), 'running-heads.pdf');
    await parsePdf(fixture('font-matrix.pdf'), 'font-matrix.pdf');
    expect(fetch).not.toHaveBeenCalled();
  });
});

/** A PDF written by hand, its cross-reference table computed: for trees pdf-lib will not write. */
function rawPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.7\n';
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('limits', () => {
  it('refuses a PDF of 100,000 pages (one page listed 100,000 times) before reading any', async () => {
    const content = 'BT /F1 12 Tf 72 700 Td (One page, listed again and again.) Tj ET';
    const bytes = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Count 100000 /Kids [${'3 0 R '.repeat(100_000)}] >>`,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    const started = performance.now();
    const error = await rejection(parsePdf(bytes, 'many.pdf'));
    expect(error.reason).toBe('too-complex');
    expect(error.message).toBe(
      'many.pdf has 100,000 pages; the limit is 2,000; the file was not parsed',
    );
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reads only the pages a tree that claims 100,000 pages really has, quickly', async () => {
    const started = performance.now();
    const report = await parsePdf(fixture('claims-100000-pages.pdf'), 'claims.pdf');
    expect(report.pages).toEqual([{ page: 1, start: 0, end: report.text.length }]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a PDF over the page limit before reading any page', async () => {
    const error = await rejection(
      parsePdf(fixture('running-heads.pdf'), 'running-heads.pdf', { maxPages: 3 }),
    );
    expect(error.reason).toBe('too-complex');
    expect(error.message).toBe(
      'running-heads.pdf has 4 pages; the limit is 3; the file was not parsed',
    );
  });

  it('refuses a PDF over the text limit', async () => {
    const error = await rejection(
      parsePdf(fixture('running-heads.pdf'), 'running-heads.pdf', { maxTextChars: 500 }),
    );
    expect(error.reason).toBe('too-complex');
    expect(error.message).toBe(
      'running-heads.pdf has more than 500 characters of text by page 2; the file was not parsed',
    );
  });
});

describe('encrypted and damaged PDFs are refused', () => {
  it('refuses a PDF encrypted with a password', async () => {
    const error = await rejection(parsePdf(fixture('encrypted.pdf'), 'encrypted.pdf'));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toBe(
      'encrypted.pdf: the PDF is encrypted with a password; the desk does not import encrypted PDFs: open it with its password and print it to a new PDF first',
    );
  });

  it('refuses an encrypted PDF that opens without a password (pdf.js could read it)', async () => {
    const error = await rejection(
      parsePdf(fixture('encrypted-no-password.pdf'), 'encrypted-no-password.pdf'),
    );
    expect(error.reason).toBe('unreadable');
    expect(error.message).toBe(
      'encrypted-no-password.pdf: the PDF is encrypted (it opens without a password, but its publisher restricts it); the desk does not import encrypted PDFs: print it to a new PDF first',
    );
  });

  it('refuses a PDF cut short', async () => {
    const error = await rejection(parsePdf(fixture('truncated.pdf'), 'truncated.pdf'));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toMatch(/^truncated\.pdf: the PDF is damaged: it stops before its end/);
  });

  it('refuses a file with a PDF header and nothing of a PDF after it', async () => {
    const error = await rejection(parsePdf(fixture('not-a-pdf.pdf'), 'not-a-pdf.pdf'));
    expect(error.reason).toBe('unreadable');
    expect(error.message).toBe(
      'not-a-pdf.pdf: the PDF is damaged and cannot be read (Invalid PDF structure.)',
    );
  });

  it('refuses a file that is not a PDF at all', async () => {
    const bytes = new TextEncoder().encode('<html>not a pdf</html>');
    const error = await rejection(parsePdf(bytes, 'page.pdf'));
    expect(error.message).toBe('page.pdf: this is not a PDF (it does not start with "%PDF-")');
  });
});

describe('in a worker thread', () => {
  it('parses a PDF in a worker_thread, as the parse worker will', async () => {
    const module = pathToFileURL(
      new URL('../../electron/core/import/pdf.ts', import.meta.url).pathname,
    ).href;
    const file = new URL('../fixtures/pdf/two-column.pdf', import.meta.url).pathname;
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { readFileSync } = require('node:fs');
       import(workerData.module)
         .then(({ parsePdf }) => parsePdf(new Uint8Array(readFileSync(workerData.file)), 'two-column.pdf'))
         .then((r) => parentPort.postMessage({ text: r.text, pages: r.pages.length }),
               (e) => parentPort.postMessage({ error: String(e) }));`,
      { eval: true, workerData: { module, file } },
    );
    const reply = await new Promise<{ text?: string; pages?: number; error?: string }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    await worker.terminate();
    expect(reply.error).toBeUndefined();
    expect(reply.pages).toBe(2);
    expect(reply.text).toMatch(/^Border Trade After the Floods\nTraders in Sinuiju/);
  });
});
