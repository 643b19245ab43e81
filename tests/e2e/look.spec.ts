import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './desk.ts';

test.describe('an empty desk', () => {
  test.use({ emptyDesk: true });

  test('points to Import and to the demo case', async ({ page, desk }) => {
    await page.goto(desk.url);
    await expect(page.getByRole('heading', { name: 'This desk has no reports yet' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import reports…' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'empty-desk.png') });
    await page.getByRole('button', { name: 'Load the demo case' }).click();
    await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
      'Import: 3 imported',
    );
    // Each report's own button (beside it on each row: the compare toggle).
    await expect(
      page.getByRole('navigation', { name: 'Library' }).locator('button.report-item'),
    ).toHaveCount(3);
  });
});

test('keyboard: search with /, move through the library with arrows, open with Enter; dark theme', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.locator('button.report-item')).toHaveCount(3);
  await library.locator('button.report-item').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Many more young North Koreans',
  );
  await expect(library.getByRole('button', { name: /Many more young/ })).toHaveAttribute(
    'aria-current',
    'true',
  );

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search reports' })).toBeFocused();
  await page.keyboard.type('reporting partner');
  await expect(page.getByRole('navigation', { name: 'Search results' })).toContainText(
    '2 reports match',
  );
  await page.keyboard.press('Escape');
  await expect(library).toBeVisible();

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-dark.png') });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
