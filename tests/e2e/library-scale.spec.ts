// The library at 10,000 reports across 20 outlets: only the rows in view are in the page, the last
// report can be reached and opened, and a search comes and goes without drawing every report.
import { test as base, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesk } from '../../electron/core/db/connection.ts';
import { createPassage } from '../../electron/core/db/passages.ts';
import { getReportText, storeReports } from '../../electron/core/db/reports.ts';
import type { PreparedReport } from '../../electron/core/import/index.ts';
import { expect, SCREENSHOTS, startServer } from './desk.ts';
import { bridgeCall } from './helpers.ts';

const REPORTS = 10_000;
const OUTLETS = 20;
/** A row budget far below the desk's size: what a virtualised list draws at any scroll position. */
const MAX_ROWS = 200;
/** Passages on the first report of the library (report 9998, id 9999). */
const PASSAGES = 1_500;
const BUSY_REPORT = 9_999;

const WORDS = (
  'market traders border guards province county vehicle smuggling fuel price rice corn yuan ' +
  'inspection police permit railway station harvest factory wages ration electricity bicycle ' +
  'mobile phone broker checkpoint customs river bridge winter spring cadres meeting lecture'
).split(' ');

/** Report i: one outlet holds half the desk, the rest spread over 19; every 97th mentions "tractor". */
function report(i: number): PreparedReport {
  const outlet =
    i % 2 === 0 ? 'Outlet 01' : `Outlet ${String(2 + (i % (OUTLETS - 1))).padStart(2, '0')}`;
  const words: string[] = [];
  let seed = i * 2654435761;
  for (let w = 0; w < 80; w++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    words.push(WORDS[Math.floor(seed / 65536) % WORDS.length] as string);
  }
  if (i % 97 === 0) words.push('tractor');
  const text = `Report ${i}. ${words.join(' ')}.`;
  // Stated as the importers store it: to the minute, no zone.
  const day = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString().slice(0, 16);
  return {
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    chars: text.length,
    format: 'txt',
    originalName: `report-${i}.txt`,
    title: `Report ${i}: ${words.slice(0, 6).join(' ')}`,
    outlet,
    byline: i % 3 === 0 ? 'Staff reporter' : null,
    publishedAt: day,
    url: null,
    language: 'en',
  };
}

