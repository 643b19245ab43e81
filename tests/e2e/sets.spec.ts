// Claim sets in the UI: the export dialog (formats, which claims, the counts it will hold, a
// download per file) and the merge view (a colleague's set previewed, merged, merged again to no
// effect, refused with its reason, and the conflicts it left decided with Keep mine / Take theirs).
// Screenshots of both at 1440 and 1024 px go to tests/e2e/screenshots/sets-*.png, to be looked at.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, SCREENSHOTS, startServer, test } from './desk.ts';
import { bridgeCall } from './helpers.ts';

const CLAIM_VERIFIED =
  'Car repair has become a new way for North Koreans to make money in Ryanggang province';
const CLAIM_OPEN = 'Chinese vehicles enter North Korea across the border';

/** One call to the desk the page is on; its value, or the test fails with the desk's answer. */
async function desk<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await bridgeCall(page, method, input)) as { ok: boolean; value: T };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result)}`);
  return result.value;
}

/** A passage of `quote` in report `reportId`. */
async function passage(page: Page, reportId: number, quote: string): Promise<number> {
  const { text } = await desk<{ text: string }>(page, 'reports.get', { id: reportId });
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in report ${reportId}`);
  const made = await desk<{ id: number }>(page, 'passages.create', {
    reportId,
    start,
    end: start + quote.length,
    exact: quote,
  });
  return made.id;
}

interface Case {
  verified: number;
  open: number;
  /** The named source both claims' evidence is attributed to. */
  source: number;
}

/**
 * Two claims on the demo reports: one verified and tagged, backed by two outlets' passages; one
 * with no verdict, backed by a passage attributed to a graded named source.
 */
async function buildCase(page: Page): Promise<Case> {
  const verified = await desk<{ id: number }>(page, 'claims.create', {
    text: CLAIM_VERIFIED,
    tags: ['vehicles', 'economy'],
  });
  for (const [reportId, quote] of [
    [1, 'auto repair is becoming a new market for making money'],
    [2, 'new money-making opportunities created by Chinese vehicles entering across the border'],
  ] as const)
    await desk(page, 'evidence.link', {
      claimId: verified.id,
      passageId: await passage(page, reportId, quote),
      stance: 'supports',
      credibility: 2,
    });
  await desk(page, 'claims.update', {
    id: verified.id,
    verdict: 'verified',
    verdictRationale: 'Two outlets, independent informants',
  });
  const sources = await desk<{ id: number; name: string }[]>(page, 'sources.list', {});
  const asiapress = sources.find((s) => s.name === 'ASIAPRESS');
  if (!asiapress) throw new Error('the demo desk has no ASIAPRESS outlet');
  const source = await desk<{ id: number }>(page, 'sources.create', {
    outletId: asiapress.id,
    name: 'Reporting partner A in Ryanggang',
  });
  await desk(page, 'sources.rate', { id: source.id, reliability: 'B', rationale: 'Long record' });
  const attributed = await passage(page, 2, 'Chinese vehicles entering across the border');
  await desk(page, 'passages.attribute', { passageId: attributed, sourceId: source.id });
  const open = await desk<{ id: number }>(page, 'claims.create', {
    text: CLAIM_OPEN,
    tags: ['border'],
    evidence: { passageId: attributed, stance: 'supports', credibility: 3 },
  });
  return { verified: verified.id, open: open.id, source: source.id };
}

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export claims' });
const preview = (page: Page) =>
  exportDialog(page).getByRole('region', { name: 'What the export holds' });

/** The claim set a desk exports with texts, as the dialog would download it. */
async function exportSet(page: Page): Promise<string> {
  const { files } = await desk<{ files: { name: string; content: string }[] }>(
    page,
    'sets.export',
    { format: 'set', filter: null, withTexts: true },
  );
  const set = files.find((f) => f.name.endsWith('.json'));
  if (!set) throw new Error('the export holds no claim set');
  return set.content;
}

