// How the reader colours passages (by the stances they are evidence with) and where it marks
// words covered twice.
import { describe, expect, it } from 'vitest';
import { markOf, overlaps } from '../../renderer/src/features/reader/marks.ts';
import { createClaim } from '../../electron/core/db/claims.ts';
import { linkEvidence } from '../../electron/core/db/evidence.ts';
import { createPassage, listPassages } from '../../electron/core/db/passages.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { tempDesk } from './helpers.ts';

describe('passage colours', () => {
  it('one stance gives its colour, several give "mixed", none "not yet evidence"', () => {
    expect(markOf({ stances: [] })).toBe('unlinked');
    expect(markOf({ stances: ['supports'] })).toBe('supports');
    expect(markOf({ stances: ['contradicts'] })).toBe('contradicts');
    expect(markOf({ stances: ['context'] })).toBe('context');
    expect(markOf({ stances: ['contradicts', 'supports'] })).toBe('mixed');
  });

  it('marks the words under two passages or more, merged, and not passages that only touch', () => {
    expect(overlaps([])).toEqual([]);
    expect(overlaps([{ start: 0, end: 10 }])).toEqual([]);
    expect(
      overlaps([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
      ]),
    ).toEqual([]);
    expect(
      overlaps([
        { start: 0, end: 10 },
        { start: 5, end: 20 },
        { start: 8, end: 12 },
        { start: 30, end: 40 },
        { start: 35, end: 36 },
      ]),
    ).toEqual([
      [5, 12],
      [35, 36],
    ]);
  });

  it('the desk sends each passage’s stances and how many claims it backs', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    const reportId = 1;
    const body = db
      .prepare('SELECT t.body FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?')
      .pluck()
      .get(reportId) as string;
    const passage = createPassage(db, {
      reportId,
      start: 0,
      end: 20,
      exact: body.slice(0, 20),
      note: '',
    });
    expect(passage).toMatchObject({ stances: [], claimCount: 0 });
    const one = createClaim(db, { text: 'One', tags: [] });
    const two = createClaim(db, { text: 'Two', tags: [] });
    linkEvidence(db, {
      claimId: one.id,
      passageId: passage.id,
      stance: 'supports',
      credibility: 2,
      note: '',
    });
    linkEvidence(db, {
      claimId: two.id,
      passageId: passage.id,
      stance: 'contradicts',
      credibility: 3,
      note: '',
    });
    expect(listPassages(db, reportId)).toMatchObject([
      { id: passage.id, stances: ['contradicts', 'supports'], claimCount: 2 },
    ]);
  });
});
