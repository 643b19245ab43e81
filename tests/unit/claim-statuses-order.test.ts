// The bulk status pass reads the evidence table in its own order and groups links by claim
// itself: links added out of claim order, and claim ids too large to pack with the passage into
// one exact number, must still conclude as each claim's own assessment does.
import { describe, expect, it } from 'vitest';
import { assessClaim } from '../../shared/corroboration.ts';
import {
  claimStatuses,
  loadCorroborationInput,
} from '../../electron/core/db/corroboration-input.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { tempDesk } from './helpers.ts';

describe('claimStatuses groups the links by claim itself', () => {
  it('agrees with assessClaim for links added across claims and for a very large claim id', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    let seed = 17;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const now = '2026-01-01T00:00:00Z';
    const reports = db.prepare('SELECT id, sha256, outlet_id FROM reports').raw().all() as [
      number,
      string,
      number,
    ][];
    const addSource = db.prepare(
      `INSERT INTO sources (outlet_id, name, derives_from_id, kind, created_at) VALUES (?, ?, ?, 'named', ?)`,
    );
    const named: number[] = [];
    for (let i = 0; i < 4; i++)
      named.push(
        Number(
          addSource.run(
            (reports[i % reports.length] as [number, string, number])[2],
            `Source ${i}`,
            i > 1 ? named[0] : null,
            now,
          ).lastInsertRowid,
        ),
      );
    const addPassage = db.prepare(
      `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, source_id, created_at, updated_at) VALUES (?, ?, ?, ?, 'quoted words', '', '', ?, ?, ?)`,
    );
    const passageIds: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [reportId, sha] = reports[i % reports.length] as [number, string, number];
      const source = random(2) ? (named[random(named.length)] as number) : null;
      passageIds.push(
        Number(
          addPassage.run(reportId, sha, i * 20, i * 20 + 12, source, now, now).lastInsertRowid,
        ),
      );
    }
    // 2^50: claim id × (passage id span × 32) no longer fits in a double's 53 bits.
    const claims = [...Array.from({ length: 30 }, (_, i) => 1000 + i), 2 ** 50];
    const insertClaim = db.prepare(
      'INSERT INTO claims (id, text, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const id of claims) insertClaim.run(id, `Claim ${id}`, now, now);
    const link = db.prepare(
      'INSERT OR IGNORE INTO evidence (claim_id, passage_id, stance, credibility, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const stances = ['supports', 'supports', 'contradicts', 'context'];
    // Round robin over the claims, so no claim's links sit together in the table.
    for (let round = 0; round < 5; round++)
      for (const id of claims)
        link.run(
          id,
          passageIds[random(passageIds.length)],
          stances[random(stances.length)],
          1 + random(6),
          now,
        );

    const bulk = claimStatuses(db);
    const every = db.prepare('SELECT id FROM claims').pluck().all() as number[];
    expect([...bulk.keys()].sort((a, b) => a - b)).toEqual(every.sort((a, b) => a - b));
    const input = loadCorroborationInput(db);
    for (const id of every) {
      const a = assessClaim(input.byClaim.get(id) ?? [], input.sources, input.reviews.get(id));
      expect([id, bulk.get(id)]).toEqual([
        id,
        { status: a.status, suggestedCredibility: a.suggestedCredibility, counts: a.counts },
      ]);
    }
    const statuses = new Set(claims.map((id) => bulk.get(id)?.status));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    expect(bulk.get(2 ** 50)?.counts.passages).toBeGreaterThan(0);
    db.close();
  });
});
