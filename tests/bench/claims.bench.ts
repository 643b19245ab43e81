// npm run bench: recomputes the status of 10,000 claims over 100,000 evidence links, against a
// plain SQL count of the same links (per claim and stance) in the same run; then, through the
// service as the UI calls it, saving a verdict (its row is patched from what the write returns),
// opening a claim and paging the list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listClaims } from '../../electron/core/db/claims.ts';
import { claimStatuses } from '../../electron/core/db/corroboration-input.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { buildClaimsDesk, CLAIMS, LINKS } from './claims-desk.ts';
import { compare, quantile, summary, time, verdict } from './harness.ts';

const ROUNDS = 60;

const work = mkdtempSync(join(tmpdir(), 'source-desk-claims-bench-'));
try {
  const { db, file } = buildClaimsDesk(work);

  const count = db
    .prepare('SELECT claim_id, stance, count(*) FROM evidence GROUP BY claim_id, stance')
    .raw();
  await compare({
    title: `claim statuses at ${CLAIMS} claims / ${LINKS} links`,
    baseline: { name: 'plain SQL count per claim and stance', run: () => time(() => count.all()) },
    subject: {
      name: 'claimStatuses (origins, counts, grade)',
      run: () => time(() => claimStatuses(db)),
    },
    rounds: 9,
    target: { kind: 'time', atMost: 2 },
  });
  const full: number[] = [];
  for (let round = 0; round < 5; round++) full.push(time(() => listClaims(db)));
  console.log(summary('full claims list, as the CLI prints it (informational)', full));

  const service = createDeskService({ db, path: file });
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const result = await service.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const timed = async (fn: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
  // Claims spread over the desk, the same ones each run.
  const claimAt = (round: number): number => 1 + ((round * 7919) % CLAIMS);
  for (let round = 0; round < 5; round++) await call('claims.get', { id: claimAt(round) });

  // What the UI waits for after "Save verdict": the write (which returns the row) and the undo label.
  const saves: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    saves.push(
      await timed(async () => {
        await call('claims.update', {
          id: claimAt(round),
          verdict: round % 2 ? 'verified' : 'refuted',
          verdictRationale: `round ${round}`,
        });
        await call('session.status', {});
      }),
    );
  console.log(summary('verdict saved → its row (claims.update + session.status)', saves, '', 0.95));
  const savedP95 = quantile(saves, 0.95);
  verdict(
    `verdict saved → list updated at ${CLAIMS} claims`,
    `p95 ${savedP95.toFixed(1)} ms (target ≤ 100 ms)`,
    savedP95 <= 100,
  );

  const opens: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    opens.push(await timed(() => call('claims.get', { id: claimAt(round + ROUNDS) })));
  console.log(summary('opening a claim (claims.get)', opens, '', 0.95));
  const openP95 = quantile(opens, 0.95);
  verdict(
    `opening a claim at ${CLAIMS} claims`,
    `p95 ${openP95.toFixed(1)} ms (target ≤ 150 ms)`,
    openP95 <= 150,
  );

  // The list's first page, newest first, and by status (the first after a grade is changed
  // works out every claim's status again; the next ones read what it kept).
  const firstPage: number[] = [];
  for (let round = 0; round < 9; round++)
    firstPage.push(await timed(() => call('claims.list', { limit: 100 })));
  console.log(summary('claims list, first 100 newest first (informational)', firstPage));
  const byStatus: number[] = [];
  for (let round = 0; round < 9; round++)
    byStatus.push(await timed(() => call('claims.list', { limit: 100, sort: 'status' })));
  console.log(summary('claims list, first 100 by status (informational)', byStatus));
  const cold: number[] = [];
  for (let round = 0; round < 5; round++) {
    db.prepare(
      `INSERT INTO ratings (source_id, reliability, rationale, reviewer, rated_at)
                VALUES (1, ?, '', '', '2026-01-01')`,
    ).run(round % 2 ? 'B' : 'C');
    cold.push(await timed(() => call('claims.list', { limit: 100, sort: 'status' })));
  }
  console.log(summary('… by status just after a grade changed (informational)', cold));
  await service.close();
  db.close();
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
