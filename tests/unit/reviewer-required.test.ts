// No audit entry is written with an empty reviewer: a change to a desk with no reviewer named is
// refused with an error the UI recognises (it then asks for the name), and nothing is written.
import { describe, expect, it } from 'vitest';
import { isReviewerRequired, REVIEWER_REQUIRED } from '../../shared/api/session.ts';
import { IMPORT_WITHOUT_REVIEWER } from '../../electron/core/db/audit.ts';
import { demoDesk } from './desk.ts';

describe('a desk with no reviewer named', () => {
  it('refuses every change until one is, writing nothing', async () => {
    const { db, file, service, call } = await demoDesk();
    db.prepare(`DELETE FROM preferences WHERE key = 'reviewer'`).run();
    const entries = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const before = entries();
    const body = (await call<{ text: string }>('reports.get', { id: 1 })).text;
    const quote = 'auto repair';
    const start = body.indexOf(quote);
    const create = { reportId: 1, start, end: start + quote.length, exact: quote };

    const refused = await service.call('passages.create', create);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toEqual({
      code: 'conflict',
      message: `${REVIEWER_REQUIRED} ${file}: its history records who made each change.`,
    });
    expect(isReviewerRequired(refused.error)).toBe(true);
    for (const [method, input] of [
      ['claims.create', { text: 'Cars make money' }],
      ['sources.rate', { id: 1, reliability: 'B' }],
      ['reports.update', { id: 1, patch: { byline: 'A. Writer' } }],
    ] as const) {
      const result = await service.call(method, input);
      expect(result.ok || isReviewerRequired(result.error), method).toBe(true);
      expect(result.ok, method).toBe(false);
    }
    expect(await call('passages.list', { reportId: 1 })).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM ratings').pluck().get()).toBe(0);
    expect(entries()).toBe(before);

    // A blank name is no name.
    await call('preferences.set', { reviewer: '   ' });
    expect((await service.call('passages.create', create)).ok).toBe(false);

    await call('preferences.set', { reviewer: 'J. Analyst' });
    await call('passages.create', create);
    expect(
      db.prepare(`SELECT reviewer FROM audit_log ORDER BY id DESC LIMIT 1`).pluck().get(),
    ).toBe('J. Analyst');
  });

  it('still takes an import, recorded as made before a reviewer was named, never blank', async () => {
    const { db, service } = await demoDesk(false);
    db.prepare(`DELETE FROM preferences WHERE key = 'reviewer'`).run();
    const demo = await service.call('demo.load', {});
    expect(demo.ok).toBe(true);
    expect(db.prepare(`SELECT DISTINCT reviewer FROM audit_log`).pluck().all()).toEqual([
      IMPORT_WITHOUT_REVIEWER,
    ]);
    await service.close();
  });
});
