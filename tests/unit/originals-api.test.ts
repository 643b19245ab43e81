// The originals slice of the contract (issue 12, item 3): a report's original file and its page
// spans, through the desk's service as the window asks for them; and which pages a passage lies on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ORIGINAL_VIEW_BYTES } from '../../shared/api/originals.ts';
import { formatOfExtension } from '../../shared/formats.ts';
import { describePages, pagesOf, partOnPage, type PageSpan } from '../../shared/pages.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import type { Db } from '../../electron/core/db/connection.ts';
import { parsePdf } from '../../electron/core/import/pdf.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import { findPieces, fold, joinLines } from '../../renderer/src/features/pages/find-on-page.ts';
import { demoDesk } from './desk.ts';
import { FIXTURES, preparedReport } from './helpers.ts';

const PDF = join(FIXTURES, 'pdf/running-heads.pdf');

/**
 * Imports the running-heads PDF: through the import when PDF import is wired in, else as the
 * import will store it (pdf.ts's text and pages, the file as its original).
 */
async function importPdf(db: Db): Promise<number> {
  if (formatOfExtension('.pdf')) {
    const [result] = await importPaths(db, [PDF]);
    expect(result, 'the PDF fixture imports').toMatchObject({ status: 'imported' });
    return result?.reportId as number;
  }
  const bytes = new Uint8Array(readFileSync(PDF));
  const parsed = await parsePdf(bytes, 'running-heads.pdf');
  const stored = storeReport(db, {
    ...preparedReport(parsed.metadata.title ?? 'Rice Prices', parsed.text),
    originalName: 'running-heads.pdf',
    original: {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      mediaType: 'application/pdf',
    },
    pages: parsed.pages,
  });
  return stored.id;
}

describe('originals.get and originals.pages', () => {
  it('give a PDF report its file, byte for byte, and its pages in the text', async () => {
    const { db, call } = await demoDesk(false);
    const reportId = await importPdf(db);
    const bytes = readFileSync(PDF);
    const original = await call<{
      sha256: string;
      mediaType: string;
      size: number;
      name: string;
      base64: string;
    }>('originals.get', { reportId });
    expect(original).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mediaType: 'application/pdf',
      size: bytes.length,
      name: 'running-heads.pdf',
    });
    expect(Buffer.compare(Buffer.from(original.base64, 'base64'), bytes)).toBe(0);

    const pages = await call<PageSpan[]>('originals.pages', { reportId });
    const { text } = await call<{ text: string }>('reports.get', { id: reportId });
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    // Each page's span holds that page's words, and the pages follow one another in the text.
    expect(text.slice(pages[0]?.start, pages[0]?.end)).toMatch(/^Rice Prices in the Northern/);
    expect(text.slice(pages[1]?.start, pages[1]?.end)).toMatch(/^Officials in Hyesan/);
    expect(text.slice(pages[2]?.start, pages[2]?.end)).toMatch(/^fell by a third/);
    for (const [i, p] of pages.entries())
      if (i > 0) expect(p.start).toBeGreaterThanOrEqual(pages[i - 1]?.end ?? 0);
    expect(pages.at(-1)?.end).toBeLessThanOrEqual(text.length);
  });

  it('give no pages for an unpaged report, and refuse an original it does not have, naming the report', async () => {
    const { db, call } = await demoDesk(false);
    // As a report imported before originals were kept is stored: no original.
    const { id } = storeReport(db, preparedReport('Border note', 'A note kept as text.'));
    expect(await call('originals.pages', { reportId: id })).toEqual([]);
    await expect(call('originals.get', { reportId: id })).rejects.toThrow(
      `not-found: report ${id} (“Border note”) has no original file`,
    );
    await expect(call('originals.get', { reportId: 999 })).rejects.toThrow(
      'not-found: report 999 does not exist',
    );
    await expect(call('originals.pages', { reportId: 999 })).rejects.toThrow(
      'not-found: report 999 does not exist',
    );
  });

  it(`refuse an original over ${MAX_ORIGINAL_VIEW_BYTES / 1024 / 1024} MiB with its size and the limit`, async () => {
    const { db, call } = await demoDesk(false);
    const reportId = await importPdf(db);
    // Only the recorded size is checked before the bytes are read: a large original is faked by it.
    db.prepare('UPDATE originals SET size = ?').run(MAX_ORIGINAL_VIEW_BYTES + 1);
    await expect(call('originals.get', { reportId })).rejects.toThrow(
      `rejected: the original of report ${reportId} (running-heads.pdf) is 150.0 MiB; the window opens originals up to 150.0 MiB`,
    );
    db.prepare('UPDATE originals SET size = ?').run(MAX_ORIGINAL_VIEW_BYTES);
    await expect(call('originals.get', { reportId })).resolves.toMatchObject({
      name: 'running-heads.pdf',
    });
  });
});

