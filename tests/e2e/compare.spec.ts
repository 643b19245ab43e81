// The compare view on the seeds: reports side by side, a claim's passages in the same colour and
// number in every column, counterparts outlined, the gutter, the next shared claim, and passages
// made without leaving the view.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './desk.ts';
import { makeClaim } from './helpers.ts';

/** The seeds' reports, in import order: 000 (Daily NK), 001 and 002 (ASIAPRESS). */
const R000 = 1;
const R001 = 2;
const R002 = 3;

/** A library row's "Compare" toggle, found by the report's title. */
const pickToCompare = (library: Locator, title: string): Locator =>
  library
    .locator('.report-row', { hasText: title })
    .getByRole('button', { name: 'Pick to compare' });
const column = (page: Page, reportId: number): Locator =>
  page.locator(`.compare-column[data-report-id="${reportId}"]`);
const marker = (page: Page, reportId: number, claimId: number): Locator =>
  column(page, reportId).locator(`.claim-marker[data-claim-id="${claimId}"]`).first();
/** The claim's colour a marker is drawn in (filled, or its border when hollow). */
const background = (locator: Locator): Promise<string> =>
  locator.evaluate((el) => getComputedStyle(el).getPropertyValue('--claim').trim());
const scrollTops = (page: Page): Promise<number[]> =>
  page
    .getByTestId('compare-scroll')
    .evaluateAll((els) => els.map((el) => Math.round((el as HTMLElement).scrollTop)));

