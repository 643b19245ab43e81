// Launches the real Electron app. Runs where an Electron binary exists; on machines without one
// (its download host unreachable, as on this project's CI) it is skipped and says why.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'no Electron binary on this machine (Electron downloads it on first launch and its download host is unreachable here); ' +
  'the same renderer and backend are tested through the loopback bridge in tests/e2e';

if (binary === null) console.log(`tests/electron: skipped: ${SKIP_REASON}`);
test.skip(binary === null, SKIP_REASON);

test('the desktop window opens the demo desk with the security baseline', async () => {
  const home = mkdtempSync(join(tmpdir(), 'source-desk-electron-'));
  const app = await electron.launch({
    executablePath: binary as string,
    args: [join(ROOT, 'out/main/index.js'), `--desk=${join(home, 'desk.sqlite')}`],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('navigation', { name: 'Library' })).toContainText('Daily NK');
    expect(window.url()).toMatch(/^app:\/\/desk\//);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0];
      return (
        w?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
      ).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // The first instance holds the lock a second launch would hand its files to.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.hasSingleInstanceLock())).toBe(
      true,
    );
    expect(
      await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined');
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