describe('pagesOf', () => {
  // Pages as the PDF import lays them out: one line break between pages, in no page.
  const pages: PageSpan[] = [
    { page: 1, start: 0, end: 100 },
    { page: 2, start: 101, end: 200 },
    { page: 3, start: 201, end: 300 },
  ];

  it('gives the pages a span touches, its end exclusive', () => {
    expect(pagesOf(pages, 10, 20)).toEqual([1]);
    expect(pagesOf(pages, 90, 150)).toEqual([1, 2]);
    expect(pagesOf(pages, 50, 250)).toEqual([1, 2, 3]);
    // Ending where page 2 starts, or starting where page 1 ends: not on that page.
    expect(pagesOf(pages, 90, 101)).toEqual([1]);
    expect(pagesOf(pages, 100, 110)).toEqual([2]);
    expect(pagesOf(pages, 99, 100)).toEqual([1]);
    expect(pagesOf(pages, 200, 201)).toEqual([]);
  });

  it('puts a caret on the page that holds it, and gives nothing for an unpaged report', () => {
    expect(pagesOf(pages, 101, 101)).toEqual([2]);
    expect(pagesOf(pages, 100, 100)).toEqual([]);
    expect(pagesOf([], 0, 10)).toEqual([]);
  });

  it('cuts a span into the part on each page, as offsets into the span', () => {
    // The span 90–150: its first 10 units on page 1, then the line break, then 49 on page 2.
    expect(partOnPage(pages, 1, 90, 150)).toEqual({ from: 0, to: 10 });
    expect(partOnPage(pages, 2, 90, 150)).toEqual({ from: 11, to: 60 });
    expect(partOnPage(pages, 3, 90, 150)).toBeNull();
    expect(partOnPage(pages, 9, 90, 150)).toBeNull();
  });

  it('names the pages as a button does', () => {
    expect(describePages([3])).toBe('page 3');
    expect(describePages([3, 4])).toBe('pages 3–4');
    expect(describePages([])).toBe('');
  });
});

describe('finding a passage on its page (the page view)', () => {
  it('folds away spaces, line-end hyphens and dashes, spells out ligatures, and keeps where each unit came from', () => {
    const { folded, source } = fold('the Sino-\nKorean ﬁeld “road”');
    expect(folded).toBe('theSinoKoreanfield"road"');
    // “fi” came from the one ligature at index 17.
    expect(source.slice(13, 15)).toEqual([17, 17]);
    expect(fold('well-known').folded).toBe(fold('well‐\nknown').folded);
  });

  it('takes the occurrence nearest where the passage is expected', () => {
    const page = fold('prices rose. Later, prices rose again.').folded;
    const needle = fold('prices rose').folded;
    expect(findPieces(page, needle, 0)).toEqual([[0, 10]]);
    expect(findPieces(page, needle, page.length)).toEqual([[17, 27]]);
  });

  it('finds a passage the page orders otherwise piece by piece, and none when too little of it is there', () => {
    // The right column's words first on the page, the left's after: the passage reads left then right.
    const page = fold('right column words here. Left column words there.').folded;
    const needle = fold('Left column words there. right column words here.').folded;
    const pieces = findPieces(page, needle, 0);
    expect(pieces.map(([a, b]) => page.slice(a, b))).toEqual([
      'Leftcolumnwordsthere.',
      'rightcolumnwordshere.',
    ]);
    expect(findPieces(page, fold('nothing of this is on the page at all').folded, 0)).toEqual([]);
    // Most of a passage on the page and its last letters not: those letters are not marked
    // wherever they happen to stand.
    expect(findPieces(page, fold('Left column words there. gone s').folded, 0)).toEqual([[21, 42]]);
    expect(findPieces(page, '', 0)).toEqual([]);
  });

  it('joins the boxes of one line, and keeps lines apart', () => {
    const boxes = [
      { left: 10, top: 100, width: 50, height: 12 },
      { left: 64, top: 101, width: 40, height: 12 },
      { left: 10, top: 116, width: 80, height: 12 },
    ];
    expect(joinLines(boxes)).toEqual([
      { left: 10, top: 100, width: 94, height: 13 },
      { left: 10, top: 116, width: 80, height: 12 },
    ]);
  });
});