/** Selects `phrase` in one column's text, as a drag would. */
async function selectInColumn(page: Page, reportId: number, phrase: string): Promise<void> {
  await expect(column(page, reportId).getByTestId('compare-text')).toContainText(phrase);
  await column(page, reportId)
    .getByTestId('compare-text')
    .evaluate((article, from) => {
      const p = Array.from(article.querySelectorAll('p')).find((el) =>
        el.textContent?.includes(from),
      );
      const node = p?.firstChild as Text | undefined;
      if (!node) throw new Error(`"${from}" is not in the column`);
      const start = node.data.indexOf(from);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + from.length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
    }, phrase);
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  // Badges are placed again once the columns have their new width.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

test('two and three reports side by side, claims matched by colour and number', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library).toContainText('Pandora');

  const licence = await makeClaim(page, 'Driving licences now cost far more than before', [
    [
      R001,
      'the license acquisition cost (including bribes), which was previously 300-500 yuan, has risen to 1,200 yuan',
      'supports',
    ],
    [R002, 'Because of this, more people are getting driver’s licenses.', 'context'],
  ]);
  const pool = await makeClaim(page, 'Groups of 3–5 people pool money to buy one car', [
    [
      R001,
      "it's becoming popular for individuals to pool money and have 3-5 people buy one car together",
      'supports',
    ],
    [R002, 'Groups of 3-5 people pool money to buy a car and share it as needed.', 'supports'],
  ]);
  const repair = await makeClaim(page, 'Car repair has become a way to make money', [
    [R000, 'auto repair is becoming a new market for making money', 'supports'],
    [
      R001,
      'new money-making opportunities created by Chinese vehicles entering across the border',
      'supports',
    ],
  ]);
  const stateLed = await makeClaim(page, 'The vehicle smuggling is organised by the state', [
    [R002, 'this is an organized, state-led influx of goods on a different scale', 'supports'],
  ]);

  // Picked in the library: two rows, then the tray opens them side by side.
  await pickToCompare(library, 'Pandora').click();
  await pickToCompare(library, 'upper reaches of the Yalu').click();
  await expect(page.getByRole('button', { name: 'Compare (2)' })).toBeVisible();
  await expect(pickToCompare(library, 'Pandora')).toHaveAttribute('aria-pressed', 'true');
  // The row's own button is still the only one its title names (the toggle is described by it).
  await expect(library.getByRole('button', { name: /Pandora/ })).toHaveCount(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'compare-library-1440.png') });
  await page
    .getByRole('group', { name: 'Reports to compare' })
    .getByRole('button', {
      name: 'Compare side by side',
    })
    .click();
  await expect(page.locator('.compare-column')).toHaveCount(2);
  await expect(column(page, R001).locator('h2')).toContainText('Pandora');
  await expect(column(page, R001)).toContainText('ASIAPRESS');

  // The claim with evidence in both: its marker, same colour and number, in both columns.
  for (const claim of [licence, pool]) {
    await expect(marker(page, R001, claim)).toBeVisible();
    await expect(marker(page, R002, claim)).toBeVisible();
    expect(await background(marker(page, R001, claim))).toBe(
      await background(marker(page, R002, claim)),
    );
    expect(await marker(page, R001, claim).textContent()).toBe(
      await marker(page, R002, claim).textContent(),
    );
  }
  // Two claims, two colours.
  expect(await background(marker(page, R001, licence))).not.toBe(
    await background(marker(page, R001, pool)),
  );
  // The legend lists every claim of these reports, shared or not, and in how many it is.
  const legend = page.getByRole('list', { name: 'Claims in these reports' });
  await expect(legend).toContainText('Groups of 3–5 people');
  await expect(legend).toContainText('organised by the state');
  await expect(legend.locator(`[data-claim-id="${repair}"]`)).toContainText('1/2');
  // The marker's shape says the stance too: the licence claim is only context in 002.
  await expect(marker(page, R002, licence)).toHaveClass(/stance-context/);
  await expect(marker(page, R002, licence)).toHaveAttribute('aria-label', /context only/);
  await expect(page.getByRole('toolbar', { name: 'Compare tools' })).toContainText(
    '2 shared claims of 4',
  );

  // Hovering a passage's marker outlines its counterpart in the other column.
  await expect(column(page, R002).locator('.counterpart-outline')).toHaveCount(0);
  await marker(page, R001, pool).hover();
  await expect(column(page, R002).locator('.counterpart-outline').first()).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(column(page, R002).locator('.counterpart-outline')).toHaveCount(0);
  // Pointing at the passage's words does the same, from either side.
  const words = await column(page, R002)
    .getByTestId('compare-text')
    .evaluate((article, quote) => {
      const p = Array.from(article.querySelectorAll('p')).find((el) =>
        el.textContent?.includes(quote),
      );
      p?.scrollIntoView({ block: 'center' });
      const node = p?.firstChild as Text;
      const range = document.createRange();
      const at = node.data.indexOf(quote);
      range.setStart(node, at);
      range.setEnd(node, at + 6);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }, 'Groups of 3-5 people');
  await page.mouse.move(words.x, words.y);
  await expect(column(page, R001).locator('.counterpart-outline').first()).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(column(page, R001).locator('.counterpart-outline')).toHaveCount(0);

  // The gutter: a tick per passage and claim, at its place; one click scrolls there.
  await expect(column(page, R001).locator('.gutter-tick')).toHaveCount(3);
  await expect(column(page, R002).locator('.gutter-tick')).toHaveCount(3);

  await shoot(page, 'compare-2-1440.png', 1440);

  // Next shared claim: every column that has it scrolls to it; J goes on to the next.
  const before = await scrollTops(page);
  await page.getByRole('button', { name: /Next shared claim/ }).click();
  await expect(legend.locator(`[data-claim-id="${licence}"]`)).toHaveClass(/focused/);
  await expect.poll(async () => (await scrollTops(page)).join()).not.toBe(before.join());
  await page.keyboard.press('j');
  await expect(legend.locator(`[data-claim-id="${pool}"]`)).toHaveClass(/focused/);
  await page.keyboard.press('j');
  await expect(legend.locator(`[data-claim-id="${licence}"]`)).toHaveClass(/focused/);

  // A passage, then a claim from it, without leaving the view.
  await selectInColumn(page, R002, 'China turned a blind eye');
  await page.keyboard.press('h');
  const editor = page.getByRole('group', { name: 'Selected passage' });
  await expect(editor.locator('blockquote')).toHaveText('China turned a blind eye');
  await expect(page.getByRole('main', { name: 'Compare reports' })).toBeVisible();
  const form = editor.getByRole('group', { name: 'Use as evidence' });
  await form.getByRole('button', { name: 'New claim from passage' }).click();
  await form.getByRole('textbox', { name: 'Proposition' }).fill('China tolerated the smuggling');
  await form.getByRole('button', { name: 'Create claim' }).click();
  await expect(legend).toContainText('China tolerated the smuggling');
  await page.screenshot({ path: join(SCREENSHOTS, 'compare-drawer-1440.png') });
  await expect(column(page, R002).locator('.claim-marker')).toHaveCount(4);
  await page.getByRole('button', { name: 'Close the passage panel' }).click();

  await shoot(page, 'compare-2-1024.png', 1024);

  // A third report: the repair claim now shared between 000 and 001, in one colour.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await pickToCompare(library, 'Many more young').click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(page.locator('.compare-column')).toHaveCount(3);
  await expect(marker(page, R000, repair)).toBeVisible();
  expect(await background(marker(page, R000, repair))).toBe(
    await background(marker(page, R001, repair)),
  );
  await expect(marker(page, R000, stateLed)).toHaveCount(0);
  await expect(column(page, R000).locator('.gutter-tick')).toHaveCount(1);
  await marker(page, R000, repair).hover();
  await expect(column(page, R001).locator('.counterpart-outline').first()).toBeVisible();
  await expect(column(page, R002).locator('.counterpart-outline')).toHaveCount(0);
  await page.mouse.move(5, 5);
  await shoot(page, 'compare-3-1440.png', 1440);
  await shoot(page, 'compare-3-1024.png', 1024);

  // The claim matrix: the three reports as columns, what each does with each claim.
  await page.getByRole('tab', { name: 'Claim matrix' }).click();
  const matrix = page.getByRole('table', { name: 'Claim matrix' });
  await expect(matrix.locator('thead')).toContainText('Daily NK');
  await expect(matrix.locator('thead')).toContainText('ASIAPRESS');
  const cell = (claimId: number, reportId: number): Locator =>
    matrix.locator(`tr[data-claim-id="${claimId}"] td[data-report-id="${reportId}"]`);
  await expect(cell(licence, R001).locator('.cell-stance')).toHaveText('Supports');
  await expect(cell(licence, R002).locator('.cell-stance')).toHaveText('Context only');
  await expect(cell(licence, R000).locator('.cell-stance')).toHaveText('Silent');
  await expect(cell(repair, R000)).toContainText('Daily NK');
  // Exported as a spreadsheet: a row per claim, a column per report.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('claim-matrix.csv');
  const csv = readFileSync((await file.path()) as string, 'utf8');
  expect(csv).toContain('Daily NK: Many more young');
  expect(csv).toContain('Driving licences now cost far more than before');
  expect(csv.split('\r\n').length).toBe(1 + 5 + 1);
  await shoot(page, 'compare-matrix-1024.png', 1024);
  await shoot(page, 'compare-matrix-1440.png', 1440);
  // A claim of the matrix is shown side by side.
  await matrix.locator(`tr[data-claim-id="${pool}"] .matrix-claim`).click();
  await expect(page.locator('.compare-column')).toHaveCount(3);
  await expect(legend.locator(`[data-claim-id="${pool}"]`)).toHaveClass(/focused/);
  await expect(marker(page, R002, pool)).toBeVisible();
});

