// The page view (issue 12, item 3): a passage of a PDF report across a page break, shown on the
// original's pages drawn by pdf.js, its words highlighted on each; paged through, zoomed, closed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openDesk } from '../../electron/core/db/connection.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import { parsePdf } from '../../electron/core/import/pdf.ts';
import { formatOfExtension } from '../../shared/formats.ts';
import { expect, ROOT, SCREENSHOTS, test, type Desk } from './desk.ts';
import { selectText } from './helpers.ts';

const PDF = join(ROOT, 'tests/fixtures/pdf/running-heads.pdf');
const TITLE = 'Rice Prices in the Northern Provinces';
/** On pages 2 and 3 of the fixture: the page breaks after “rice shipments”. */
const QUOTE =
  'The customs office at Sinuiju reported that rice shipments fell by a third in the week after the floods';
const ON_PAGE_2 = 'The customs office at Sinuiju reported that rice shipments';
const ON_PAGE_3 = 'fell by a third in the week after the floods';

/** PDF import is wired in once the desk takes .pdf files. */
const pdfImportWired = formatOfExtension('.pdf') !== undefined;

test.use({ emptyDesk: true });

/**
 * The fixture on the desk: dropped through the file picker once PDF import is wired in; until
 * then stored into the desk file as the import will store it (pdf.ts's text and page spans, the
 * file as its original), and the window reloaded to list it.
 */
async function importPdf(page: Page, desk: Desk): Promise<void> {
  if (pdfImportWired) {
    await page.getByTestId('file-input').setInputFiles(PDF);
    await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
      'Import: 1 imported',
    );
    return;
  }
  const bytes = new Uint8Array(readFileSync(PDF));
  const parsed = await parsePdf(bytes, 'running-heads.pdf');
  const { db } = openDesk(desk.dbPath);
  try {
    storeReport(db, {
      text: parsed.text,
      sha256: createHash('sha256').update(parsed.text).digest('hex'),
      chars: parsed.text.length,
      format: 'txt',
      originalName: 'running-heads.pdf',
      title: TITLE,
      outlet: null,
      byline: null,
      publishedAt: null,
      url: null,
      language: 'en',
      original: {
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        mediaType: 'application/pdf',
      },
      pages: parsed.pages,
    });
  } finally {
    db.close();
  }
  await page.reload();
}

/**
 * The text-layer characters whose centres lie under the page's highlight boxes, without spaces
 * (the layer's items carry none between them): what the highlight covers, character by character.
 */
async function textUnderMarks(page: Page): Promise<string> {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('.page-mark')].map((m) =>
      m.getBoundingClientRect(),
    );
    const layer = document.querySelector('.page-box .textLayer');
    if (!layer) return '';
    const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
    let under = '';
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (marks.some((m) => x > m.left && x < m.right && y > m.top && y < m.bottom))
          under += node.data[i];
      }
    return under.replace(/\s+/g, '');
  });
}

const unspaced = (text: string): string => text.replace(/\s+/g, '');

/** True once the page's canvas holds ink: pdf.js drew the page. */
async function canvasDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.page-canvas canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 128) dark++;
    return dark > 500;
  });
}

for (const width of [1440, 1024]) {
  test(`a passage across a page break is shown on the original's pages at ${width} px`, async ({
    page,
    desk,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Nothing leaves the machine: every request goes back to the desk's own server.
    const origin = new URL(desk.url).origin;
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) elsewhere.push(r.url());
    });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(desk.url);
    await importPdf(page, desk);

    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: TITLE })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(TITLE);
    await expect(page.getByRole('button', { name: 'Original, page 1 of 4' })).toBeVisible();

    // The passage, made in the reader as the analyst makes it.
    await selectText(page, QUOTE);
    await page.keyboard.press('h');
    const editor = page.getByRole('group', { name: 'Selected passage' });
    await expect(editor.locator('blockquote')).toHaveText(QUOTE);
    await editor.getByRole('button', { name: 'Show on pages 2–3' }).click();

    const dialog = page.getByRole('dialog', { name: new RegExp(TITLE) });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Page number')).toHaveValue('2');
    await expect.poll(() => canvasDrawn(page), { timeout: 15_000 }).toBe(true);
    await expect(dialog.getByRole('status')).toContainText(
      'The passage is on pages 2–3; its words on this page are highlighted.',
    );
    // On page 2 the passage's first part, on its own words: the marks cover exactly them.
    const marks = page.getByTestId('page-marks');
    await expect(marks).toHaveAttribute('data-marked-text', ON_PAGE_2);
    expect(await textUnderMarks(page)).toBe(unspaced(ON_PAGE_2));
    await page.screenshot({ path: join(SCREENSHOTS, `page-view-${width}.png`) });

    // Paged on with the keyboard: page 3 holds the rest of it.
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByLabel('Page number')).toHaveValue('3');
    await expect(marks).toHaveAttribute('data-marked-text', ON_PAGE_3);
    expect(await textUnderMarks(page)).toBe(unspaced(ON_PAGE_3));
    await page.screenshot({ path: join(SCREENSHOTS, `page-view-${width}-page-3.png`) });
    await page.keyboard.press('PageDown');
    await expect(dialog.getByLabel('Page number')).toHaveValue('4');
    await expect(dialog.getByRole('status')).toContainText('The passage is on pages 2–3.');
    await expect(page.locator('.page-mark')).toHaveCount(0);
    await dialog.getByLabel('Page number').fill('1');
    await dialog.getByLabel('Page number').press('Enter');
    await expect(page.locator('.page-box[data-page="1"]')).toBeVisible();

    // Fit width fills the dialog; 100 % is the page's size (a US Letter page: 612 pt = 816 px).
    const fitted = await page.locator('.page-box').boundingBox();
    expect(fitted?.width).toBeGreaterThan(816);
    await dialog.getByRole('button', { name: '100%' }).click();
    await expect.poll(async () => (await page.locator('.page-box').boundingBox())?.width).toBe(816);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(editor).toBeVisible();
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the report header opens the original at page 1 (dark theme)', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(desk.url);
  await importPdf(page, desk);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: TITLE })
    .click();
  await page.getByRole('button', { name: 'Original, page 1 of 4' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(TITLE) });
  await expect(dialog.getByLabel('Page number')).toHaveValue('1');
  await expect.poll(() => canvasDrawn(page), { timeout: 15_000 }).toBe(true);
  await expect(dialog.getByRole('button', { name: '‹ Previous' })).toBeDisabled();
  await expect(page.locator('.page-mark')).toHaveCount(0);
  // The text layer holds the page's words, over the drawing.
  await expect(page.locator('.page-box .textLayer')).toContainText(TITLE);
  await page.screenshot({ path: join(SCREENSHOTS, 'page-view-dark-1024.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
