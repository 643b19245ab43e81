// Undoing an edit of a report's details puts them back where the analyst reads them: the reader's
// heading and the library's row.
import { expect, test } from './desk.ts';

test('Ctrl+Z after editing a title shows the old title in the reader and the library', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: /Many more young North Koreans/ }).click();
  const heading = page.getByRole('heading', { level: 1 });
  const before = (await heading.textContent()) as string;
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Report details' });
  await form.getByLabel('Title').fill('Car repair skills in demand');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(heading).toHaveText('Car repair skills in demand');
  await expect(library.getByRole('button', { name: /Car repair skills in demand/ })).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(heading).toHaveText(before);
  await expect(
    library.getByRole('button', { name: /Many more young North Koreans/ }),
  ).toBeVisible();
});
