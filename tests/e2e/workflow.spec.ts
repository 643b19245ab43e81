// A claim workflow without traps, as an analyst meets it: the reviewer's name asked before the
// first change, undo and redo that say what they did, text fields that keep their own Ctrl+Z,
// the shortcuts list, arrow keys through the claims, and a history and evidence that read plainly.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, SCREENSHOTS, test } from './desk.ts';
import { bridgeCall, selectText } from './helpers.ts';

const claimsList = (page: Page) => page.getByRole('navigation', { name: 'Claims' });
const notice = (page: Page) => page.getByRole('status', { name: 'Undo' });

/** Calls the desk as the UI does; throws the desk's message when it refuses. */
async function desk<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await bridgeCall(page, method, input)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function openClaims(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Claims/ }).click();
  await expect(claimsList(page)).toBeVisible();
}

test.describe('a desk with no reviewer named', () => {
  test.use({ reviewer: '' });

  test('asks for the name at the first change, then makes it', async ({ page, desk: d }) => {
    await page.goto(d.url);
    // Reading needs no name: nothing is asked until a change is tried.
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /Pandora/ })
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const phrase = 'group purchasing';
    await expect(page.getByTestId('report-text')).toContainText(phrase);
    await selectText(page, phrase);
    await page.keyboard.press('h');
    const prompt = page.getByRole('dialog', { name: 'Who is reviewing?' });
    await expect(prompt).toBeVisible();
    await expect(prompt.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await page.keyboard.type('K. Analyst');
    await page.screenshot({ path: join(SCREENSHOTS, 'reviewer-prompt.png') });
    await page.keyboard.press('Enter');
    await expect(prompt).toHaveCount(0);
    // The highlight waited for the name and was made, under it.
    await expect(
      page.getByRole('group', { name: 'Selected passage' }).locator('blockquote'),
    ).toHaveText(phrase);
    await expect(page.getByLabel('Reviewer name')).toHaveValue('K. Analyst');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('cancelled, the change is not made and the banner says why', async ({ page, desk: d }) => {
    await page.goto(d.url);
    await openClaims(page);
    await page.getByRole('textbox', { name: 'New claim' }).fill('Fuel is rationed');
    await page.getByRole('button', { name: 'Add' }).click();
    const prompt = page.getByRole('dialog', { name: 'Who is reviewing?' });
    await expect(prompt).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(prompt).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText('Nothing was changed');
    await expect(claimsList(page).locator('.claim-item')).toHaveCount(0);
    // The words typed are given back, not lost.
    await expect(page.getByRole('textbox', { name: 'New claim' })).toHaveValue('Fuel is rationed');
  });
});

test('undo says what it undid and offers Redo; Ctrl+Shift+Z and Ctrl+Y redo', async ({
  page,
  desk: d,
}) => {
  await page.goto(d.url);
  await openClaims(page);
  await page.getByRole('textbox', { name: 'New claim' }).fill('Fuel is rationed');
  await page.getByRole('button', { name: 'Add' }).click();
  const row = claimsList(page).getByRole('button', { name: /Fuel is rationed/ });
  await expect(row).toBeVisible();

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect(notice(page)).toContainText('Undid:');
  await expect(notice(page)).toContainText('Fuel is rationed');
  await page.screenshot({ path: join(SCREENSHOTS, 'undo-notice.png') });
  await expect(row).toHaveCount(0);

  await notice(page).getByRole('button', { name: 'Redo' }).click();
  await expect(notice(page)).toContainText('Redid:');
  await expect(row).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(row).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(row).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(row).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(row).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo', exact: true }).first()).toBeDisabled();
});

test('a stray highlight is undone by Ctrl+Z: the passage goes, its report counts it, Redo brings it back', async ({
  page,
  desk: d,
}) => {
  await page.goto(d.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  const row = library.getByRole('button', { name: /upper reaches of the Yalu/ });
  await row.click();
  await expect(row).toContainText('No passages');
  const phrase = 'pool money';
  await expect(page.getByTestId('report-text')).toContainText(phrase);
  await selectText(page, phrase);
  await page.keyboard.press('h');
  await expect(row).toContainText('1 passage');
  await page.keyboard.press('Control+z');
  await expect(notice(page)).toContainText('Undid:');
  await expect(page.getByRole('group', { name: 'Selected passage' })).toHaveCount(0);
  await expect(row).toContainText('No passages');
  await page.keyboard.press('Control+Shift+z');
  await expect(notice(page)).toContainText('Redid:');
  await expect(row).toContainText('1 passage');
});

test('inside a text field, Ctrl+Z is the field’s own', async ({ page, desk: d }) => {
  await page.goto(d.url);
  await openClaims(page);
  await page.getByRole('textbox', { name: 'New claim' }).fill('Cars are shared');
  await page.getByRole('button', { name: 'Add' }).click();
  const row = claimsList(page).getByRole('button', { name: /Cars are shared/ });
  await expect(row).toBeVisible();
  const field = page.getByRole('textbox', { name: 'Filter claims' });
  await field.click();
  await page.keyboard.type('xyz');
  await page.keyboard.press('Control+z');
  // The desk's last change (the claim) stays; no notice of an undo.
  await page.waitForTimeout(300);
  await expect(notice(page)).toHaveCount(0);
  expect(
    await desk<{ next: string | null }>(page, 'session.status', {}).then((s) => s.next),
  ).toMatch(/Cars are shared/);
});

test('Ctrl+Z right after choosing from a list undoes that choice (a list has no undo of its own)', async ({
  page,
  desk: d,
}) => {
  await page.goto(d.url);
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const cites = page.getByLabel('What Daily NK cites');
  // As a click would, the list keeps the focus once chosen from.
  await cites.focus();
  await cites.selectOption({ label: 'ASIAPRESS' });
  await expect(page.getByRole('button', { name: /^Undo edit of “Daily NK”/ })).toBeEnabled();
  await expect(cites).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(notice(page)).toContainText('Undid:');
  await expect(cites).toHaveValue('');
});

test('? lists every shortcut; Escape closes the list', async ({ page, desk: d }) => {
  await page.goto(d.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  for (const does of ['Search reports', 'Undo the last change', 'Redo', 'Highlight the selected'])
    await expect(list).toContainText(does);
  await page.screenshot({ path: join(SCREENSHOTS, 'shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  // Typed in a field, ? is a character.
  await page.getByRole('searchbox', { name: 'Search reports' }).click();
  await page.keyboard.press('?');
  await expect(list).toHaveCount(0);
});

test('arrow keys move through the claims list and open each claim', async ({ page, desk: d }) => {
  await page.goto(d.url);
  for (const text of ['Claim one', 'Claim two', 'Claim three'])
    await desk(page, 'claims.create', { text, tags: [] });
  await openClaims(page);
  await claimsList(page)
    .getByRole('button', { name: /Claim three/ })
    .click();
  const detail = page.locator('.claim-detail');
  await expect(detail).toContainText('Claim three');
  await page.keyboard.press('ArrowDown');
  await expect(detail).toContainText('Claim two');
  await expect(claimsList(page).getByRole('button', { name: /Claim two/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(detail).toContainText('Claim one');
  await page.keyboard.press('ArrowUp');
  await expect(detail).toContainText('Claim two');
  await expect(claimsList(page).getByRole('button', { name: /Claim two/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('evidence reads in its sentence; history reads in words, local time, ISO on hover', async ({
  page,
  desk: d,
}) => {
  await page.goto(d.url);
  const claim = await desk<{ id: number }>(page, 'claims.create', {
    text: 'Groups share a car',
    tags: [],
  });
  const { text } = await desk<{ text: string }>(page, 'reports.get', { id: 2 });
  const quote = 'pool money';
  const start = text.indexOf(quote);
  const passage = await desk<{ id: number }>(page, 'passages.create', {
    reportId: 2,
    start,
    end: start + quote.length,
    exact: quote,
    note: '',
  });
  await desk(page, 'evidence.link', {
    claimId: claim.id,
    passageId: passage.id,
    stance: 'supports',
    credibility: 3,
  });
  await desk(page, 'claims.update', { id: claim.id, verdict: 'verified' });
  await openClaims(page);
  await claimsList(page)
    .getByRole('button', { name: /Groups share a car/ })
    .click();
  const evidence = page.locator('.evidence').first();
  await expect(evidence.locator('q')).toHaveText(quote);
  await expect(evidence.locator('.quote-context').first()).toHaveText(
    '…popular for individuals to ',
  );
  await expect(evidence.locator('.quote-context').nth(1)).toContainText('and have 3-5 people');

  await page.locator('.history summary').click();
  const history = page.locator('.history ol');
  await expect(history.locator('li')).toHaveCount(3);
  await expect(history).toContainText('Evidence added');
  await expect(history).toContainText('Credibility: 3 — Possibly true');
  await expect(history).toContainText('Verdict: no verdict → verified');
  await expect(history).not.toContainText('null');
  await expect(history).not.toContainText('verdictRationale');
  const time = history.locator('time').first();
  const iso = await time.getAttribute('datetime');
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT/);
  await expect(time).toHaveAttribute('title', iso as string);
  await expect(time).not.toHaveText(iso as string);
});
