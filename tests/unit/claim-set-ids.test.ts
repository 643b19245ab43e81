// Stable identities for claim sets (migration 009): every claim, source, passage and evidence link
// has a UUID, existing desks get theirs on upgrade, and undo brings an item back under its own.
// And the offsets at the boundary: UTF-16 inside the desk, code points in every file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { convertOffsets, toCodePoints, toCodeUnits } from '../../shared/code-points.ts';
import { demoDesk } from './desk.ts';
import { tempDir } from './helpers.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const uuids = (db: Database.Database, table: string): string[] =>
  db.prepare(`SELECT uuid FROM ${table} ORDER BY id`).pluck().all() as string[];

describe('claim-set identities', () => {
  it('009 gives every existing claim, source, passage and link its own UUID, and the desk an id', () => {
    const file = join(tempDir(), 'desk.sqlite');
    const old = new Database(file);
    migrate(old, 8);
    old.exec(`
      INSERT INTO outlets (id, name, name_key, created_at) VALUES (1, 'Daily NK', 'dailynk', 't');
      INSERT INTO sources (id, outlet_id, name, kind, created_at) VALUES (1, 1, 'Daily NK', 'outlet', 't'), (2, 1, 'a source', 'named', 't');
      INSERT INTO texts (sha256, body, chars) VALUES ('${'a'.repeat(64)}', 'one two three', 13);
      INSERT INTO reports (id, sha256, title, outlet_id, format, original_name, imported_at) VALUES (1, '${'a'.repeat(64)}', 'r', 1, 'txt', 'r.txt', 't');
      INSERT INTO passages (id, report_id, sha256, position_start, position_end, exact, prefix, suffix, created_at, updated_at)
        VALUES (1, 1, '${'a'.repeat(64)}', 0, 3, 'one', '', ' two', 't', 't'), (2, 1, '${'a'.repeat(64)}', 4, 7, 'two', 'one ', '', 't', 't');
      INSERT INTO claims (id, text, created_at, updated_at) VALUES (1, 'c1', 't', 't'), (2, 'c2', 't', 't');
      INSERT INTO evidence (id, claim_id, passage_id, stance, credibility, created_at) VALUES (1, 1, 1, 'supports', 2, 't'), (2, 2, 2, 'supports', 2, 't');`);
    old.close();
    const { db } = openDesk(file);
    const all = ['claims', 'sources', 'passages', 'evidence'].flatMap((t) => uuids(db, t));
    expect(all).toHaveLength(8);
    for (const uuid of all) expect(uuid).toMatch(V4);
    expect(new Set(all).size).toBe(8);
    expect(db.prepare(`SELECT value FROM preferences WHERE key = 'desk_id'`).pluck().get()).toMatch(
      V4,
    );
    db.close();
  });

  it('a row written without one gets a new UUID; one written with one keeps it', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(`INSERT INTO claims (text, created_at, updated_at) VALUES ('a', 't', 't')`).run();
    const given = '0b0c4f6e-1a2b-4c3d-8e9f-001122334455';
    db.prepare(
      `INSERT INTO claims (uuid, text, created_at, updated_at) VALUES (?, 'b', 't', 't')`,
    ).run(given);
    const [first, second] = uuids(db, 'claims');
    expect(first).toMatch(V4);
    expect(second).toBe(given);
  });

  it('undo brings back a deleted passage, claim or link under its own UUID', async () => {
    const { db, call, passage } = await demoDesk();
    const p = await passage(1, 'auto repair is becoming a new market');
    const claim = await call<{ id: number }>('claims.create', {
      text: 'Auto repair is a new market',
    });
    await call('evidence.link', {
      claimId: claim.id,
      passageId: p.id,
      stance: 'supports',
      credibility: 2,
      note: '',
    });
    const before = {
      passages: uuids(db, 'passages'),
      claims: uuids(db, 'claims'),
      evidence: uuids(db, 'evidence'),
    };
    const current = () => ({
      passages: uuids(db, 'passages'),
      claims: uuids(db, 'claims'),
      evidence: uuids(db, 'evidence'),
    });
    const evidenceId = db.prepare('SELECT id FROM evidence').pluck().get() as number;
    await call('evidence.unlink', { id: evidenceId });
    await call('session.undo', {});
    expect(current()).toEqual(before);
    await call('passages.delete', { id: p.id });
    await call('session.undo', {});
    expect(current()).toEqual(before);
    await call('claims.delete', { id: claim.id });
    await call('session.undo', {});
    expect(current()).toEqual(before);
  });
});

describe('offsets at the boundary', () => {
  // "🇰🇵" is two astral characters (four code units); "𠀀" one; "é" composed is one unit.
  const text = 'Flag 🇰🇵 and 𠀀 in Hyesan, é.';
  it('counts an astral character as one code point and two code units, both ways', () => {
    const start = text.indexOf('and');
    expect(toCodePoints(text, start)).toBe(start - 2);
    expect(toCodeUnits(text, start - 2)).toBe(start);
    const end = text.indexOf('in');
    expect(toCodePoints(text, end)).toBe(end - 3);
    expect(toCodeUnits(text, toCodePoints(text, text.length))).toBe(text.length);
    expect([...text].slice(toCodePoints(text, start), toCodePoints(text, end)).join('')).toBe(
      text.slice(start, end),
    );
  });
  it('converts many offsets in one pass, in any order, agreeing with one at a time', () => {
    const offsets = [text.length, 0, text.indexOf('in'), text.indexOf('and'), 5];
    const points = convertOffsets(text, offsets, 'points');
    expect(points).toEqual(offsets.map((o) => toCodePoints(text, o)));
    expect(convertOffsets(text, points, 'units')).toEqual(offsets);
  });
  it('refuses an offset inside a surrogate pair or past the end', () => {
    expect(() => toCodePoints(text, text.indexOf('🇰🇵') + 1)).toThrow(/splits a surrogate pair/);
    expect(() => toCodeUnits(text, [...text].length + 1)).toThrow(/past the end/);
    expect(() => toCodePoints(text, text.length + 1)).toThrow(/outside the text/);
  });
});