async function read(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

test('export: the counts follow the filter; the claim set downloads and names the claims', async ({
  page,
  desk: served,
}) => {
  await page.goto(served.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await buildCase(page);
  await page.reload();

  // Reached from the keyboard: the Export… button in the top bar.
  await page.getByRole('button', { name: 'Export…' }).focus();
  await page.keyboard.press('Enter');
  await expect(exportDialog(page)).toBeVisible();
  // Everything, at first; the claim set with the reports' texts.
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('2 claims');
  await expect(preview(page).locator('[data-count="reports"]')).toHaveText('2 reports');
  await expect(
    exportDialog(page).getByRole('radio', { name: 'Claim set (JSON)', exact: true }),
  ).toBeChecked();
  await expect(exportDialog(page).getByRole('checkbox', { name: /reports’ texts/ })).toBeChecked();

  // By verdict: the verified claim only; "no verdict yet" adds the other.
  await exportDialog(page).getByRole('radio', { name: 'By verdict', exact: true }).check();
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('1 claim');
  await expect(preview(page).locator('[data-count="evidence"]')).toHaveText('2 pieces of evidence');
  await exportDialog(page)
    .getByRole('group', { name: 'Verdicts' })
    .getByLabel('No verdict yet')
    .check();
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('2 claims');
  // By tag.
  await exportDialog(page).getByRole('radio', { name: 'By tag', exact: true }).check();
  await exportDialog(page).getByRole('combobox', { name: 'Tags' }).fill('border');
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('1 claim');
  await expect(preview(page).locator('[data-count="evidence"]')).toHaveText('1 piece of evidence');
  await exportDialog(page).getByRole('combobox', { name: 'Tags' }).fill('no-such-tag');
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('0 claims');
  await expect(exportDialog(page).getByRole('button', { name: 'Export' })).toBeDisabled();

  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 860 });
    await exportDialog(page).getByRole('radio', { name: 'By verdict', exact: true }).check();
    await page.screenshot({ path: join(SCREENSHOTS, `sets-export-${width}.png`) });
  }

  // Everything, downloaded: one claim-set.json that names both claims.
  await exportDialog(page)
    .getByRole('radio', { name: 'Every claim on the desk', exact: true })
    .check();
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('2 claims');
  const downloaded = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Export' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('claim-set.json');
  const set = JSON.parse(await read(download)) as {
    format: string;
    claims: { text: string; verdict: string | null }[];
    reports: { text?: string }[];
  };
  expect(set.format).toBe('source-desk/claim-set');
  expect(set.claims.map((c) => c.text).sort()).toEqual([CLAIM_OPEN, CLAIM_VERIFIED].sort());
  expect(set.reports.every((r) => typeof r.text === 'string')).toBe(true);
  await expect(exportDialog(page).getByRole('status')).toContainText('claim-set.json');

  // CSV: a download per file.
  await exportDialog(page).getByRole('radio', { name: 'CSV tables', exact: true }).check();
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  await exportDialog(page).getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog(page).getByRole('status')).toContainText('claims.csv');
  await expect.poll(() => names.length).toBeGreaterThanOrEqual(3);
  expect(names).toEqual(expect.arrayContaining(['claims.csv', 'evidence.csv', 'sources.csv']));

  // Brief as PDF: the HTML brief, styled, handed to the print dialog from a frame that runs nothing.
  await page.evaluate(() => {
    const seen = ((window as unknown as { printed: unknown[] }).printed = [] as unknown[]);
    new MutationObserver((changes) => {
      for (const node of changes.flatMap((c) => Array.from(c.addedNodes)))
        if (node instanceof HTMLIFrameElement && node.classList.contains('print-brief'))
          node.addEventListener('load', () => {
            const doc = node.contentDocument;
            seen.push({
              sandbox: node.getAttribute('sandbox'),
              text: doc?.body.innerText ?? '',
              sheets: doc?.adoptedStyleSheets.length ?? 0,
              scripts: doc?.querySelectorAll('script').length ?? 0,
            });
          });
    }).observe(document.body, { childList: true });
  });
  await exportDialog(page).getByRole('radio', { name: 'Brief as PDF', exact: true }).check();
  await exportDialog(page).getByRole('button', { name: 'Print…' }).click();
  await expect(exportDialog(page).getByRole('status')).toContainText('print dialog');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: unknown[] }).printed))
    .toEqual([
      {
        sandbox: 'allow-same-origin allow-modals',
        text: expect.stringContaining(CLAIM_VERIFIED) as unknown,
        sheets: 1,
        scripts: 0,
      },
    ]);

  await page.keyboard.press('Escape');
  await expect(exportDialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();
});

