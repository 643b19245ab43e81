import { join } from 'node:path';
import { bridgeCall } from './helpers.ts';
import { expect, SCREENSHOTS, test } from './desk.ts';

test('the search box finds claims and passage notes too, and opens them', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const claim = (await bridgeCall(page, 'claims.create', {
    text: 'Mechanics are paid in yuan for imported car repairs',
  })) as { ok: boolean; value: { id: number } };
  expect(claim.ok).toBe(true);
  const report = (await bridgeCall(page, 'reports.get', { id: 1 })) as {
    value: { text: string };
  };
  const start = report.value.text.indexOf('car repair');
  await bridgeCall(page, 'passages.create', {
    reportId: 1,
    start,
    end: start + 'car repair'.length,
    exact: 'car repair',
    note: 'Ask the Hyesan mechanics about apprenticeship fees',
  });

  const search = page.getByRole('searchbox', { name: 'Search reports' });
  await search.fill('apprenticeship');
  const notes = page.getByRole('region', { name: 'Matching notes' });
  await expect(notes).toContainText('Ask the Hyesan mechanics about apprenticeship fees');
  await expect(page.getByRole('navigation', { name: 'Search results' })).toContainText(
    'No report matches',
  );
  await notes.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Many more young');

  await search.fill('mechanics yuan');
  const claims = page.getByRole('region', { name: 'Matching claims' });
  await expect(claims).toContainText('Mechanics are paid in yuan');
  await page.screenshot({ path: join(SCREENSHOTS, 'search-own-words.png') });
  await claims.getByRole('button').click();
  await expect(page.getByRole('heading', { name: /Mechanics are paid in yuan/ })).toBeVisible();
});
