// Writes docs/claim-set.schema.json, the JSON Schema (draft 2020-12) of the claim set, from the
// zod schema the desk itself checks sets with (shared/claim-set.ts), so the two cannot part.
// Run after changing the format: node scripts/claim-set-schema.ts
// A test compares the committed file with what this writes. Laid out by Prettier with the
// project's settings, as every committed file is (npm run format:check).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { CLAIM_SET_FORMAT, CLAIM_SET_VERSION, claimSetSchema } from '../shared/claim-set.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../docs/claim-set.schema.json', import.meta.url));

/** The schema as the committed file holds it. */
export async function claimSetJsonSchema(): Promise<string> {
  const schema = z.toJSONSchema(claimSetSchema, { target: 'draft-2020-12' });
  const json = JSON.stringify({
    $schema: schema.$schema,
    title: `${CLAIM_SET_FORMAT}, version ${CLAIM_SET_VERSION}`,
    description:
      'A claim set exported by Source Desk: reports, sources, passages (W3C Web Annotation targets, offsets in Unicode code points), evidence, claims and their audit entries. docs/claim-set.md describes every field.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  });
  return format(json, { ...(await resolveConfig(SCHEMA_FILE)), parser: 'json' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await claimSetJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
