import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ROOT, SCREENSHOTS, test } from './desk.ts';
import { bridgeCall, drawnHighlights, selectText } from './helpers.ts';

test('a new user searches, highlights across a curly quote, annotates, reloads and deletes', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(
    library.getByRole('region', { name: 'ASIAPRESS' }).locator('button.report-item'),
  ).toHaveCount(2);
  await expect(
    library.getByRole('region', { name: 'Daily NK' }).locator('button.report-item'),
  ).toHaveCount(1);
  await expect(library).toContainText('30 Dec 2025, 03:22');
  await page.screenshot({ path: join(SCREENSHOTS, 'library.png') });

  await page.keyboard.press('/');
  await page.keyboard.type('yuan');
  const results = page.getByRole('navigation', { name: 'Search results' });
  await expect(results).toContainText('1 report matches “yuan”');
  await expect(results.locator('mark').first()).toHaveText('yuan');
  await results.getByRole('button', { name: /Pandora/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pandora');
  await expect(page.getByTestId('report-text')).toContainText('People’s desire');

  const quote = 'People’s desire to own vehicles';
  await selectText(page, quote);
  await expect(page.getByRole('button', { name: /Highlight selection/ })).toBeEnabled();
  await page.keyboard.press('h');
  const editor = page.getByRole('group', { name: 'Selected passage' });
  await expect(editor.locator('blockquote')).toHaveText(quote);
  await editor.getByLabel('Note').fill('Demand outpaces ability to pay');
  await editor.getByRole('button', { name: 'Save note' }).click();
  await expect(page.locator('.passage-item')).toContainText(quote);
  await expect.poll(() => drawnHighlights(page)).toEqual([quote]);

  // Stored with both selectors over the normalised text, at the place the words are.
  const { value: report } = (await bridgeCall(page, 'reports.get', { id: 2 })) as {
    value: { text: string };
  };
  const { value: passages } = (await bridgeCall(page, 'passages.list', { reportId: 2 })) as {
    value: {
      start: number;
      end: number;
      exact: string;
      prefix: string;
      suffix: string;
      note: string;
    }[];
  };
  const at = report.text.indexOf(quote);
  expect(passages).toEqual([
    expect.objectContaining({
      start: at,
      end: at + quote.length,
      exact: quote,
      prefix: report.text.slice(at - 32, at),
      suffix: report.text.slice(at + quote.length, at + quote.length + 32),
      note: 'Demand outpaces ability to pay',
    }),
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-passages.png') });

  // Survives a reload, in the same place.
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /Pandora/ })
    .click();
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('1 passage');
  await expect(page.locator('.passage-item')).toContainText('Demand outpaces ability to pay');
  await expect.poll(() => drawnHighlights(page)).toEqual([quote]);

  // Clicking the highlighted words selects the passage; delete it.
  const box = await page.evaluate((q) => {
    const p = Array.from(document.querySelectorAll('[data-testid="report-text"] p')).find((x) =>
      x.textContent?.includes(q),
    );
    p?.scrollIntoView({ block: 'center' });
    const node = p?.firstChild as Text;
    const range = document.createRange();
    const i = node.data.indexOf(q);
    range.setStart(node, i + 2);
    range.setEnd(node, i + 3);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, quote);
  await page.mouse.click(box.x, box.y);
  await editor.getByRole('button', { name: 'Delete passage' }).click();
  await editor.getByRole('button', { name: 'Confirm delete' }).click();
  await expect(page.locator('.passage-item')).toHaveCount(0);
  await expect.poll(() => drawnHighlights(page)).toEqual([]);
  expect((await bridgeCall(page, 'passages.list', { reportId: 2 })) as unknown).toEqual({
    ok: true,
    value: [],
  });
});

test('a passage across a paragraph break and a curly apostrophe anchors exactly', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('button', { name: /Many more young North Koreans/ }).click();
  await expect(page.getByTestId('report-text')).toContainText('The only thing I’m thinking');
  await selectText(page, 'his wife couldn’t support', 'The only thing I’m thinking');
  await page.getByRole('button', { name: /Highlight selection/ }).click();
  const editor = page.getByRole('group', { name: 'Selected passage' });
  await expect(editor.locator('blockquote')).toContainText('his wife couldn’t support');
  const { value } = (await bridgeCall(page, 'passages.list', { reportId: 1 })) as {
    value: { exact: string }[];
  };
  expect(value[0]?.exact).toMatch(
    /^his wife couldn’t support the family as the sole earner\.” .*\n“The only thing I’m thinking$/s,
  );
  expect((await drawnHighlights(page)).join('')).toBe((value[0]?.exact ?? '').replace('\n', ''));
});

test('importing a bad file says why; dropping a good one imports it', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await page
    .getByTestId('file-input')
    .setInputFiles([
      join(ROOT, 'tests/fixtures/hostile/latin1.txt'),
      join(ROOT, 'tests/fixtures/hostile/report.pdf'),
    ]);
  const results = page.getByRole('status', { name: 'Import results' });
  await expect(results).toContainText('Import: 0 imported, 2 not imported');
  await expect(results).toContainText('latin1.txt');
  await expect(results).toContainText('the file is not valid UTF-8 (first bad byte at offset 52)');
  await expect(results).toContainText('the PDF is damaged: it stops before its end marker');
  await page.screenshot({ path: join(SCREENSHOTS, 'import-error.png') });
  await results.getByRole('button', { name: 'Dismiss import results' }).click();

  const html = readFileSync(join(ROOT, 'tests/fixtures/saved-page.html'), 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'border-guards.html', { type: 'text/html' }));
    return transfer;
  }, html);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(results).toContainText('Import: 1 imported');
  const library = page.getByRole('navigation', { name: 'Library' });
  await expect(library.getByRole('region', { name: 'North Korea Monitor' })).toContainText(
    'Border guards paid in yuan as smuggling surges',
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Border guards paid in yuan as smuggling surges',
  );
  await expect(page.getByTestId('report-text')).not.toContainText('Subscribe');
});

