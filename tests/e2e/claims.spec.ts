import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, SCREENSHOTS, test } from './desk.ts';
import { selectText } from './helpers.ts';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const editor = (page: Page) => page.getByRole('group', { name: 'Selected passage' });

async function openReport(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Reports', exact: true }).click();
  await library(page).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

/** Highlights a phrase and leaves its editor open. */
async function highlight(page: Page, phrase: string): Promise<void> {
  await expect(page.getByTestId('report-text')).toContainText(phrase);
  await selectText(page, phrase);
  await page.keyboard.press('h');
  await expect(editor(page).locator('blockquote')).toHaveText(phrase);
}

async function attribute(page: Page, source: string): Promise<void> {
  await editor(page).getByLabel('Source of this passage').selectOption({ label: source });
  await expect(editor(page).getByLabel('Source of this passage')).toHaveValue(/\d+/);
}

async function useAsEvidence(
  page: Page,
  options: { claim?: string; stance?: string; credibility: string },
): Promise<void> {
  const form = editor(page).getByRole('group', { name: 'Use as evidence' });
  if (options.stance) await form.getByLabel('Stance').selectOption({ label: options.stance });
  await form.getByLabel('Credibility').selectOption({ label: options.credibility });
  if (options.claim) {
    // The claim is found by its words, as an analyst would in a case of thousands.
    await form.getByRole('searchbox', { name: 'Claim' }).fill(options.claim);
    await form
      .getByRole('list', { name: 'Matching claims' })
      .getByRole('button', { name: new RegExp(options.claim) })
      .click();
    await form.getByRole('button', { name: /^Link as evidence for/ }).click();
  } else {
    await form.getByRole('button', { name: 'New claim from passage' }).click();
    // The proposition is asked for, the quote offered and selected: typing would replace it.
    const proposition = form.getByRole('textbox', { name: 'Proposition' });
    await expect(proposition).toBeFocused();
    await form.getByRole('button', { name: 'Create claim' }).click();
  }
  await expect(editor(page).locator('.passage-claims li')).not.toHaveCount(0);
}

/** Counts the page's calls to one desk method from now on. */
function countCalls(page: Page, method: string): () => number {
  let calls = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/api/${method}`) calls++;
  });
  return () => calls;
}

test('an analyst builds claims on the seeds and sees origins, not articles, counted', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByLabel('Reviewer name').fill('J. Analyst');
  await page.getByLabel('Reviewer name').press('Enter');

  // Sources: a named source inside ASIAPRESS reporting, and grades.
  await page.getByRole('button', { name: 'Sources' }).click();
  const add = page.getByRole('form', { name: 'Add a named source' });
  await add.getByLabel('Outlet').selectOption({ label: 'ASIAPRESS' });
  await add.getByLabel('Source name').fill('Reporting partner A in Ryanggang');
  await add.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByRole('region', { name: 'Sources of ASIAPRESS' })).toContainText(
    'Reporting partner A in Ryanggang',
  );
  for (const [name, grade, why] of [
    ['ASIAPRESS', 'B — Usually reliable', 'Partners inside the country; long record'],
    ['Daily NK', 'B — Usually reliable', 'Established source network'],
    [
      'Reporting partner A in Ryanggang',
      'C — Fairly reliable',
      'Single partner; reports match later photos',
    ],
  ] as const) {
    await page.getByLabel(`Reliability of ${name}`).selectOption({ label: grade });
    await page.getByLabel(`Rationale for ${name}`).fill(why);
    await page
      .getByRole('group', { name, exact: true })
      .getByRole('button', { name: 'Save grade' })
      .click();
    await expect(page.getByLabel(`Reliability of ${name}`)).toHaveValue(grade.charAt(0));
  }

  // Claim 1: group purchases — two ASIAPRESS reports quoting the same reporting partner.
  await openReport(page, /Pandora/);
  await highlight(
    page,
    "it's becoming popular for individuals to pool money and have 3-5 people buy one car together",
  );
  await attribute(page, 'Reporting partner A in Ryanggang (ASIAPRESS)');
  await useAsEvidence(page, { credibility: '2 — Probably true' });
  await openReport(page, /upper reaches of the Yalu/);
  await highlight(page, 'Groups of 3-5 people pool money to buy a car and share it as needed.');
  await attribute(page, 'Reporting partner A in Ryanggang (ASIAPRESS)');
  await useAsEvidence(page, { claim: 'pool money', credibility: '2 — Probably true' });

  // Claim 2: car repair as a new market — Daily NK and ASIAPRESS, no named sources.
  await openReport(page, /Many more young North Koreans/);
  await highlight(page, 'auto repair is becoming a new market for making money');
  await useAsEvidence(page, { credibility: '2 — Probably true' });
  await openReport(page, /Pandora/);
  await highlight(
    page,
    'new money-making opportunities created by Chinese vehicles entering across the border',
  );
  await useAsEvidence(page, { claim: 'auto repair', credibility: '3 — Possibly true' });

  // Claim 3: private ownership has grown — Daily NK and ASIAPRESS; the ASIAPRESS passage doubts it.
  await openReport(page, /Many more young North Koreans/);
  await highlight(page, 'the recent rise in the number of car owners and operators in North Korea');
  await useAsEvidence(page, { credibility: '2 — Probably true' });
  await openReport(page, /upper reaches of the Yalu/);
  await highlight(page, 'the Kim Jong-un regime has suddenly allowed private car ownership');
  await useAsEvidence(page, { claim: 'car owners', credibility: '2 — Probably true' });

  // The claims panel: statuses computed from origins.
  await page.getByRole('button', { name: /^Claims/ }).click();
  const claims = page.getByRole('navigation', { name: 'Claims' });
  await expect(claims.getByRole('listitem')).toHaveCount(3);
  const pooled = claims.getByRole('button', { name: /pool money/ });
  await expect(pooled).toContainText('Single origin');
  await expect(pooled).toContainText('1 for · 0 against · 2 reports · 1 outlet');
  const market = claims.getByRole('button', { name: /auto repair/ });
  await expect(market.locator('.status')).toHaveText('Corroborated');
  await expect(market).toContainText('2 for · 0 against · 2 reports · 2 outlets');
  await expect(claims.getByRole('button', { name: /car owners/ }).locator('.status')).toHaveText(
    'Corroborated',
  );

  // Claim 1 in detail: its evidence grouped under one origin, the reporting partner.
  await pooled.click();
  const detail = page.getByRole('region', { name: 'Claim' });
  await detail.getByRole('button', { name: 'Edit' }).click();
  await detail
    .getByRole('textbox', { name: 'Claim' })
    .fill('Groups of 3–5 people pool money to buy one car');
  await detail.getByRole('textbox', { name: /Tags/ }).fill('vehicles, economy');
  await detail.getByRole('button', { name: 'Save claim' }).click();
  await expect(detail.getByRole('heading', { level: 1 })).toHaveText(
    'Groups of 3–5 people pool money to buy one car',
  );
  const supporting = detail.getByRole('region', { name: 'Supporting evidence' });
  await expect(supporting.getByRole('article')).toHaveCount(1);
  await expect(
    supporting.getByRole('article', { name: 'Origin: Reporting partner A in Ryanggang' }),
  ).toContainText('2 passages in 2 reports');
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    'Single origin',
  );
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    '1 independent supporting origin',
  );
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    '2 — Probably true',
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'claim-evidence-by-origin.png') });

  // Claim 2: corroborated by two graded outlets → suggested 1; the verdict sits beside the status.
  await market.click();
  await expect(
    detail.getByRole('region', { name: 'Supporting evidence' }).getByRole('article'),
  ).toHaveCount(2);
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    '1 — Confirmed by other sources',
  );
  await detail.getByLabel('Verdict', { exact: true }).selectOption('verified');
  await detail.getByLabel('Rationale').fill('Daily NK and ASIAPRESS report it independently.');
  // Saving a verdict patches the claim's row with what the write returned: the list is not asked
  // for again.
  const listCalls = countCalls(page, 'claims.list');
  const updateCalls = countCalls(page, 'claims.update');
  await detail.getByRole('button', { name: 'Save verdict' }).click();
  await expect(market).toContainText('verified');
  await expect(detail.getByRole('button', { name: 'Save verdict' })).toBeDisabled();
  expect(updateCalls()).toBe(1);
  expect(listCalls()).toBe(0);
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    'Corroborated',
  );

  // Evidence grade changes are kept and undoable.
  const firstEvidence = detail.locator('li.evidence').first();
  const gradeBefore = await firstEvidence.getByLabel('Credibility').inputValue();
  await firstEvidence
    .getByLabel('Credibility')
    .selectOption({ label: '1 — Confirmed by other sources' });
  await expect(page.getByRole('button', { name: /^Undo evidence change/ })).toBeEnabled();
  await page.getByRole('button', { name: /^Undo evidence change/ }).click();
  await expect(firstEvidence.getByLabel('Credibility')).toHaveValue(gradeBefore);

  // A note on one piece of evidence.
  await firstEvidence.getByLabel('Evidence note').fill('Same week as the Daily NK report');
  await firstEvidence.getByLabel('Evidence note').press('Enter');
  await expect(page.getByRole('button', { name: /^Undo evidence change/ })).toBeEnabled();
  await expect(detail.locator('li.evidence').first().getByLabel('Evidence note')).toHaveValue(
    'Same week as the Daily NK report',
  );

  // The history names the reviewer and shows before/after.
  await detail.getByText('History').click();
  const history = detail.locator('details.history');
  await expect(history).toContainText('J. Analyst');
  await expect(history).toContainText('Verdict');
  await expect(history).toContainText('Verdict: no verdict → verified');
  await page.screenshot({ path: join(SCREENSHOTS, 'claims-panel.png') });

  // From a claim, jump to its passage in the report.
  await detail.getByRole('button', { name: /Many more young North Koreans/ }).click();
  await expect(editor(page).locator('blockquote')).toHaveText(
    'auto repair is becoming a new market for making money',
  );

  await page.getByRole('button', { name: 'Sources' }).click();
  await expect(
    page.getByRole('group', { name: 'Reporting partner A in Ryanggang', exact: true }),
  ).toContainText('2');
  await page.screenshot({ path: join(SCREENSHOTS, 'sources-panel.png') });
});

test('near-identical wording under two origins is flagged; confirming it makes them one origin', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByTestId('file-input').setInputFiles(join(ROOT, 'tests/fixtures/copied-report.md'));
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    'Import: 1 imported',
  );

  await openReport(page, /upper reaches of the Yalu/);
  await highlight(page, 'Groups of 3-5 people pool money to buy a car and share it as needed.');
  await useAsEvidence(page, { credibility: '2 — Probably true' });
  await openReport(page, /Car clubs spread along the border/);
  await highlight(page, 'groups of 3-5 people pool money to buy a car and share it as needed');
  await useAsEvidence(page, { claim: 'Groups of 3-5', credibility: '2 — Probably true' });

  await page.getByRole('button', { name: /^Claims/ }).click();
  const item = page.getByRole('navigation', { name: 'Claims' }).getByRole('listitem').first();
  // Two outlets, but an undecided shared-origin warning: not plainly corroborated.
  await expect(item).toContainText('Corroborated — origin check pending');
  await expect(item).toContainText('⚠ 1');
  await item.getByRole('button').click();
  const warning = page.getByRole('region', { name: 'Shared-origin warnings' }).getByRole('alert');
  await expect(warning).toContainText('Possible shared origin');
  await expect(warning).toContainText('100% of word sequences shared');
  await expect(warning).toContainText('Car clubs spread along the border');
  await page.screenshot({ path: join(SCREENSHOTS, 'shared-origin-warning.png') });
  await warning.getByRole('button', { name: 'Same origin: count once' }).click();

  const detail = page.getByRole('region', { name: 'Claim' });
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    'Single origin',
  );
  await expect(
    detail.getByRole('region', { name: 'Supporting evidence' }).getByRole('article'),
  ).toHaveCount(1);
  await expect(warning).toContainText('Confirmed shared origin');
  await expect(item).not.toContainText('⚠');

  // Undo brings the two origins back, and the check pending again.
  await page.getByRole('button', { name: /^Undo shared origin confirmed/ }).click();
  await expect(detail.getByRole('region', { name: 'Computed status' })).toContainText(
    'Corroborated — origin check pending',
  );
});

test('a duplicate claim is found by its words and merged; the list loses its row', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('button', { name: /^Claims/ }).click();
  const claims = page.getByRole('navigation', { name: 'Claims' });
  for (const text of [
    'Fuel is rationed for private owners',
    'Private owners get rationed fuel',
    'Trucks cost twice the spring price',
  ]) {
    await claims.getByLabel('New claim').fill(text);
    await claims.getByRole('button', { name: 'Add' }).click();
    await expect(claims.getByRole('button', { name: text })).toBeVisible();
  }
  await expect(claims.getByRole('listitem')).toHaveCount(3);
  await expect(claims.getByRole('heading', { level: 2 })).toHaveText('3 of 3 claims');

  const detail = page.getByRole('region', { name: 'Claim' });
  await claims.getByRole('button', { name: 'Fuel is rationed for private owners' }).click();
  const picker = detail.getByRole('form', { name: 'Merge a duplicate' });
  await picker.getByLabel('Merge a duplicate into this claim').fill('rationed');
  // Only the other claims holding the words are offered, not every claim.
  const matches = picker.getByRole('list', { name: 'Matching claims' }).getByRole('button');
  await expect(matches).toHaveText(['Private owners get rationed fuel']);
  await matches.first().click();
  const listCalls = countCalls(page, 'claims.list');
  await picker.getByRole('button', { name: /^Merge “Private owners get rationed fuel”/ }).click();
  await expect(claims.getByRole('listitem')).toHaveCount(2);
  await expect(claims.getByRole('heading', { level: 2 })).toHaveText('2 of 2 claims');
  expect(listCalls()).toBe(0);

  // The list's filter asks the desk.
  await claims.getByLabel('Filter claims').fill('trucks');
  await expect(claims.getByRole('listitem')).toHaveCount(1);
  await expect(claims.getByRole('heading', { level: 2 })).toHaveText('1 of 2 claims');
});

test('a claim added while the list is on its way stays in the list', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  // The list's pages are answered at once but arrive late, after the claim is added.
  await page.route('**/api/claims.list', async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({ response });
  });
  let answered = 0;
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/api/claims.list') answered++;
  });
  await page.getByRole('button', { name: /^Claims/ }).click();
  const claims = page.getByRole('navigation', { name: 'Claims' });
  await claims.getByLabel('New claim').fill('Fuel is rationed for private owners');
  await claims.getByRole('button', { name: 'Add' }).click();
  const added = claims.getByRole('button', { name: /Fuel is rationed for private owners/ });
  await expect(added).toBeVisible();
  // The page asked for before the claim existed has come back: the claim is still listed.
  await expect.poll(() => answered).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(300);
  await expect(added).toBeVisible();
  await expect(claims.getByRole('heading', { level: 2 })).toHaveText('1 of 1 claims');
});