test('a claim’s reports open side by side from its evidence', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Pandora');
  const pool = await makeClaim(page, 'Groups of 3–5 people pool money to buy one car', [
    [
      R001,
      "it's becoming popular for individuals to pool money and have 3-5 people buy one car together",
      'supports',
    ],
    [R002, 'Groups of 3-5 people pool money to buy a car and share it as needed.', 'supports'],
  ]);
  await page.getByRole('button', { name: /^Claims/ }).click();
  await page
    .getByRole('button', { name: /Groups of 3–5 people/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Compare these reports' }).click();
  await expect(page.locator('.compare-column')).toHaveCount(2);
  await expect(marker(page, R001, pool)).toBeVisible();
  await expect(marker(page, R002, pool)).toBeVisible();
});

test('with "Align matched passages" on, the other column brings the counterpart level', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library).toContainText('Pandora');
  const pool = await makeClaim(page, 'Groups of 3–5 people pool money to buy one car', [
    [
      R001,
      "it's becoming popular for individuals to pool money and have 3-5 people buy one car together",
      'supports',
    ],
    [R002, 'Groups of 3-5 people pool money to buy a car and share it as needed.', 'supports'],
  ]);
  await pickToCompare(library, 'Pandora').click();
  await pickToCompare(library, 'upper reaches of the Yalu').click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(marker(page, R002, pool)).toBeVisible();
  await page.getByRole('switch', { name: 'Align matched passages' }).check();

  /** How far below its column's top the claim's marker stands. */
  const offset = (reportId: number): Promise<number> =>
    marker(page, reportId, pool).evaluate((el) => {
      const scroller = el.closest('.compare-scroll') as HTMLElement;
      return Math.round(el.getBoundingClientRect().top - scroller.getBoundingClientRect().top);
    });
  const before = await offset(R002);
  // The analyst scrolls the left column until the passage stands 120 px below its top.
  await marker(page, R001, pool).evaluate((el) => {
    const scroller = el.closest('.compare-scroll') as HTMLElement;
    scroller.scrollTop +=
      el.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 120;
  });
  await expect.poll(() => offset(R001)).toBeGreaterThan(110);
  await expect.poll(() => offset(R002)).not.toBe(before);
  expect(Math.abs((await offset(R002)) - (await offset(R001)))).toBeLessThan(6);

  // Undone from the compare view, the evidence goes from its column at once.
  await marker(page, R002, pool).click();
  await page.keyboard.press('Control+z');
  await expect(marker(page, R002, pool)).toHaveCount(0);
  await page.getByRole('button', { name: /Switch to dark theme/ }).click();
  await page.screenshot({ path: join(SCREENSHOTS, 'compare-2-dark-1024.png') });
});

