import { defineConfig } from 'vitest/config';

// The unit tests that exercise what `npm run test:mutation` mutates (shared/ and the claims
// loader), without the slow import, migration and CLI suites: Stryker runs the covering tests once
// per mutant, so every second here is paid a few thousand times.
export default defineConfig({
  test: {
    include: [
      'tests/unit/anchoring*.test.ts',
      'tests/unit/corroboration*.test.ts',
      'tests/unit/claims*.test.ts',
      'tests/unit/service.test.ts',
      'tests/unit/bridge.test.ts',
      'tests/unit/text-hygiene.test.ts',
    ],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
