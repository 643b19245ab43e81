// The reviewer's name typed while the desk's session is still arriving is not overwritten by it.
import { expect, test } from './desk.ts';
import { bridgeCall } from './helpers.ts';

test('a name typed before the session arrives is the one saved', async ({ page, desk }) => {
  // The session's answer held back, so it lands while the analyst is typing.
  await page.route('**/api/preferences.get', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.goto(desk.url);
  const field = page.getByLabel('Reviewer name');
  await field.fill('J. Analyst');
  await page.waitForTimeout(1200);
  await field.press('Enter');
  await expect(field).toHaveValue('J. Analyst');
  await expect
    .poll(
      async () =>
        ((await bridgeCall(page, 'preferences.get', {})) as { value: { reviewer: string } }).value
          .reviewer,
    )
    .toBe('J. Analyst');
});
