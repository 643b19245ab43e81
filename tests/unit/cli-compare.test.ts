// `source-desk similar <report-id> [--json]` and `source-desk suggest --claim <id> [--json]`
// (docs/suggestions.md): read-only, on the demo case; usage errors named.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimilarSentence, Suggestion } from '../../shared/api.ts';
import { cli } from './cli-run.ts';
import { demoDesk } from './desk.ts';
import { tempDir } from './helpers.ts';

const fileHash = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** The demo case with a claim made from 001's "3-5 people" passage; the desk closed. */
async function deskWithClaim() {
  const { db, file, call, passage } = await demoDesk();
  const idOf = (prefix: string): number =>
    db
      .prepare(`SELECT id FROM reports WHERE original_name LIKE ? || '%'`)
      .pluck()
      .get(prefix) as number;
  const ids = { r001: idOf('001_'), r002: idOf('002_') };
  const p = await passage(ids.r001, 'pool money and have 3-5 people buy one car together');
  const claim = await call<{ id: number }>('claims.create', {
    text: 'Groups of 3-5 people buy a car together',
  });
  await call('evidence.link', {
    claimId: claim.id,
    passageId: p.id,
    stance: 'supports',
    credibility: 3,
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, claimId: claim.id, ...ids };
}

describe('source-desk similar and suggest', () => {
  it('similar lists the sentences a report nearly shares with others, without changing the desk', async () => {
    const { file, r001, r002 } = await deskWithClaim();
    const before = fileHash(file);
    const { code, out } = await cli('similar', String(r002), '--db', file);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toMatch(new RegExp(`^#${r002} {2}ASIAPRESS {2}`));
    expect(out).toMatch(/^0\.\d\d {2}\[\d+–\d+\] ““Groups of 3-5 people pool money to buy a car/m);
    expect(out).toContain(`      ≈ #${r001} ASIAPRESS`);
    expect(out).toMatch(/differ: here only Groups; there only .*reporting/);

    const json = await cli('similar', String(r002), '--json', '--db', file);
    const list = JSON.parse(json.out) as SimilarSentence[];
    expect(list.some((s) => s.other.reportId === r001 && s.text.includes('3-5 people'))).toBe(true);
    expect(fileHash(file)).toBe(before);
  });

  it('suggest lists the sentences that may support a claim, with score, hint and reason', async () => {
    const { file, claimId, r002 } = await deskWithClaim();
    const { code, out } = await cli('suggest', '--claim', String(claimId), '--db', file);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`Claim #${claimId}: Groups of 3-5 people buy a car together`);
    expect(lines[1]).toMatch(new RegExp(`^1\\. 0\\.\\d\\d supports {2}#${r002} ASIAPRESS {2}`));
    expect(lines[2]).toBe(
      '   ““Groups of 3-5 people pool money to buy a car and share it as needed.”',
    );
    expect(lines[3]).toMatch(/^ {3}shares \d+ of its words \(.*3-5/);

    const json = JSON.parse(
      (await cli('suggest', '--claim', String(claimId), '--json', '--db', file)).out,
    ) as Suggestion[];
    expect(json[0]).toMatchObject({ reportId: r002, stanceHint: 'supports' });
  });

  it('names what is wrong: a missing or doubled claim, a report id that is not one, a desk with no such claim', async () => {
    const { file } = await deskWithClaim();
    const usage = async (...args: string[]) => {
      const r = await cli(...args, '--db', file);
      expect(r.code).toBe(2);
      return r.err;
    };
    expect(await usage('suggest')).toMatch(/suggest needs --claim and a claim number/);
    expect(await usage('suggest', '--claim', '1', '--claim', '2')).toMatch(
      /--claim: suggest takes one claim number, such as 4, but was given "1,2"/,
    );
    expect(await usage('similar')).toMatch(/similar needs a report id/);
    expect(await usage('similar', 'x3')).toMatch(/similar takes one report id/);
    expect(await usage('similar', '3', '--claim', '1')).toMatch(
      /--claim does not apply to similar/,
    );
    const missing = await cli('suggest', '--claim', '99', '--db', file);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/has no claim 99 \(source-desk claims lists them\)/);
    const none = await cli('similar', '99', '--db', file);
    expect(none.err).toMatch(/has no report 99/);
    const nowhere = await cli('similar', '1', '--db', join(tempDir(), 'none.sqlite'));
    expect(nowhere.code).toBe(1);
  });
});
