// Suggested passages on the seeds: each "3-5 people" sentence is offered for the claim made from
// the other among the first three; one taken as supporting evidence links it, one rejected as not
// relevant stays rejected after a reload.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './desk.ts';
import { makeClaim } from './helpers.ts';

/** The seeds' reports, in import order: 000 (Daily NK), 001 and 002 (ASIAPRESS). */
const R001 = 2;
const R002 = 3;
const IN_001 =
  "it's becoming popular for individuals to pool money and have 3-5 people buy one car together";
const IN_002 = 'Groups of 3-5 people pool money to buy a car and share it as needed.';

/** Opens the claim worded `claim` and asks for its suggestions. */
async function suggestionsFor(page: Page, claim: string) {
  await page.getByRole('button', { name: /^Claims/ }).click();
  await page
    .getByRole('navigation', { name: 'Claims' })
    .getByRole('listitem')
    .filter({ hasText: claim })
    .getByRole('button')
    .click();
  await expect(page.getByRole('heading', { name: claim })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Suggested passages' });
  await panel.getByRole('button', { name: 'Find passages in other reports' }).click();
  // Its answer: a list, or nothing more to suggest (not the "looking" note before either).
  await expect(
    panel
      .getByRole('listitem')
      .first()
      .or(panel.getByText(/^Nothing more to suggest/)),
  ).toBeVisible();
  return panel;
}

/** The first three suggestions' words. */
const topThree = async (panel: Locator): Promise<string[]> =>
  (await panel.getByRole('listitem').allInnerTexts()).slice(0, 3);

test('each "3-5 people" sentence is suggested for the other’s claim; one taken as evidence, one rejected for good', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const pooled = 'Car buyers pool money in groups';
  await makeClaim(page, pooled, [[R002, IN_002, 'supports']]);
  const groups = 'Groups of 3–5 people pool money to buy one car';
  await makeClaim(page, groups, [[R001, IN_001, 'supports']]);

  // 001's sentence for the claim made from 002's: not relevant, the reviewer says. It goes, and
  // stays gone after a reload.
  let panel = await suggestionsFor(page, pooled);
  const ofPooled = await topThree(panel);
  expect(
    ofPooled.some((t) => t.includes('3-5 people buy one car together')),
    ofPooled.join('\n'),
  ).toBe(true);
  const rejected = panel
    .getByRole('listitem')
    .filter({ hasText: '3-5 people buy one car together' });
  await rejected.getByRole('button', { name: 'Not relevant' }).click();
  await expect(rejected).toHaveCount(0);
  await page.reload();
  panel = await suggestionsFor(page, pooled);
  await expect(
    panel.getByRole('listitem').filter({ hasText: '3-5 people buy one car together' }),
  ).toHaveCount(0);

  // 002's sentence for the claim made from 001's: taken as supporting evidence.
  panel = await suggestionsFor(page, groups);
  const ofGroups = await topThree(panel);
  expect(
    ofGroups.some((t) => t.includes(IN_002)),
    ofGroups.join('\n'),
  ).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'claim-suggestions-1440.png') });
  const taken = panel.getByRole('listitem').filter({ hasText: IN_002 });
  await taken.getByRole('button', { name: 'Supports' }).click();
  await expect(taken).toHaveCount(0);
  const supporting = page.getByRole('region', { name: 'Supporting evidence' });
  await expect(supporting).toContainText('Groups of 3-5 people pool money to buy a car');
  await expect(
    page
      .getByRole('navigation', { name: 'Claims' })
      .getByRole('listitem')
      .filter({ hasText: groups }),
  ).toContainText('2 reports');
});

test('a passage’s suggestions: read side by side, then taken as evidence for the passage’s claim', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Pandora');
  const claim = await makeClaim(page, 'Car pools of 3–5 people', [[R001, IN_001, 'supports']]);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByText(/Pandora/)
    .click();
  await page.locator('.passage-item', { hasText: 'pool money and have 3-5 people' }).click();
  const editor = page.getByRole('group', { name: 'Selected passage' });
  const panel = editor.getByRole('region', { name: 'Suggested passages' });
  await panel.getByRole('button', { name: 'Find passages in other reports' }).click();
  const hit = panel.getByRole('listitem').filter({ hasText: IN_002 });
  await expect(hit).toHaveCount(1);
  expect((await topThree(panel)).some((t) => t.includes(IN_002))).toBe(true);

  // Side by side: the passage and the suggestion, each in its report's column, underlined.
  await hit.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.locator('.compare-column')).toHaveCount(2);
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('compare-pair')?.size ?? 0))
    .toBe(2);
  // Both come into view.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('compare-pair') ?? [])].every((range) => {
          const r = range as AbstractRange;
          const box = (
            r.startContainer.parentElement?.closest('.compare-scroll') as HTMLElement
          ).getBoundingClientRect();
          const rect = document.createRange();
          rect.setStart(r.startContainer, r.startOffset);
          rect.setEnd(r.endContainer, r.endOffset);
          const at = rect.getBoundingClientRect();
          return at.top >= box.top && at.bottom <= box.bottom;
        }),
      ),
    )
    .toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'suggestion-side-by-side.png') });

  // In the compare view, the passage's panel offers the same suggestions; one is taken.
  await page
    .locator(`.compare-column[data-report-id="${R001}"] .claim-marker[data-claim-id="${claim}"]`)
    .waitFor();
  await page
    .locator(`.compare-column[data-report-id="${R001}"]`)
    .getByTestId('compare-text')
    .getByText(/pool money and have 3-5 people/)
    .click();
  const drawer = page.getByRole('complementary', { name: 'Passages of the report' });
  const again = drawer.getByRole('region', { name: 'Suggested passages' });
  // Asked for already, in the reader: the same list is there.
  await again
    .getByRole('listitem')
    .filter({ hasText: IN_002 })
    .getByRole('button', { name: 'Supports' })
    .click();
  // The new evidence shows in 002's column under the claim's number.
  await expect(
    page.locator(
      `.compare-column[data-report-id="${R002}"] .claim-marker[data-claim-id="${claim}"]`,
    ),
  ).toBeVisible();
  await expect(again.getByRole('listitem').filter({ hasText: IN_002 })).toHaveCount(0);
});