test('shared wording: 001’s and 002’s 3-5 people sentences are marked, the words that differ shown', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library).toContainText('Pandora');
  await pickToCompare(library, 'Pandora').click();
  await pickToCompare(library, 'upper reaches of the Yalu').click();
  await page.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(page.locator('.compare-column')).toHaveCount(2);
  // No claim exists: the reuse of words shows all the same.
  await page.getByRole('switch', { name: 'Shared wording' }).check();
  const panel = page.getByRole('complementary', { name: 'Shared wording' });
  const pair = panel.locator('.wording-pair', { hasText: 'Groups of 3-5 people pool money' });
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('to pool money and have 3-5 people buy one car together');
  // 002 says "Groups", 001 does not; 001 names its reporting partner, 002 does not.
  await expect(pair.locator('.wording-side').nth(1).locator('ins')).toHaveText(['Groups']);
  await expect(pair.locator('.wording-side').nth(0).locator('ins').first()).toHaveText('reporting');
  const layer = (name: string): Promise<number> =>
    page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
  expect(await layer('compare-wording')).toBeGreaterThanOrEqual(2);
  expect(await layer('compare-differ')).toBeGreaterThan(0);

  // Chosen, the pair's two sentences come level into view, underlined.
  await pair.click();
  await expect(pair).toHaveAttribute('aria-current', 'true');
  expect(await layer('compare-pair')).toBe(2);
  const inView = (reportId: number, words: string): Promise<boolean> =>
    column(page, reportId)
      .getByTestId('compare-text')
      .evaluate((article, w) => {
        const p = Array.from(article.querySelectorAll('p')).find((el) =>
          el.textContent?.includes(w),
        ) as HTMLElement;
        const node = p.firstChild as Text;
        const range = document.createRange();
        const at = node.data.indexOf(w);
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const r = range.getBoundingClientRect();
        const box = (article.closest('.compare-scroll') as HTMLElement).getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }, words);
  await expect.poll(() => inView(R002, 'Groups of 3-5 people pool money')).toBe(true);
  await expect.poll(() => inView(R001, 'have 3-5 people buy one car')).toBe(true);
  await shoot(page, 'compare-wording-1440.png', 1440);
  await shoot(page, 'compare-wording-1024.png', 1024);

  // Switched off, the marks and the list go.
  await page.getByRole('switch', { name: 'Shared wording' }).uncheck();
  await expect(panel).toHaveCount(0);
  expect(await layer('compare-wording')).toBe(0);
});

test('reports found by a search are picked to compare from the results', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Pandora');
  await page.keyboard.press('/');
  await page.keyboard.type('driver');
  const results = page.getByRole('navigation', { name: 'Search results' });
  await expect(results.locator('button.report-item')).not.toHaveCount(0);
  const hits = results.locator('.report-row');
  await hits.nth(0).getByRole('button', { name: 'Pick to compare' }).click();
  await hits.nth(1).getByRole('button', { name: 'Pick to compare' }).click();
  await results.getByRole('button', { name: 'Compare side by side' }).click();
  await expect(page.locator('.compare-column')).toHaveCount(2);
});
