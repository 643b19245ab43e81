// Starts the real `source-desk serve` on a fresh desk file for each test: the real renderer, the
// real bridge, the real SQLite backend.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDesk } from '../../electron/core/db/connection.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

export interface Desk {
  url: string;
  dbPath: string;
}

export async function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/source-desk.js'), 'serve', '--db', dbPath],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

/** Names the desk's reviewer through the bridge, as the top bar's field would. */
async function nameReviewer(url: string, reviewer: string): Promise<void> {
  const { origin, hash } = new URL(url);
  const token = /token=([^&]+)/.exec(hash)?.[1] ?? '';
  const response = await fetch(`${origin}/api/preferences.set`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-desk-token': token },
    body: JSON.stringify({ reviewer }),
  });
  if (!response.ok) throw new Error(`naming the reviewer: the desk answered ${response.status}`);
}

/** The reviewer a test desk starts with: a desk with none asks before its first change. */
export const E2E_REVIEWER = 'E2E analyst';

export const test = base.extend<{ desk: Desk; emptyDesk: boolean; reviewer: string }>({
  /** Set true (test.use) to start from a desk that exists but holds no reports. */
  emptyDesk: [false, { option: true }],
  /** Set '' (test.use) to start with no reviewer named. */
  reviewer: [E2E_REVIEWER, { option: true }],
  desk: async ({ emptyDesk, reviewer }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'source-desk-e2e-'));
    const dbPath = join(dir, 'desk.sqlite');
    // `serve` loads the demo case only into a desk it creates; an existing empty desk stays empty.
    if (emptyDesk) openDesk(dbPath).db.close();
    const { child, url } = await startServer(dbPath);
    if (reviewer) await nameReviewer(url, reviewer);
    await use({ url, dbPath });
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
