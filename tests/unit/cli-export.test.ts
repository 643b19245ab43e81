// `source-desk export`: the claim set to standard output or a file, filtered as asked; values that
// are not allowed are usage errors naming the option and what it allows.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSetSchema } from '../../shared/claim-set.ts';
import { demoDesk } from './desk.ts';
import { cli } from './cli-run.ts';
import { tempDir } from './helpers.ts';

/** The demo case with two claims, one verified, and a passage attributed to an outlet's voice. */
async function desk() {
  const d = await demoDesk();
  const p = await d.passage(1, 'auto repair is becoming a new market');
  const q = await d.passage(2, 'car');
  const verified = await d.call<{ id: number }>('claims.create', {
    text: 'Auto repair is a new market',
    tags: ['vehicles'],
    evidence: { passageId: p.id, stance: 'supports', credibility: 2 },
  });
  await d.call('claims.update', { id: verified.id, verdict: 'verified' });
  const open = await d.call<{ id: number }>('claims.create', {
    text: 'Cars are everywhere',
    evidence: { passageId: q.id, stance: 'supports', credibility: 4 },
  });
  const uuid = (id: number): string =>
    d.db.prepare('SELECT uuid FROM claims WHERE id = ?').pluck().get(id) as string;
  return { ...d, verified: { id: verified.id, uuid: uuid(verified.id) }, open: uuid(open.id) };
}

describe('source-desk export', () => {
  it('writes the claim set to standard output, and a summary to standard error', async () => {
    const d = await desk();
    const r = await cli('export', '--format', 'set', '--db', d.file);
    expect(r.code).toBe(0);
    const set = claimSetSchema.parse(JSON.parse(r.out));
    expect(set.claims.map((c) => c.id).sort()).toEqual([d.verified.uuid, d.open].sort());
    expect(set.exported).toMatchObject({ filter: null, withTexts: false });
    expect(r.err).toBe(
      `exported 2 claims, 2 evidence links, 2 passages, 2 reports, 2 sources (set) → standard output\n`,
    );
  });

  it('filters by verdict, status, tag and claim, the same claim by number or id', async () => {
    const d = await desk();
    const claimsOf = async (...args: string[]): Promise<string[]> => {
      const r = await cli('export', '--format', 'set', '--db', d.file, ...args);
      expect(r.err).toMatch(/^exported /);
      return claimSetSchema.parse(JSON.parse(r.out)).claims.map((c) => c.id);
    };
    expect(await claimsOf('--verdict', 'verified')).toEqual([d.verified.uuid]);
    expect(await claimsOf('--verdict', 'none')).toEqual([d.open]);
    expect(await claimsOf('--verdict', 'refuted,unresolved')).toEqual([]);
    expect(await claimsOf('--tag', 'vehicles')).toEqual([d.verified.uuid]);
    expect(await claimsOf('--status', 'single-origin', '--tag', 'vehicles')).toEqual([
      d.verified.uuid,
    ]);
    expect(await claimsOf('--claim', String(d.verified.id))).toEqual([d.verified.uuid]);
    expect(await claimsOf('--claim', d.open)).toEqual([d.open]);
    // Given twice, the lists are joined.
    expect((await claimsOf('--claim', d.open, '--claim', String(d.verified.id))).sort()).toEqual(
      [d.verified.uuid, d.open].sort(),
    );
  });

  it('writes to --out, with the texts when asked', async () => {
    const d = await desk();
    const file = join(tempDir(), 'case.json');
    const r = await cli('export', '--format', 'set', '--with-texts', '--out', file, '--db', d.file);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(`(set) → ${file}`);
    const set = claimSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(set.exported.withTexts).toBe(true);
    expect(set.reports.every((report) => typeof report.text === 'string')).toBe(true);
  });

  it('writes the open formats: csv into the folder --out names, the others to standard output', async () => {
    const d = await desk();
    const folder = join(tempDir(), 'csv', 'here');
    const csv = await cli('export', '--format', 'csv', '--out', folder, '--db', d.file);
    expect(csv.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(
      ['claims.csv', 'csv-metadata.json', 'evidence.csv', 'sources.csv'].sort(),
    );
    expect(readFileSync(join(folder, 'claims.csv'), 'utf8')).toContain('Cars are everywhere');
    const annotations = await cli('export', '--format', 'annotations', '--db', d.file);
    expect(JSON.parse(annotations.out)).toMatchObject({ type: 'AnnotationCollection' });
    const brief = await cli('export', '--format', 'md', '--verdict', 'verified', '--db', d.file);
    expect(brief.out).toContain('Auto repair is a new market');
    expect(brief.out).not.toContain('Cars are everywhere');
  });

  it('refuses csv without --out, which names the folder for its files, and writes nothing', async () => {
    const d = await desk();
    const r = await cli('export', '--format', 'csv', '--db', d.file);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: 'source-desk: export --format csv writes several files: --out names the folder to write them in (source-desk --help lists the commands and options)\n',
    });
  });

  it.each([
    [
      ['--status', 'verified'],
      '--status: "verified" is not a status (no-evidence, single-origin, corroborated-one-outlet, corroborated-pending, corroborated, disputed, contradicted)',
    ],
    [
      ['--verdict', 'true'],
      '--verdict: "true" is not a verdict (verified, refuted, unresolved, none)',
    ],
    [['--tag', 'a,,b'], '--tag: an empty value in "a,,b"'],
    [
      ['--claim', 'seven'],
      '--claim: "seven" is neither a claim number (source-desk claims lists them) nor a claim\'s id',
    ],
    [['--json'], '--json does not apply to export'],
  ])('%j is a usage error naming the option and what it allows', async (args, message) => {
    const r = await cli('export', '--format', 'set', ...args);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: `source-desk: ${message} (source-desk --help lists the commands and options)\n`,
    });
  });

  it('needs a format it knows', async () => {
    expect((await cli('export')).err).toContain(
      'export needs --format (set, annotations, claimreview, csv, md, html, matrix-csv, matrix-md, matrix-html)',
    );
    expect((await cli('export', '--format', 'pdf')).err).toContain(
      '--format: "pdf" is not a format (set, annotations, claimreview, csv, md, html, matrix-csv, matrix-md, matrix-html)',
    );
  });

  it('names a claim number the desk does not have, and creates no file', async () => {
    const d = await desk();
    const file = join(tempDir(), 'case.json');
    const r = await cli(
      'export',
      '--format',
      'set',
      '--claim',
      '999',
      '--out',
      file,
      '--db',
      d.file,
    );
    expect(r.code).toBe(1);
    expect(r.err).toBe(`source-desk: ${d.file} has no claim 999 (source-desk claims lists them)\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('says why it cannot write: a file where the csv folder would be, a folder for a file', async () => {
    const d = await desk();
    const file = join(tempDir(), 'taken');
    writeFileSync(file, 'something else');
    const csv = await cli('export', '--format', 'csv', '--out', file, '--db', d.file);
    expect(csv).toMatchObject({ code: 1, out: '' });
    expect(csv.err).toBe(
      `source-desk: ${file}: cannot write the export: a file is there, where the folder for the CSV files would be\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('something else');
    const folder = tempDir();
    const set = await cli('export', '--format', 'set', '--out', folder, '--db', d.file);
    expect(set.err).toBe(
      `source-desk: ${folder}: cannot write the export: a folder where a file was expected\n`,
    );
  });

  it('does not create a desk that is not there', async () => {
    const missing = join(tempDir(), 'nope.sqlite');
    const r = await cli('export', '--format', 'set', '--db', missing);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no desk at this path');
    expect(existsSync(missing)).toBe(false);
  });
});
