// The passage panel by keyboard, as an analyst highlighting fast: stance, credibility and a new
// claim whose proposition is asked for (the quote offered, selected, replaced by typing).
import { join } from 'node:path';
import { expect, SCREENSHOTS, test } from './desk.ts';
import { selectText } from './helpers.ts';

test('keys set stance and credibility; N asks for the proposition, typing replaces the quote', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Pandora/ })
    .click();
  const phrase = 'pool money and have 3-5 people buy one car together';
  await selectText(page, phrase);
  await page.keyboard.press('h');
  const editor = page.getByRole('group', { name: 'Selected passage' });
  await expect(editor.locator('blockquote')).toHaveText(phrase);
  const form = editor.getByRole('group', { name: 'Use as evidence' });

  await page.keyboard.press('c');
  await expect(form.getByLabel('Stance')).toHaveValue('contradicts');
  await page.keyboard.press('5');
  await expect(form.getByLabel('Credibility')).toHaveValue('5');
  await page.keyboard.press('s');
  await expect(form.getByLabel('Stance')).toHaveValue('supports');
  await page.keyboard.press('2');

  await page.keyboard.press('n');
  const proposition = form.getByRole('textbox', { name: 'Proposition' });
  await expect(proposition).toBeFocused();
  await expect(proposition).toHaveValue(phrase);
  // Typing replaces the offered quote: it was selected.
  await page.keyboard.type('Car owners in Ryanggang share vehicles in groups of 3-5');
  await page.keyboard.press('Control+Enter');
  const linked = editor.locator('.passage-claims li');
  await expect(linked).toHaveCount(1);
  await expect(linked).toContainText('Car owners in Ryanggang share vehicles in groups of 3-5');
  await expect(linked).toContainText('Supports · 2');

  // Closed, the passage is drawn in its stance's colour, and the list says so with its source.
  await editor.getByRole('button', { name: 'Close' }).click();
  const layer = (name: string) => page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
  await expect.poll(() => layer('passage-supports')).toBe(1);
  expect(await layer('passage-unlinked')).toBe(0);
  const item = page.getByRole('complementary', { name: 'Passages' }).locator('.passage-item');
  await expect(item).toHaveClass(/mark-supports/);
  await expect(item).toContainText('ASIAPRESS · Supports · 1 claim');
  await expect(page.getByRole('list', { name: 'Highlight colours' })).toContainText('Contradicts');
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-stance-colours.png') });

  // Deleting it names the claim that would lose it, before it is gone.
  await item.click();
  await editor.getByRole('button', { name: 'Delete passage' }).click();
  await expect(editor.getByRole('alert')).toContainText(
    'which will lose it: “Car owners in Ryanggang share vehicles in groups of 3-5”',
  );
});
