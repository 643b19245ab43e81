// OCR in the window (issue 12): a scanned PDF dropped through the picker shows OCR's progress with
// a way to cancel; an image read by OCR opens with the note "Text recognised by OCR, mean
// confidence N%" and its doubted words underlined (the CSS highlight 'ocr-uncertain').
import { join } from 'node:path';
import { expect, ROOT, SCREENSHOTS, test } from './desk.ts';

const OCR = join(ROOT, 'tests/fixtures/ocr');

test.use({ emptyDesk: true });

test('an image read by OCR says so, with its doubted words underlined', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByTestId('file-input').setInputFiles(join(OCR, 'faded-memo.png'));
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    'Import: 1 imported',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('faded-memo');
  const note = page.getByTestId('ocr-note');
  await expect(note).toContainText(/Text recognised by OCR, mean confidence \d+%/);
  await expect(note).toContainText(/\d+ uncertain words? underlined/);
  await expect(page.getByRole('list', { name: 'Highlight colours' })).toContainText(
    'Uncertain OCR',
  );
  // The highlight holds one range per doubted word.
  const ranges = await page.evaluate(() => CSS.highlights.get('ocr-uncertain')?.size ?? 0);
  expect(ranges).toBeGreaterThan(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'ocr-reader.png') });
});

test('a scan shows OCR progress, and OCR can be cancelled', async ({ page, desk }) => {
  await page.goto(desk.url);
  await page.getByTestId('file-input').setInputFiles(join(OCR, 'scanned-text.pdf'));
  const progress = page.getByRole('status', { name: 'OCR' });
  await expect(progress).toContainText(
    /Recognising text by OCR in scanned-text\.pdf: page [12] of 2/,
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'ocr-progress.png') });
  await progress.getByRole('button', { name: 'Cancel OCR' }).click();
  await expect(page.getByRole('status', { name: 'Import results' })).toContainText(
    'OCR was cancelled',
  );
});