test('a new version of a report moves its passages and lists the one it cannot place', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('button', { name: /Recent activity along the upper reaches/ }).click();
  const text = page.getByTestId('report-text');
  await expect(text).toContainText('Groups of 3-5 people pool money');
  for (const phrase of ['Groups of 3-5 people pool money to buy a car', 'lifting an 80-year ban']) {
    await selectText(page, phrase);
    await page.keyboard.press('h');
    await expect(page.getByRole('group', { name: 'Selected passage' })).toBeVisible();
    await page
      .getByRole('group', { name: 'Selected passage' })
      .getByRole('button', { name: 'Close' })
      .click();
  }
  const original = readFileSync(join(ROOT, 'seeds/002_80749e2cc6ce0b1b.txt'), 'utf8');
  const edited = `Updated with new reporting.\n${original}`
    .replace('Groups of 3-5 people pool money', 'Groups of 3 to 5 people pool money')
    .replace('lifting an 80-year ban', 'a change few expected');
  await page
    .getByTestId('version-input')
    .setInputFiles({ name: '002-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(edited) });
  const summary = page.getByRole('status').filter({ hasText: 'New version from 002-v2.txt' });
  await expect(summary).toContainText('0 passages unchanged, 1 moved, 1 could not be placed');
  await expect(text).toContainText('Updated with new reporting.');
  await expect
    .poll(() => drawnHighlights(page))
    .toEqual(['Groups of 3 to 5 people pool money to buy a car']);
  const orphans = page.getByRole('region', { name: 'Orphaned passages' });
  await expect(orphans).toContainText('lifting an 80-year ban');
  await page.screenshot({ path: join(SCREENSHOTS, 'reader-new-version.png') });
});

test('a drop of many files is imported in batches with one result per file', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    for (let i = 0; i < 120; i++) {
      const text = `Field note ${i}: traders in Hyesan said car prices changed again this week, number ${i * 7919}.`;
      transfer.items.add(
        new File([text], `note-${String(i).padStart(3, '0')}.txt`, { type: 'text/plain' }),
      );
    }
    return transfer;
  });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/reports.import')) requests.push(request.url());
  });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  const results = page.getByRole('status', { name: 'Import results' });
  await expect(results).toContainText('Import: 120 imported');
  expect(requests).toHaveLength(3); // batches of at most 50 files
  await expect(results.locator('li')).toHaveCount(120);
  const library = page.getByRole('navigation', { name: 'Library' });
  const noOutlet = library.getByRole('region', { name: 'No outlet' });
  await expect(noOutlet.getByRole('heading')).toHaveText('No outlet 120');
  // Only the rows in view are drawn: the last one appears once the list is scrolled to its end.
  await library
    .locator('.virtual-scroller')
    .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  await expect(noOutlet).toContainText('Field note 119');
});