const test = base.extend<object, { bigDesk: { url: string } }>({
  bigDesk: [
    // Playwright reads a fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'source-desk-scale-'));
      const dbPath = join(dir, 'desk.sqlite');
      const { db } = openDesk(dbPath);
      // Changes to a desk are recorded under a reviewer's name.
      db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'E2E analyst')`).run();
      for (let start = 0; start < REPORTS; start += 1_000) {
        const group = Array.from({ length: 1_000 }, (_, k) => report(start + k));
        const failed = storeReports(db, group).find((r) => r instanceof Error);
        if (failed) throw failed;
      }
      const text = getReportText(db, BUSY_REPORT) as string;
      db.transaction(() => {
        for (let k = 0; k < PASSAGES; k++) {
          const start = (k * 7) % (text.length - 10);
          const exact = text.slice(start, start + 6);
          createPassage(db, { reportId: BUSY_REPORT, start, end: start + 6, exact, note: '' });
        }
      })();
      db.close();
      const { child, url } = await startServer(dbPath);
      await use({ url });
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const reportRows = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('.report-item').length);

test('10,000 reports: few rows drawn, the last one reachable, search typed and cleared', async ({
  page,
  bigDesk,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const started = Date.now();
  await page.goto(bigDesk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(
    library.getByRole('region', { name: 'Outlet 01' }).getByRole('button').first(),
  ).toBeVisible({
    timeout: 15_000,
  });
  const firstPaint = Date.now() - started;
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  // Informal figures for the record; the assertions below are the test.
  console.log(`library visible after ${firstPaint} ms; ${nodes} DOM nodes`);
  expect(await reportRows(page)).toBeLessThan(MAX_ROWS);
  await expect(library.getByRole('heading', { name: /Outlet 01/ })).toContainText('5,000');

  // A report with 1,500 passages: few drawn; the last one reached by scrolling opens its editor.
  await library.getByRole('button', { name: /^Report 9998:/ }).click();
  const panel = page.getByRole('complementary', { name: 'Passages' });
  await expect(panel.getByRole('heading', { name: /Passages/ })).toHaveText(
    `Passages ${PASSAGES.toLocaleString('en')}`,
  );
  expect(await page.locator('.passage-item').count()).toBeLessThan(MAX_ROWS);
  await panel
    .locator('.virtual-scroller')
    .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  const lastPassage = panel
    .getByRole('listitem')
    .filter({ has: page.locator('.passage-item') })
    .last();
  await expect(lastPassage).toHaveAttribute('aria-posinset', String(PASSAGES));
  await lastPassage.getByRole('button').click();
  await expect(page.getByRole('group', { name: 'Selected passage' })).toBeInViewport();
  await page.screenshot({ path: join(SCREENSHOTS, 'library-scale-1440.png') });
  expect(await page.locator('.passage-item').count()).toBeLessThan(MAX_ROWS);

  // Deep inside the big outlet, the rows in view arrive, asked for a screenful at a time (not
  // every row from the outlet's heading down).
  const asked: number[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/reports.items')
      asked.push((JSON.parse(request.postData() ?? '{}') as { ids: number[] }).ids.length);
  });
  const rowsAsked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/reports.items');
  await library
    .locator('.virtual-scroller')
    .evaluate((list) => list.scrollTo({ top: list.scrollHeight * 0.3 }));
  // The rows there are asked for (the check below would pass at once on the rows left behind).
  await rowsAsked;
  await expect(library.locator('button.report-item:not(.loading)').first()).toBeVisible();
  await expect(library.locator('button.report-item.loading')).toHaveCount(0);
  expect(asked.length).toBeGreaterThan(0);
  expect(Math.max(...asked)).toBeLessThanOrEqual(300);

  // Scroll to the end: the last report of the last outlet is drawn and opens.
  // The library's order comes as ids; the rows are asked for by id.
  const { value: order } = (await bridgeCall(page, 'reports.list', {})) as {
    value: { ids: number[] };
  };
  expect(order.ids).toHaveLength(REPORTS);
  const { value: reports } = (await bridgeCall(page, 'reports.items', {
    ids: order.ids.slice(-2),
  })) as { value: { title: string }[] };
  const last = reports.at(-1)?.title as string;
  await library
    .locator('.virtual-scroller')
    .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  const lastButton = library.getByRole('button', { name: last });
  await expect(lastButton).toBeVisible();
  await lastButton.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(last);
  await expect(lastButton).toHaveAttribute('aria-current', 'true');
  expect(await reportRows(page)).toBeLessThan(MAX_ROWS);
  // Arrow keys still move through the list at its end, and the focused row is in view.
  await lastButton.focus();
  await page.keyboard.press('ArrowUp');
  await expect(
    library.getByRole('button', { name: reports.at(-2)?.title as string }),
  ).toBeFocused();

  // A search, typed key by key, shows its matches; clearing it brings back the library at once.
  await page.keyboard.press('/');
  await page.keyboard.type('tractor', { delay: 40 });
  const results = page.getByRole('navigation', { name: 'Search results' });
  await expect(results).toContainText('104 reports match “tractor”');
  await expect(results.locator('mark').first()).toHaveText('tractor');
  const hit = results.locator('button.report-item').nth(3);
  const hitTitle = (await hit.locator('.title').textContent()) as string;
  await hit.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hitTitle);
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  // Back in the library, the report opened from the search is in view and marked open.
  const opened = library.getByRole('button', { name: hitTitle });
  await expect(opened).toBeInViewport();
  await expect(opened).toHaveAttribute('aria-current', 'true');
  expect(await reportRows(page)).toBeLessThan(MAX_ROWS);

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(library.getByRole('button').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'library-scale-1024.png') });
});
