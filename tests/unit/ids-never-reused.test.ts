// Ids of passages, evidence and claims are never given twice, not after a deletion, not after the
// desk is reopened, and not on a desk that reused ids before migration 005.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../electron/core/db/migrate.ts';
import { searchClaims, searchNotes } from '../../electron/core/db/search.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { demoDesk } from './desk.ts';
import { tempDir } from './helpers.ts';

const QUOTE = 'pool money';

describe('ids', () => {
  it('of passages, claims and evidence are not reused after a deletion, nor after reopening', async () => {
    const { db, file, call, passage, service } = await demoDesk();
    await call('preferences.set', { reviewer: 'J. Analyst' });

    const first = await passage(2, QUOTE);
    const claim = await call<{ id: number }>('claims.create', { text: 'Groups pool money' });
    const link = await call<{ id: number }>('evidence.link', {
      claimId: claim.id,
      passageId: first.id,
      stance: 'supports',
      credibility: 2,
    });
    await call('evidence.unlink', { id: link.id });
    await call('passages.delete', { id: first.id });
    await call('claims.delete', { id: claim.id });

    const second = await passage(2, QUOTE);
    expect(second.id).toBeGreaterThan(first.id);
    const claim2 = await call<{ id: number }>('claims.create', { text: 'Groups pool money' });
    expect(claim2.id).toBeGreaterThan(claim.id);
    const link2 = await call<{ id: number }>('evidence.link', {
      claimId: claim2.id,
      passageId: second.id,
      stance: 'supports',
      credibility: 2,
    });
    expect(link2.id).toBeGreaterThan(link.id);

    // Delete the newest of each, close the desk, open it again: the counters held.
    await call('passages.delete', { id: second.id });
    await call('claims.delete', { id: claim2.id });
    await service.close();
    db.close();
    const { db: reopened } = openDesk(file);
    const again = createDeskService({ db: reopened, path: file });
    const text = (
      (await again.call('reports.get', { id: 2 })) as { ok: true; value: { text: string } }
    ).value.text;
    const start = text.indexOf(QUOTE);
    const third = await again.call('passages.create', {
      reportId: 2,
      start,
      end: start + QUOTE.length,
      exact: QUOTE,
    });
    const claim3 = await again.call('claims.create', { text: 'Groups pool money' });
    expect(third.ok && claim3.ok).toBe(true);
    if (!third.ok || !claim3.ok) return;
    expect(third.value.id).toBeGreaterThan(second.id);
    expect(claim3.value.id).toBeGreaterThan(claim2.id);
    const link3 = await again.call('evidence.link', {
      claimId: claim3.value.id,
      passageId: third.value.id,
      stance: 'supports',
      credibility: 2,
    });
    expect(link3.ok && link3.value.id).toBeGreaterThan(link2.id);
    await again.close();
    reopened.close();
  });

  it('start past every id the audit log names on a desk migrated from schema 4', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const old = new Database(file);
    migrate(old, 4);
    const sha = 'a'.repeat(64);
    // Passage 3, claim 4 and evidence 9 were deleted; the tables now end at 1.
    old.exec(`
      INSERT INTO texts VALUES ('${sha}', 'Fuel prices rose in Hyesan.', 27);
      INSERT INTO reports (id, sha256, title, format, original_name, imported_at)
        VALUES (1, '${sha}', 'Fuel', 'txt', 'a.txt', 't');
      INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, note, created_at, updated_at)
        VALUES (1, 1, '${sha}', 0, 16, 'Fuel prices rose', '', ' in Hyesan.', 'diesel too', 't', 't');
      INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'Fuel prices rose', 't', 't');
      INSERT INTO claim_tags VALUES (1, 'fuel');
      INSERT INTO evidence (id, claim_id, passage_id, stance, credibility, created_at)
        VALUES (1, 1, 1, 'supports', 2, 't');
      INSERT INTO audit_log (at, reviewer, action, entity, entity_id, before, after) VALUES
        ('t', 'A', 'passage.delete', 'passage', 3, '{"id":3}', NULL),
        ('t', 'A', 'claim.delete', 'claim', 4, '{"text":"x"}', NULL),
        ('t', 'A', 'evidence.unlink', 'claim', 1, '{"evidence":9,"passage":3}', NULL);`);
    old.close();

    const { db } = openDesk(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    // The rows, their links, the search triggers and the cascades all came through the rebuild.
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM claim_tags').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(searchNotes(db, 'diesel').map((hit) => hit.passageId)).toEqual([1]);
    expect(searchClaims(db, 'fuel').map((hit) => hit.claimId)).toEqual([1]);
    db.prepare(`UPDATE passages SET note = 'petrol' WHERE id = 1`).run();
    expect(searchNotes(db, 'diesel')).toEqual([]);
    expect(searchNotes(db, 'petrol').map((hit) => hit.passageId)).toEqual([1]);

    const next = (table: string, insert: string): number => {
      db.prepare(insert).run();
      return db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number;
    };
    expect(
      next('claims', `INSERT INTO claims (text, created_at, updated_at) VALUES ('New', 't', 't')`),
    ).toBe(5);
    expect(
      next(
        'passages',
        `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
         VALUES (1, '${sha}', 17, 23, 'Hyesan', '', '.', 't', 't')`,
      ),
    ).toBe(4);
    expect(
      next(
        'evidence',
        `INSERT INTO evidence (claim_id, passage_id, stance, credibility, created_at) VALUES (5, 1, 'context', 3, 't')`,
      ),
    ).toBe(10);
    db.prepare('DELETE FROM claims WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM evidence WHERE claim_id = 1').pluck().get()).toBe(0);
    db.close();
  });
});
