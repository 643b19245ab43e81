// npm run bench: opens a 1 MB report carrying 2,000 passages in Chromium, through the real serve
// path, and times the click to the first painted frame with every highlight registered; against
// the same text without passages, opened the same way in the same run.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../electron/bridge/serve.ts';
import { openDesk } from '../../electron/core/db/connection.ts';
import { createPassage } from '../../electron/core/db/passages.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import { prepareReport } from '../../electron/core/import/index.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import chromiumConfig, { chromiumPath } from '../../playwright.config.ts';
import { proseText, seededRandom } from './corpus.ts';
import { compare } from './harness.ts';

const PASSAGES = 2000;
const ROUNDS = 7;
const work = mkdtempSync(join(tmpdir(), 'source-desk-reader-bench-'));
try {
  const random = seededRandom(7);
  const text = proseText(1_000_000, random);
  const dbPath = join(work, 'desk.sqlite');
  const { db } = openDesk(dbPath);
  // A desk records who made each change, and refuses a change before a reviewer is named.
  db.prepare(`INSERT INTO preferences (key, value) VALUES ('reviewer', 'Bench')`).run();
  await loadDemoCase(db);
  const withPassages = storeReport(
    db,
    await prepareReport(Buffer.from(text), 'a.txt', { title: 'Bench: 2,000 passages' }),
  );
  storeReport(
    db,
    await prepareReport(Buffer.from(`Bare copy. ${text}`), 'b.txt', { title: 'Bench: bare text' }),
  );
  const step = Math.floor(text.length / PASSAGES);
  for (let i = 0; i < PASSAGES; i++) {
    let start = i * step + random(step / 2);
    while (text[start] === ' ' || text[start] === '\n') start++;
    let end = Math.min(start + 20 + random(step / 2 - 20), text.length);
    while (/\s/.test(text[end - 1] ?? '')) end--;
    createPassage(db, {
      reportId: withPassages.id,
      start,
      end,
      exact: text.slice(start, end),
      note: '',
    });
  }
  const passages = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
  db.close();
  console.log(`report: ${(text.length / 1e6).toFixed(2)} M characters, ${passages} passages`);

  const desk = await serve(dbPath);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...(chromiumConfig.use?.launchOptions?.args ?? [])],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(desk.url);
    await page.getByRole('button', { name: /Bench: bare text/ }).waitFor();
    const open = (title: string, highlights: number): Promise<number> =>
      page.evaluate(
        async ([wanted, count]) => {
          const button = Array.from(
            document.querySelectorAll<HTMLButtonElement>('button.report-item'),
          ).find((b) => b.textContent?.includes(wanted as string));
          if (!button) throw new Error(`no report ${wanted}`);
          const t0 = performance.now();
          button.click();
          await new Promise<void>((resolve) => {
            const ready = (): void => {
              const shown =
                document.querySelector('h1')?.textContent === wanted &&
                document.querySelector('[data-testid="report-text"] p');
              const drawn = [...CSS.highlights.keys()]
                .filter((name) => name.startsWith('passage-') && name !== 'passage-overlap')
                .reduce((sum, name) => sum + (CSS.highlights.get(name)?.size ?? 0), 0);
              if (shown && drawn === count) resolve();
              else requestAnimationFrame(ready);
            };
            ready();
          });
          // The frame after the one that got the text and highlights has been painted.
          await new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(resolve)),
          );
          return performance.now() - t0;
        },
        [title, highlights] as const,
      );
    // Wait until the other report is shown: otherwise a round can find the report it is about
    // to open still on screen, highlights and all, and stop the clock at once.
    const reset = async (): Promise<void> => {
      await page.getByRole('button', { name: /Many more young North Koreans/ }).click();
      await page.waitForFunction(() =>
        document.querySelector('h1')?.textContent?.startsWith('Many more young North Koreans'),
      );
    };
    await compare({
      title: `opening a ${(text.length / 1e6).toFixed(1)} M-character report with ${passages} passages`,
      baseline: {
        name: 'the same text without passages',
        run: async () => {
          await reset();
          return open('Bench: bare text', 0);
        },
      },
      subject: {
        name: `with ${passages} passages highlighted`,
        run: async () => {
          await reset();
          return open('Bench: 2,000 passages', passages);
        },
      },
      rounds: ROUNDS,
      target: { kind: 'time', atMost: 1.5 },
    });
  } finally {
    await browser.close();
    await desk.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
