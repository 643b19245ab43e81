import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import { searchClaims, searchNotes } from '../../electron/core/db/search.ts';
import { prepareReport } from '../../electron/core/import/index.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { SEED_FILES, SEEDS, tempDesk, tempDir } from './helpers.ts';

const seed = readFileSync(join(SEEDS, SEED_FILES[0] as string), 'utf8');

describe("search finds the analyst's own words: claims and notes", () => {
  it('finds a claim by its wording or rationale and a passage by its note, and follows edits', async () => {
    const { db, file } = tempDesk();
    const reportId = storeReport(db, await prepareReport(Buffer.from(seed), 'a.txt')).id;
    const desk = createDeskService({ db, path: file });
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const result = await desk.call(method, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const claim = (await call('claims.create', { text: 'Mechanics earn in yuan' })) as {
      id: number;
    };
    const start = seed.indexOf('car repair');
    const passage = (await call('passages.create', {
      reportId,
      start,
      end: start + 'car repair'.length,
      exact: 'car repair',
      note: 'Compare with the apprenticeship fees in Hyesan',
    })) as { id: number };

    expect(await call('reports.search', { query: 'apprenticeship' })).toMatchObject({
      total: 0,
      claims: [],
      notes: [{ passageId: passage.id, reportId, snippet: expect.stringContaining('\uE000') }],
    });
    expect(searchClaims(db, 'yuan')).toMatchObject([{ claimId: claim.id }]);

    await call('claims.update', { id: claim.id, text: 'Mechanics are paid in dollars' });
    await call('claims.update', { id: claim.id, verdictRationale: 'Smugglers confirm it' });
    expect(searchClaims(db, 'yuan')).toEqual([]);
    expect(searchClaims(db, 'dollars')).toMatchObject([{ claimId: claim.id }]);
    expect(searchClaims(db, 'smugglers')).toMatchObject([{ claimId: claim.id }]);

    await call('passages.update', { id: passage.id, note: 'Fees rose' });
    expect(searchNotes(db, 'apprenticeship')).toEqual([]);
    expect(searchNotes(db, 'fees')).toMatchObject([{ passageId: passage.id }]);

    await call('claims.delete', { id: claim.id });
    await call('passages.delete', { id: passage.id });
    expect(searchClaims(db, 'dollars')).toEqual([]);
    expect(searchNotes(db, 'fees')).toEqual([]);
  });

  it('indexes the claims and notes a desk already holds when it is upgraded', () => {
    // A desk at schema 3 (before claim and note search), holding a claim and a noted passage.
    const raw = new Database(join(tempDir(), 'desk.sqlite'));
    migrate(raw, 3);
    raw
      .prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)')
      .run('a'.repeat(64), seed, seed.length);
    raw
      .prepare(
        `INSERT INTO reports (id, sha256, title, format, original_name, imported_at)
         VALUES (1, '${'a'.repeat(64)}', 'Car repair', 'txt', 'a.txt', 't')`,
      )
      .run();
    raw
      .prepare(
        `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix,
                               note, created_at, updated_at)
         VALUES (1, '${'a'.repeat(64)}', 0, 4, 'Many', '', ' more', 'Check against the customs ledger', 't', 't')`,
      )
      .run();
    raw
      .prepare(`INSERT INTO claims (text, created_at, updated_at) VALUES (?, 't', 't')`)
      .run('Border guards take bribes');
    const path = raw.name;
    raw.close();
    const { db } = openDesk(path);
    expect(searchClaims(db, 'bribes')).toMatchObject([{ text: 'Border guards take bribes' }]);
    expect(searchNotes(db, 'ledger')).toMatchObject([{ reportId: 1, title: 'Car repair' }]);
  });
});
