// The layout from a wide screen down to a half-screen window: every view at 1440, 1024 and 720 px
// wide keeps its key panels on screen and nothing wider than the window. Screenshots of each go to
// tests/e2e/screenshots/layout-<view>-<width>.png, to be looked at.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './desk.ts';
import { bridgeCall, selectText } from './helpers.ts';

const WIDTHS = [1440, 1024, 720] as const;
const HEIGHT = 860;

/** Widths of the page and of any element drawn past the window's right edge. */
async function overflow(
  page: Page,
): Promise<{ scroll: number; inner: number; past: string[]; sideways: string[] }> {
  return page.evaluate(() => {
    const inner = window.innerWidth;
    const past: string[] = [];
    /** Panels that scroll sideways: a list or a form wider than its panel. */
    const sideways: string[] = [];
    const name = (e: Element): string => `${e.tagName.toLowerCase()}.${e.className}`;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const { overflowX } = getComputedStyle(element);
      if (
        (overflowX === 'auto' || overflowX === 'scroll') &&
        element.scrollWidth > element.clientWidth + 1
      )
        sideways.push(`${name(element)}: ${element.scrollWidth} in ${element.clientWidth}`);
      // Inside a scroller of its own (a list, the reader's text), an element may run on.
      let clipped = false;
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== 'visible' && up.getBoundingClientRect().right <= inner + 0.5) {
          clipped = true;
          break;
        }
      }
      if (!clipped && box.right > inner + 0.5)
        past.push(
          `${element.tagName.toLowerCase()}.${element.className} → ${Math.round(box.right)}`,
        );
    }
    return {
      scroll: document.scrollingElement?.scrollWidth ?? 0,
      inner,
      past: past.slice(0, 8),
      sideways,
    };
  });
}

async function noOverflow(page: Page): Promise<void> {
  const seen = await overflow(page);
  // Soft: every view and width is looked at and screenshot, and all that overflows is listed.
  expect.soft(seen.past, `drawn past the window's ${seen.inner} px`).toEqual([]);
  expect.soft(seen.scroll).toBeLessThanOrEqual(seen.inner);
  expect.soft(seen.sideways, 'panels that scroll sideways').toEqual([]);
}

/** A claim backed by passages of two outlets, open in the claims view, and a passage open in 001. */
async function prepare(page: Page): Promise<void> {
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = (await bridgeCall(page, method, input)) as { ok: boolean; value: T };
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result)}`);
    return result.value;
  };
  const claim = await call<{ id: number }>('claims.create', {
    text: 'Car repair has become a new way for North Koreans to make money in Ryanggang province',
    tags: ['vehicles', 'economy'],
  });
  for (const [reportId, quote] of [
    [1, 'auto repair is becoming a new market for making money'],
    [2, 'new money-making opportunities created by Chinese vehicles entering across the border'],
  ] as const) {
    const { text } = await call<{ text: string }>('reports.get', { id: reportId });
    const start = text.indexOf(quote);
    const passage = await call<{ id: number }>('passages.create', {
      reportId,
      start,
      end: start + quote.length,
      exact: quote,
      note: '',
    });
    await call('evidence.link', {
      claimId: claim.id,
      passageId: passage.id,
      stance: 'supports',
      credibility: 2,
    });
  }
}

test('every view fits at 1440, 1024 and 720 px wide, key panels on screen', async ({
  page,
  desk,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: HEIGHT });
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await prepare(page);
  await page.reload();
  // The reader with a passage open.
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Pandora/ })
    .click();
  const phrase = 'group purchasing';
  await expect(page.getByTestId('report-text')).toContainText(phrase);
  await selectText(page, phrase);
  await page.keyboard.press('h');
  await expect(page.getByRole('group', { name: 'Selected passage' })).toBeVisible();

  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Reader' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, `layout-reader-${width}.png`) });
    await expect.soft(page.getByTestId('report-text')).toBeInViewport();
    await expect
      .soft(page.getByRole('group', { name: 'Selected passage' }))
      .toBeInViewport({ ratio: 0.3 });
    await expect
      .soft(page.getByRole('navigation', { name: 'Library' }))
      .toBeInViewport({ ratio: 0.3 });
    await expect.soft(page.getByRole('button', { name: 'Import…' })).toBeInViewport();
    await noOverflow(page);

    await page.getByRole('button', { name: /^Claims/ }).click();
    const list = page.getByRole('navigation', { name: 'Claims' });
    await list.getByRole('button', { name: /Car repair/ }).click();
    await expect(page.getByRole('region', { name: 'Supporting evidence' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, `layout-claims-${width}.png`) });
    await expect.soft(page.getByRole('region', { name: 'Claim' })).toBeInViewport({ ratio: 0.3 });
    await expect.soft(list).toBeInViewport({ ratio: 0.3 });
    await noOverflow(page);

    await page.getByRole('button', { name: 'Sources', exact: true }).click();
    await expect(page.getByRole('main', { name: 'Sources' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, `layout-sources-${width}.png`) });
    await expect.soft(page.getByRole('main', { name: 'Sources' })).toBeInViewport({ ratio: 0.3 });
    await noOverflow(page);
  }
});
