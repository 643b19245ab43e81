// Hostile and oversized files through the real UI and the real `serve`: each gets its own result,
// the good files beside them import, and the desk keeps answering while a slow file is parsed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heavyPage, nestedPage } from '../fixtures/hostile-pages.ts';
import { bridgeCall } from './helpers.ts';
import { expect, ROOT, SCREENSHOTS, startServer, test } from './desk.ts';

const seed = (): Buffer => readFileSync(join(ROOT, 'seeds/000_952f6d4bfb86788f.txt'));

test.describe('hostile files through the UI', () => {
  test.use({ emptyDesk: true });

  test('each gets its own result, the good file imports, and the desk answers throughout', async ({
    page,
    desk,
  }) => {
    test.setTimeout(90_000);
    await page.goto(desk.url);
    await page.getByTestId('file-input').setInputFiles([
      { name: 'deep.html', mimeType: 'text/html', buffer: Buffer.from(nestedPage(20_000)) },
      {
        name: 'deep.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(`${'>'.repeat(20_000)} x\n`),
      },
      { name: 'slow.html', mimeType: 'text/html', buffer: Buffer.from(heavyPage()) },
      { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(17 * 1024 * 1024, 'a') },
      { name: 'good.txt', mimeType: 'text/plain', buffer: seed() },
    ]);
    // While the slow page is parsed, the desk answers other calls at once.
    await expect(page.getByRole('progressbar')).toBeVisible();
    for (let i = 0; i < 3; i++) {
      expect(await bridgeCall(page, 'reports.list', {})).toMatchObject({ ok: true });
      await expect(page.getByRole('progressbar')).toBeVisible();
    }
    const results = page.getByRole('status', { name: 'Import results' });
    await expect(results).toContainText('Import: 1 imported, 4 not imported', { timeout: 60_000 });
    const row = (file: string) => results.getByRole('listitem').filter({ hasText: file });
    await expect(row('deep.html')).toContainText('deeper than the limit of 256 levels');
    await expect(row('deep.md')).toContainText('deeper than the limit of 100 levels');
    await expect(row('slow.html')).toContainText('longer than the limit of 20 s');
    await expect(row('huge.txt')).toContainText('the file is 17.0 MiB; the limit is 16.0 MiB');
    await expect(row('good.txt')).toContainText('Imported');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-limits.png') });
  });

  test('a batch the desk refuses still gives every file of it a result', async ({ page, desk }) => {
    await page.goto(desk.url);
    // The bridge's answer to an upload over its limit, as it sends it.
    await page.route('**/api/reports.import', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/json',
        body: JSON.stringify({
          ok: false,
          error: { code: 'too-large', message: 'the upload is 97.0 MiB; the limit is 96 MiB' },
        }),
      }),
    );
    await page.getByTestId('file-input').setInputFiles([
      { name: 'a.txt', mimeType: 'text/plain', buffer: seed() },
      { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from('Another report.') },
    ]);
    const results = page.getByRole('status', { name: 'Import results' });
    await expect(results).toContainText('Import: 0 imported, 2 not imported');
    for (const file of ['a.txt', 'b.txt'])
      await expect(results.getByRole('listitem').filter({ hasText: file })).toContainText(
        'the upload is 97.0 MiB; the limit is 96 MiB',
      );
  });
});

test('serve stops promptly on SIGTERM in the middle of parsing a slow file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'source-desk-e2e-'));
  try {
    const { child, url } = await startServer(join(dir, 'desk.sqlite'));
    const { origin, hash } = new URL(url);
    const token = new URLSearchParams(hash.slice(1)).get('token') ?? '';
    const upload = fetch(`${origin}/api/reports.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify({
        files: [{ name: 'slow.html', data: Buffer.from(heavyPage()).toString('base64') }],
      }),
    }).catch(() => 'no answer');
    await new Promise((done) => setTimeout(done, 2_000));
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<string>((done) => setTimeout(() => done('still running'), 5_000)),
    ]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
    await upload;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
