// Suggestions for a passage (issue 11, item 4): sentences of OTHER reports only, and not the
// evidence its claims already hold (taking one again would fail as a duplicate link).
import { describe, expect, it } from 'vitest';
import type { Suggestion } from '../../shared/api.ts';
import { demoDesk } from './desk.ts';

const IN_001 = 'pool money and have 3-5 people buy one car together';
const SENTENCE_002 = '“Groups of 3-5 people pool money to buy a car and share it as needed.';

describe('suggestions for a passage', () => {
  it('come from other reports only, and leave out what its claims already hold', async () => {
    const { db, call, passage } = await demoDesk();
    const idOf = (file: string): number =>
      db
        .prepare(`SELECT id FROM reports WHERE original_name LIKE ? || '%'`)
        .pluck()
        .get(file) as number;
    const r001 = idOf('001_');
    const r002 = idOf('002_');
    const p = await passage(r001, IN_001);
    const first = await call<Suggestion[]>('compare.suggest', { passageId: p.id, limit: 50 });
    expect(first.some((s) => s.text === SENTENCE_002)).toBe(true);
    expect(first.every((s) => s.reportId !== r001)).toBe(true);

    const claim = await call<{ id: number }>('claims.create', {
      text: 'Groups of 3-5 people buy a car together',
      evidence: { passageId: p.id, stance: 'supports', credibility: 3 },
    });
    const hit = first.find((s) => s.text === SENTENCE_002) as Suggestion;
    await call('compare.accept', {
      claimId: claim.id,
      reportId: r002,
      start: hit.start,
      end: hit.end,
      stance: 'supports',
      credibility: 3,
    });
    const after = await call<Suggestion[]>('compare.suggest', { passageId: p.id, limit: 50 });
    expect(after.some((s) => s.text === SENTENCE_002)).toBe(false);
  });
});
