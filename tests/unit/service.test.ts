import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { FIXTURES, SEEDS, tempDesk } from './helpers.ts';

async function service() {
  const { db, file } = tempDesk();
  await loadDemoCase(db);
  return { desk: createDeskService({ db, path: file }), db };
}

const upload = (name: string, content: string | Buffer) => ({
  name,
  data: Buffer.from(content).toString('base64'),
});

describe('desk service (the contract’s implementation)', () => {
  it('wraps every answer in the result envelope and validates input against the contract', async () => {
    const { desk } = await service();
    expect(await desk.call('nope' as string, {})).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'unknown method "nope"' },
    });
    expect(
      await desk.call('passages.create', { reportId: 1, start: 5, end: 2, exact: 'x' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'passages.create: input: end must come after start',
      },
    });
    expect(await desk.call('reports.get', { id: 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'report 99 does not exist' },
    });
    expect(await desk.call('reports.list' as string, { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('refuses a passage whose words do not match the stored text there', async () => {
    const { desk } = await service();
    const result = await desk.call('passages.create', {
      reportId: 1,
      start: 0,
      end: 4,
      exact: 'Some',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('imports uploaded files with per-file results and progress events', async () => {
    const { desk } = await service();
    const events: unknown[] = [];
    desk.onEvent((e) => events.push(e));
    const result = await desk.call('reports.import', {
      files: [
        upload('notes.md', readFileSync(join(FIXTURES, 'briefing.md'))),
        upload('../../evil.txt', ''),
        upload('again.txt', readFileSync(join(SEEDS, '000_952f6d4bfb86788f.txt'))),
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      value: [
        { file: 'notes.md', status: 'imported', title: 'Ryanggang vehicle market: field notes' },
        { file: 'evil.txt', status: 'rejected', message: 'the file is empty' },
        { file: 'again.txt', status: 'duplicate', reportId: 1 },
      ],
    });
    expect(events).toContainEqual({
      type: 'import.progress',
      done: 3,
      total: 3,
      file: 'again.txt',
    });
    expect(events.at(-1)).toEqual({ type: 'desk.changed', reason: 'import' });
  });

  it('edits metadata, keeping search in step with a new title, and logs the change', async () => {
    const { desk, db } = await service();
    const title = 'Apprentice mechanics: young North Koreans learn car repair';
    // "apprentice" is in no report's text: only the new title can make it match.
    expect(await desk.call('reports.search', { query: 'apprentice' })).toEqual({
      ok: true,
      value: { hits: [], total: 0, claims: [], notes: [] },
    });
    const result = await desk.call('reports.update', {
      id: 1,
      patch: { title, publishedAt: '2025-12-29', byline: null },
    });
    expect(result).toMatchObject({
      ok: true,
      value: { title, publishedAt: '2025-12-29' },
    });
    expect(await desk.call('reports.search', { query: 'apprentice' })).toMatchObject({
      ok: true,
      value: { hits: [{ reportId: 1, title }], total: 1 },
    });
    expect(
      await desk.call('reports.update', { id: 1, patch: { publishedAt: 'yesterday' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('patch.publishedAt') },
    });
    const audit = db
      .prepare(`SELECT action, before, after FROM audit_log WHERE action = 'report.update'`)
      .all();
    expect(audit).toHaveLength(1);
  });

  it('a new version of a report moves its passages and lists the ones it cannot place', async () => {
    const { desk } = await service();
    const { value } = (await desk.call('reports.get', { id: 2 })) as { value: { text: string } };
    const text = value.text;
    const make = async (quote: string) => {
      const start = text.indexOf(quote);
      return desk.call('passages.create', {
        reportId: 2,
        start,
        end: start + quote.length,
        exact: quote,
        note: quote.slice(0, 10),
      });
    };
    await make('Diesel cars with good power and manual transmission vehicles are preferred.');
    await make('has risen to 1,200 yuan');
    await make('cars propped up on stones');
    const edited = `Updated 2 December.\n${text}`
      .replace('has risen to 1,200 yuan', 'has climbed to 1,200 yuan')
      .replace(/I heard there are cars propped up on stones[^"]*/, '');
    const result = await desk.call('reports.importVersion', {
      id: 2,
      file: upload('001-v2.txt', edited),
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        moved: 2,
        unchanged: 0,
        orphaned: [{ exact: 'cars propped up on stones', status: 'orphaned' }],
      },
    });
    const passages = (await desk.call('passages.list', { reportId: 2 })) as {
      value: { exact: string; status: string; start: number; end: number }[];
    };
    const now = ((await desk.call('reports.get', { id: 2 })) as { value: { text: string } }).value
      .text;
    for (const p of passages.value.filter((x) => x.status === 'anchored'))
      expect(now.slice(p.start, p.end)).toBe(p.exact);
    expect(passages.value.map((p) => p.exact)).toContain('has climbed to 1,200 yuan');
    expect(
      await desk.call('reports.importVersion', { id: 2, file: upload('same.txt', edited) }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
