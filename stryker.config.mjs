// Mutation testing (`npm run test:mutation`, not part of `npm test`): StrykerJS changes shared/ and
// the claims loader one small edit at a time and checks that some unit test fails each time.
// Narrow a run while working: `npx stryker run --mutate shared/anchoring.ts`. Results of unchanged
// mutants and tests are reused from the last run (incremental); `--force` retests every mutant.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Sandboxes and reports live outside the repository, so lint and format checks never see them.
const out = join(tmpdir(), 'source-desk-mutation');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['shared/**/*.ts', 'electron/core/db/claims.ts'],
  coverageAnalysis: 'perTest',
  // Mutants in module-level code (schemas, tables) would rerun every test each; they are counted
  // as ignored, not as survivors.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: join(out, 'incremental.json'),
  tempDirName: join(out, 'sandbox'),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: join(out, 'mutation.html') },
  jsonReporter: { fileName: join(out, 'mutation.json') },
  thresholds: { high: 90, low: 80, break: null },
};
