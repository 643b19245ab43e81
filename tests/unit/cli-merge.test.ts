// `source-desk merge`: a colleague's set exported with `source-desk export`, previewed with
// --dry-run (nothing written), merged, merged again (nothing new); a bad set refused with the
// reason and the desk unchanged; usage errors named.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-run.ts';
import { tempDesk, tempDir } from './helpers.ts';
import { seededDesk } from './seeded-desk.ts';

const fileHash = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** A worked desk exported with its texts, and an empty desk (closed) to merge it into. */
async function setAndEmptyDesk() {
  const { file: source, db } = await seededDesk();
  db.close();
  const set = join(tempDir(), 'colleague.json');
  expect(
    (await cli('export', '--format', 'set', '--with-texts', '--out', set, '--db', source)).code,
  ).toBe(0);
  const { db: empty, file } = tempDesk();
  empty.close();
  return { set, file };
}

describe('source-desk merge', () => {
  it('previews with --dry-run writing nothing, merges, and says nothing new the second time', async () => {
    const { set, file } = await setAndEmptyDesk();
    const before = fileHash(file);
    const preview = await cli('merge', set, '--dry-run', '--db', file);
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(
      /^Dry run: would merge colleague\.json \(exported by T\. Reviewer on /,
    );
    expect(preview.out).toContain('claims:   4 new, 0 already here');
    expect(preview.out).toMatch(
      /orphaned \(not found in the desk’s text; kept for review\):\n {4}“These doomed words/,
    );
    expect(fileHash(file)).toBe(before);

    const merged = await cli('merge', set, '--db', file);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/^merged colleague\.json/);
    const claims = await cli('claims', '--json', '--db', file);
    expect((JSON.parse(claims.out) as unknown[]).length).toBe(4);

    const again = await cli('merge', set, '--json', '--db', file);
    expect(JSON.parse(again.out)).toMatchObject({
      changed: false,
      claims: { created: 0, matched: 4 },
    });
  });

  it('refuses a bad set with the reason and exit 1, the desk unchanged', async () => {
    const { set, file } = await setAndEmptyDesk();
    const tampered = join(tempDir(), 'tampered.json');
    writeFileSync(tampered, readFileSync(set, 'utf8').replace('"version":1', '"version":7'));
    const before = fileHash(file);
    const r = await cli('merge', tampered, '--db', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'source-desk: tampered.json was not merged: it is a claim set of version 7; this Source Desk reads version 1. The desk was not changed.\n',
    );
    expect(fileHash(file)).toBe(before);
    const missing = await cli('merge', join(tempDir(), 'nowhere.json'), '--db', file);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toMatch(/nowhere\.json: no such file or folder/);
  });

  it('is a usage error without a file, with two, or with an option of another command', async () => {
    expect((await cli('merge')).err).toMatch(/merge needs a claim set file/);
    expect((await cli('merge', 'a.json', 'b.json')).err).toMatch(
      /merge takes one claim set file, but was given 2/,
    );
    expect((await cli('merge', 'a.json', '--format', 'csv')).code).toBe(2);
  });
});