test('merge: a colleague’s set is previewed, merged, merged again to no effect; its conflicts are decided', async ({
  page,
  desk: served,
  browser,
}) => {
  test.setTimeout(90_000);
  // Desk A: the colleague's.
  await page.goto(served.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const a = await buildCase(page);
  const first = await exportSet(page);

  // Desk B: this analyst's, a fresh desk with the same demo reports.
  const dir = mkdtempSync(join(tmpdir(), 'source-desk-e2e-b-'));
  const b = await startServer(join(dir, 'desk.sqlite'));
  const mine = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  try {
    await mine.goto(b.url);
    await expect(mine.getByRole('navigation', { name: 'Library' })).toBeVisible();
    await desk(mine, 'preferences.set', { reviewer: 'B. Reviewer' });
    // This analyst already holds one of the colleague's claims, worded a little differently.
    const mineToo = await desk<{ id: number }>(mine, 'claims.create', {
      text: `${CLAIM_VERIFIED.toLowerCase()}.`,
    });
    await desk(mine, 'claims.update', {
      id: mineToo.id,
      verdict: 'verified',
      verdictRationale: 'Two outlets, independent informants',
    });
    // The claims list, seen before the merge, counts what the merge brings.
    await views(mine)
      .getByRole('button', { name: /^Claims/ })
      .click();
    await expect(mine.getByRole('navigation', { name: 'Claims' })).toContainText('1 of 1 claims');
    await views(mine).getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(
      mine.getByRole('heading', { name: 'Merge a colleague’s claim set' }),
    ).toBeVisible();
    await expect(mine.getByRole('region', { name: /Conflicts to decide/ })).toContainText('None');

    // The preview: from whom, and the counts; nothing is written yet.
    await mine.getByLabel('Claim set file').setInputFiles({
      name: 'colleague.json',
      mimeType: 'application/json',
      buffer: Buffer.from(first),
    });
    const preview = mine.getByRole('article', { name: 'Merge preview' });
    await expect(preview).toContainText('What merging colleague.json would do');
    await expect(preview).toContainText('Exported by E2E analyst');
    await expect(preview.locator('[data-count="Claims"] td').first()).toHaveText('2');
    await expect(preview.locator('[data-count="Reports"] td').nth(1)).toHaveText('2');
    expect(await desk<{ all: number }>(mine, 'claims.list', {})).toMatchObject({ all: 1 });
    for (const width of [1440, 1024]) {
      await mine.setViewportSize({ width, height: 860 });
      await mine.screenshot({
        path: join(SCREENSHOTS, `sets-merge-preview-${width}.png`),
        fullPage: true,
      });
    }

    // The likely duplicate is offered, kept separate unless the analyst says otherwise.
    const duplicate = preview
      .getByRole('region', { name: 'Likely duplicates' })
      .getByRole('radiogroup', { name: /What to do with/ });
    await expect(duplicate.getByRole('radio', { name: 'Keep separate' })).toBeChecked();
    await duplicate.getByRole('radio', { name: /^Merge into/ }).check();

    // Merged: the result, and the claims are here: the duplicate merged into this desk's claim.
    await preview.getByRole('button', { name: 'Merge', exact: true }).click();
    const result = mine.getByRole('article', { name: 'Merge result' });
    await expect(result).toContainText('Merged colleague.json');
    await expect(result.getByRole('region', { name: 'Likely duplicates' })).toContainText(
      'Merged into',
    );
    // Counted in the top bar at once (the claims list was loaded before the merge).
    await expect(views(mine).getByRole('button', { name: 'Claims (2)' })).toBeVisible();
    await views(mine).getByRole('button', { name: 'Claims (2)' }).click();
    // The colleague's evidence and tags joined this desk's wording of the claim.
    const merged = mine
      .getByRole('navigation', { name: 'Claims' })
      .getByRole('button', { name: new RegExp(`^${CLAIM_VERIFIED.toLowerCase()}`) });
    await expect(merged).toContainText('2 reports · 2 outlets');
    await expect(merged).toContainText('#economy #vehicles');
    await views(mine).getByRole('button', { name: 'Merge', exact: true }).click();

    // The same file again: nothing to merge.
    await mine.getByLabel('Claim set file').setInputFiles({
      name: 'colleague.json',
      mimeType: 'application/json',
      buffer: Buffer.from(first),
    });
    await expect(preview).toContainText('This desk already holds everything this set says');
    await expect(preview.getByRole('button', { name: 'Merge', exact: true })).toBeDisabled();

    // Both grade the source and judge the open claim, differently.
    const source = (await desk<{ id: number; name: string }[]>(mine, 'sources.list', {})).find(
      (s) => s.name === 'Reporting partner A in Ryanggang',
    );
    const claim = (
      await desk<{ items: { id: number; text: string }[] }>(mine, 'claims.list', {
        filter: { text: 'Chinese vehicles enter' },
      })
    ).items[0];
    if (!source || !claim) throw new Error('the merged source or claim is not on desk B');
    await desk(mine, 'sources.rate', { id: source.id, reliability: 'D', rationale: 'Unchecked' });
    await desk(mine, 'claims.update', { id: claim.id, verdict: 'unresolved' });
    await desk(page, 'sources.rate', { id: a.source, reliability: 'A', rationale: 'Proven' });
    await desk(page, 'claims.update', { id: a.open, verdict: 'verified' });
    const second = await exportSet(page);

    // The analyst has the claim open when the colleague's second set comes in.
    await mine.reload();
    await views(mine)
      .getByRole('button', { name: /^Claims/ })
      .click();
    await mine
      .getByRole('navigation', { name: 'Claims' })
      .getByRole('button', { name: new RegExp(CLAIM_OPEN) })
      .click();
    await expect(mine.getByLabel('Verdict', { exact: true })).toHaveValue('unresolved');
    await views(mine).getByRole('button', { name: 'Merge', exact: true }).click();
    await mine.getByLabel('Claim set file').setInputFiles({
      name: 'colleague-2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(second),
    });
    const listed = preview.getByRole('region', { name: 'Conflicts from this set' });
    await expect(listed.getByRole('listitem')).toHaveCount(2);
    await expect(listed).toContainText('E2E analyst');
    await expect(listed).toContainText('B. Reviewer');
    await preview.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(mine.getByRole('article', { name: 'Merge result' })).toBeVisible();

    // Listed for the reviewer, counted in the top bar; nothing local was overwritten.
    const conflicts = mine.getByRole('region', { name: /Conflicts to decide/ });
    await expect(conflicts).toContainText('2 open');
    await expect(
      views(mine).getByRole('button', { name: 'Merge (2 open conflicts)' }),
    ).toBeVisible();
    const grade = conflicts.getByRole('listitem', { name: /Reporting partner A/ });
    const verdict = conflicts.getByRole('listitem', { name: new RegExp(CLAIM_OPEN) });
    await expect(grade).toContainText('D — Not usually reliable');
    await expect(grade).toContainText('Unchecked');
    await expect(grade).toContainText('A — Completely reliable');
    await expect(verdict).toContainText('Unresolved');
    await expect(verdict).toContainText('Verified');
    await expect(grade).toContainText('colleague-2.json');
    for (const width of [1440, 1024]) {
      await mine.setViewportSize({ width, height: 860 });
      await mine.screenshot({
        path: join(SCREENSHOTS, `sets-merge-conflicts-${width}.png`),
        fullPage: true,
      });
    }

    await grade.getByRole('button', { name: 'Keep mine' }).click();
    await expect(grade).toContainText('Kept mine — B. Reviewer');
    await verdict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(verdict).toContainText('Took theirs — B. Reviewer');
    await expect(conflicts).toContainText('0 open');
    await expect(views(mine).getByRole('button', { name: 'Merge', exact: true })).toBeVisible();
    // Taken theirs: the open claim shows the colleague's verdict; kept mine: the grade stays.
    await views(mine)
      .getByRole('button', { name: /^Claims/ })
      .click();
    await expect(mine.getByLabel('Verdict', { exact: true })).toHaveValue('verified');
    await views(mine).getByRole('button', { name: 'Sources', exact: true }).click();
    await expect(mine.getByLabel('Reliability of Reporting partner A in Ryanggang')).toHaveValue(
      'D',
    );
  } finally {
    await mine.close();
    b.child.kill('SIGTERM');
    await new Promise((done) => b.child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  }
});

const EXTRA_REPORT = {
  name: 'hyesan-market.md',
  text: [
    '# Hyesan market traders report new fuel prices',
    '',
    'Traders in Hyesan said that diesel now sells for twice last month’s price, a source in Ryanggang province told reporters.',
    '',
    'The rise followed new checks at the border crossing.',
    '',
  ].join('\n'),
};

test('merge: passages whose report the set does not carry wait, listed, and are placed when it is imported', async ({
  page,
  desk: served,
  browser,
}) => {
  test.setTimeout(90_000);
  // Desk A holds a report desk B has not got, and exports without the reports' texts.
  await page.goto(served.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const [imported] = await desk<{ reportId: number }[]>(page, 'reports.import', {
    files: [{ name: EXTRA_REPORT.name, data: Buffer.from(EXTRA_REPORT.text).toString('base64') }],
  });
  if (!imported) throw new Error('the extra report was not imported');
  const quote = 'diesel now sells for twice last month’s price';
  await desk(page, 'claims.create', {
    text: 'Diesel prices doubled in Hyesan',
    evidence: { passageId: await passage(page, imported.reportId, quote), credibility: 3 },
  });
  const { files } = await desk<{ files: { content: string }[] }>(page, 'sets.export', {
    format: 'set',
    filter: null,
    withTexts: false,
  });

  const dir = mkdtempSync(join(tmpdir(), 'source-desk-e2e-b-'));
  const b = await startServer(join(dir, 'desk.sqlite'));
  const mine = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  try {
    await mine.goto(b.url);
    await expect(mine.getByRole('navigation', { name: 'Library' })).toBeVisible();
    await desk(mine, 'preferences.set', { reviewer: 'B. Reviewer' });
    await views(mine).getByRole('button', { name: 'Merge', exact: true }).click();
    await mine.getByLabel('Claim set file').setInputFiles({
      name: 'no-texts.json',
      mimeType: 'application/json',
      buffer: Buffer.from(files[0]?.content ?? ''),
    });
    const preview = mine.getByRole('article', { name: 'Merge preview' });
    await expect(preview.locator('[data-count="Reports"] td').nth(2)).toHaveText('1');
    await expect(
      preview.getByRole('region', { name: 'Passages waiting for their report' }),
    ).toContainText(quote);
    await preview.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(mine.getByRole('article', { name: 'Merge result' })).toBeVisible();
    const waiting = mine.getByRole('region', { name: /Waiting for their report/ });
    await expect(waiting.getByRole('region', { name: /Hyesan market traders/ })).toContainText(
      quote,
    );
    await expect(waiting).toContainText('from no-texts.json');
    await mine.screenshot({ path: join(SCREENSHOTS, 'sets-merge-pending-1440.png') });

    // The report arrives: the passage is placed, and waits no more.
    await views(mine).getByRole('button', { name: 'Reports', exact: true }).click();
    await mine.getByTestId('file-input').setInputFiles({
      name: EXTRA_REPORT.name,
      mimeType: 'text/markdown',
      buffer: Buffer.from(EXTRA_REPORT.text),
    });
    await expect(mine.getByRole('heading', { level: 1 })).toContainText('Hyesan market traders');
    await views(mine).getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(mine.getByRole('region', { name: /Conflicts to decide/ })).toBeVisible();
    await expect(waiting).toHaveCount(0);
    const [claim] = (
      await desk<{ items: { counts: { passages: number } }[] }>(mine, 'claims.list', {
        filter: { text: 'Diesel' },
      })
    ).items;
    expect(claim?.counts.passages).toBe(1);
  } finally {
    await mine.close();
    b.child.kill('SIGTERM');
    await new Promise((done) => b.child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('an empty desk', () => {
  test.use({ emptyDesk: true });

  test('takes a colleague’s set with its reports from its first screen', async ({
    page,
    desk: served,
    browser,
  }) => {
    // The colleague's desk: the demo case with claims, exported with the reports' texts.
    const dir = mkdtempSync(join(tmpdir(), 'source-desk-e2e-a-'));
    const a = await startServer(join(dir, 'desk.sqlite'));
    const theirs = await browser.newPage();
    try {
      await theirs.goto(a.url);
      await expect(theirs.getByRole('navigation', { name: 'Library' })).toBeVisible();
      await desk(theirs, 'preferences.set', { reviewer: 'A. Colleague' });
      await buildCase(theirs);
      const set = await exportSet(theirs);

      await page.goto(served.url);
      await page.getByRole('button', { name: 'Merge a colleague’s claim set…' }).click();
      await page.getByLabel('Claim set file').setInputFiles({
        name: 'case.json',
        mimeType: 'application/json',
        buffer: Buffer.from(set),
      });
      const preview = page.getByRole('article', { name: 'Merge preview' });
      await expect(preview.locator('[data-count="Reports"] td').first()).toHaveText('2');
      await preview.getByRole('button', { name: 'Merge', exact: true }).click();
      await expect(page.getByRole('article', { name: 'Merge result' })).toContainText(
        'Added 2 claims',
      );
      // The reports came with the set: the library holds them, with their passages.
      await views(page).getByRole('button', { name: 'Reports', exact: true }).click();
      const library = page.getByRole('navigation', { name: 'Library' });
      await expect(library.locator('button.report-item')).toHaveCount(2);
      await expect(library).toContainText('2 passages');
    } finally {
      await theirs.close();
      a.child.kill('SIGTERM');
      await new Promise((done) => a.child.once('exit', done));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('merge: a refused set shows its reason and nothing changes', async ({
  page,
  desk: served,
}) => {
  await page.goto(served.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await buildCase(page);
  const before = await exportSet(page);
  await views(page).getByRole('button', { name: 'Merge', exact: true }).click();
  const hostile = JSON.stringify({ format: 'source-desk/claim-set', version: 99 });
  await page.getByLabel('Claim set file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostile),
  });
  const refused = page.getByRole('alert').filter({ hasText: 'The desk refused hostile.json' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('version');
  await expect(refused).toContainText('Nothing on this desk was changed');
  await expect(page.getByRole('article', { name: 'Merge preview' })).toHaveCount(0);
  // The desk is as it was: the same set, apart from the time of export.
  const strip = (set: string): unknown => ({ ...JSON.parse(set), exported: null });
  expect(strip(await exportSet(page))).toEqual(strip(before));
});

test('a tag’s claim matrix: from the claims filtered by #tag, the export dialog opens on it and downloads the matrix', async ({
  page,
  desk: served,
}) => {
  await page.goto(served.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await buildCase(page);
  await page.reload();
  await page.getByRole('button', { name: /^Claims/ }).click();
  await page.getByRole('textbox', { name: 'Filter claims' }).fill('#vehicles');
  const open = page.getByRole('button', { name: 'Claim matrix of #vehicles' });
  await open.click();
  await expect(
    exportDialog(page).getByRole('radio', { name: 'Claim matrix (HTML)', exact: true }),
  ).toBeChecked();
  await expect(
    exportDialog(page).getByRole('radio', { name: 'By tag', exact: true }),
  ).toBeChecked();
  await expect(preview(page).locator('[data-count="claims"]')).toHaveText('1 claim');
  const downloaded = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Export' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('claim-matrix.html');
  const html = await read(download);
  expect(html).toContain(CLAIM_VERIFIED);
  expect(html).not.toContain(CLAIM_OPEN);
  // A column per report the claim's evidence comes from, headed by its outlet.
  expect(html).toMatch(/<span class="outlet">ASIAPRESS<\/span>/);
});
