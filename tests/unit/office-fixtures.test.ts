// The committed Word and archive fixtures (tests/fixtures/docx, tests/fixtures/mhtml) are what
// their builders make: rewrite them with node tests/fixtures/docx/write.ts (and mhtml/write.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCX_FIXTURES } from '../fixtures/docx/write.ts';
import { MHTML_FIXTURES } from '../fixtures/mhtml/write.ts';
import { FIXTURES } from './helpers.ts';

describe('committed Word and archive fixtures', () => {
  it.each([
    ...Object.entries(DOCX_FIXTURES).map(([name, build]) => [join('docx', name), build] as const),
    ...Object.entries(MHTML_FIXTURES).map(([name, build]) => [join('mhtml', name), build] as const),
  ])('%s is what its builder makes', (path, build) => {
    expect(Buffer.compare(readFileSync(join(FIXTURES, path)), build())).toBe(0);
  });
});
