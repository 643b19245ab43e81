// The HTML brief as an editor sees it: the brief of the hand-built claim set (tests/unit/
// claim-set-fixture.ts) opened from a file in Chromium, no app server. Screenshots at 1440 and
// 1024 px wide (the first screen, and the whole page), and in print, go to test-results/brief-*.png (with the printed brief-print.pdf),
// to be looked at.
import { expect, test } from '@playwright/test';
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { briefHtml } from '../../electron/core/export/brief.ts';
import { matrixHtml } from '../../electron/core/export/matrix.ts';
import { claimSetFixture, EMOJI_QUOTE, HOSTILE } from '../unit/claim-set-fixture.ts';
import { ROOT } from './desk.ts';

const OUT = join(ROOT, 'test-results');

let browser: Browser;
let dir: string;
let url: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'source-desk-brief-'));
  const file = join(dir, 'brief.html');
  writeFileSync(file, briefHtml(claimSetFixture()).content);
  url = pathToFileURL(file).href;
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const width of [1440, 1024] as const) {
  test(`the brief reads at ${width} px: grouped by verdict, every quote, nothing run or fetched`, async () => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`fetched ${r.url()}`);
    });
    page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
    await page.goto(url);

    await expect(page.locator('h1')).toHaveText('Verification brief');
    await expect(page.locator('section.group > h2')).toHaveText([
      /^Verified/,
      /^Refuted/,
      /^Unresolved/,
      /^No verdict yet/,
      /^Passages not linked/,
    ]);
    // The hostile claim is shown as the words typed, not run.
    await expect(page.locator('h3', { hasText: '<script>' })).toContainText(HOSTILE.claim);
    await expect(page.locator('blockquote', { hasText: EMOJI_QUOTE })).toBeVisible();
    await expect(page.locator('figure.quote')).toHaveCount(9);
    await expect(page.locator('figure.orphaned .flag')).toContainText('Orphaned passage');
    // The quote with a line break keeps it.
    const gone = page.locator('blockquote', { hasText: 'the road is gone' });
    expect((await gone.boundingBox())?.height ?? 0).toBeGreaterThan(40);

    // Nothing wider than the window; the text column keeps a readable measure.
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      main: document.querySelector('main')?.getBoundingClientRect().width ?? 0,
      fontSize: parseFloat(
        getComputedStyle(document.querySelector('blockquote p') as Element).fontSize,
      ),
    }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.inner);
    expect(layout.main).toBeLessThanOrEqual(900);
    expect(layout.fontSize).toBeGreaterThanOrEqual(16);

    await page.screenshot({ path: join(OUT, `brief-${width}-top.png`) });
    await page.screenshot({ path: join(OUT, `brief-${width}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
}

test('the brief prints: print styles apply and Chromium makes a PDF of it', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgba(0, 0, 0, 0)',
  );
  await page.screenshot({ path: join(OUT, 'brief-print.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', path: join(OUT, 'brief-print.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.close();
});

test('the claim matrix reads at 1440 and 1024 px: a row per claim, a column per report, nothing run or fetched', async () => {
  const file = join(dir, 'claim-matrix.html');
  // Thirty reports more than the fixture's three: the matrix scrolls sideways, claims in view.
  const set = claimSetFixture();
  const [report] = set.reports;
  const [passage] = set.passages;
  const claim = set.claims[0];
  const evidence = set.evidence.find((e) => e.claim === claim?.id);
  if (!report || !passage || !claim || !evidence) throw new Error('the fixture changed');
  for (let i = 0; i < 30; i++) {
    const hex = i.toString(16).padStart(12, '0');
    const urn = `urn:sha256:${i.toString(16).padStart(64, '0')}`;
    set.reports.push({ ...report, id: urn, sha256: urn.slice(11), title: `Extra report ${i}` });
    set.passages.push({ ...passage, id: `${passage.id.slice(0, 24)}${hex}`, report: urn });
    set.evidence.push({
      ...evidence,
      id: `${evidence.id.slice(0, 24)}${hex}`,
      passage: `${passage.id.slice(0, 24)}${hex}`,
    });
    claim.origins[0]?.evidence.push(`${evidence.id.slice(0, 24)}${hex}`);
  }
  writeFileSync(file, matrixHtml(set).content);
  const matrixUrl = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url() !== matrixUrl) problems.push(`fetched ${r.url()}`);
  });
  page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
  await page.goto(matrixUrl);
  await expect(page.locator('h1')).toHaveText('Claim matrix');
  await expect(page.locator('tbody tr')).toHaveCount(set.claims.length);
  await expect(page.locator('thead th')).toHaveCount(1 + 33);
  // Every column readable: none narrower than its words, the claims' column kept in view.
  const widths = await page
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThan(200);
  await expect(page.locator('tbody th', { hasText: '<script>' })).toContainText(HOSTILE.claim);
  await page.screenshot({ path: join(OUT, 'matrix-1440.png') });
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.screenshot({ path: join(OUT, 'matrix-1024.png') });
  // Scrolled far to the right, the claims are still beside their cells.
  await page.mouse.move(500, 400);
  await page.mouse.wheel(4000, 0);
  await expect.poll(() => page.evaluate(() => window.scrollX)).toBeGreaterThan(3000);
  await expect(page.locator('tbody th').first()).toBeInViewport();
  await page.screenshot({ path: join(OUT, 'matrix-1024-scrolled.png') });
  expect(problems).toEqual([]);
  await page.close();
});
