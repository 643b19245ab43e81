// `source-desk mentions <report-id> [--json]` and the contract's mentions.list: a report's source
// mentions with what each governs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDesk } from './desk.ts';
import { SEEDS, tempDir } from './helpers.ts';
import { cli } from './cli-run.ts';

async function seededDesk(): Promise<{ db: string; ids: Record<string, number> }> {
  const db = join(tempDir(), 'desk.sqlite');
  expect((await cli('import', SEEDS, '--db', db)).code).toBe(0);
  const reports = JSON.parse((await cli('reports', '--json', '--db', db)).out) as {
    id: number;
    originalName: string;
  }[];
  const ids = Object.fromEntries(reports.map((r) => [r.originalName.slice(0, 3), r.id]));
  return { db, ids };
}

describe('source-desk mentions', () => {
  it('lists a report’s mentions with their descriptors, back-references and governed text', async () => {
    const { db, ids } = await seededDesk();
    const { code, out } = await cli('mentions', String(ids['001']), '--db', db);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^#\d+ {2}ASIAPRESS {2}Since the North Korean authorities/);
    expect(lines[1]).toBe(
      '[0] “Reporting partner A in Ryanggang Province reported the following in mid-November:”',
    );
    expect(lines[2]).toBe('    reported · reporting partner A · Ryanggang Province · mid-November');
    expect(lines[3]).toMatch(/^ {4}governs: Reporting partner A .* "Quick-thinking people/);
    expect(out).toContain('[1] “The reporting partner said” → refers to [0]');
    expect(out).toContain('[4] “photos taken by ASIAPRESS in September”');
    expect(out).toContain('    photographed · ASIAPRESS · September');
  });

  it('prints the mentions as JSON with each governed text', async () => {
    const { db, ids } = await seededDesk();
    const { code, out } = await cli('mentions', String(ids['002']), '--json', '--db', db);
    expect(code).toBe(0);
    const mentions = JSON.parse(out) as { exact: string; outlet: string; governedText: string[] }[];
    expect(mentions.map((m) => m.exact)).toEqual([
      'As previously reported by ASIAPRESS',
      'According to an ASIAPRESS reporting partner in Ryanggang Province in mid-November:',
    ]);
    expect(mentions[1]?.outlet).toBe('ASIAPRESS');
    expect(mentions[1]?.governedText.join('\n')).toContain(
      'Groups of 3-5 people pool money to buy a car',
    );
  });

  it('refuses a missing or malformed report id, naming the desk', async () => {
    const { db } = await seededDesk();
    const missing = await cli('mentions', '99', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`${db} has no report 99`);
    for (const bad of [['x'], ['1', '2'], ['0'], []]) {
      const result = await cli('mentions', ...bad, '--db', db);
      expect(result.code, bad.join(' ')).toBe(2);
      expect(result.err).toMatch(/mentions (takes one report id|needs a report id)/);
    }
  });
});

describe('mentions.list through the desk service', () => {
  it('gives the report’s mentions, and names a report that does not exist', async () => {
    const { call, db } = await demoDesk();
    const id = db
      .prepare(`SELECT id FROM reports WHERE original_name LIKE '000%'`)
      .pluck()
      .get() as number;
    const mentions = await call<{ exact: string; refersTo: number | null }[]>('mentions.list', {
      reportId: id,
    });
    expect(mentions[0]?.exact).toBe('a Daily NK source in Ryanggang province said');
    expect(mentions[1]).toMatchObject({ exact: 'the source said', refersTo: 0 });
    await expect(call('mentions.list', { reportId: 99 })).rejects.toThrow(
      'not-found: report 99 does not exist',
    );
  });
});
