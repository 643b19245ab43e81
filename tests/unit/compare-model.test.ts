// The compare view's model: claim numbers and colours stable across columns, shared claims, the
// gutter's ticks, and what "Align matched passages" lines up.
import { describe, expect, it } from 'vitest';
import {
  alignAnchor,
  CLAIM_COLOURS,
  claimKeys,
  firstPassageOf,
  gutterTicks,
  markedPassages,
  nextShared,
  sharedClaims,
  type ColumnClaims,
} from '../../renderer/src/features/compare/compare-model.ts';

const passage = (id: number, start: number, end: number, status = 'anchored' as const) => ({
  id,
  start,
  end,
  status,
});
const link = (claimId: number, stance: 'supports' | 'contradicts' | 'context' = 'supports') => ({
  claimId,
  text: `claim ${claimId}`,
  stance,
});

const left: ColumnClaims = {
  reportId: 1,
  textLength: 1000,
  passages: [passage(10, 500, 520), passage(11, 100, 120), passage(12, 700, 720)],
  claimsByPassage: { 10: [link(7)], 11: [link(3), link(7, 'context')] },
};
const right: ColumnClaims = {
  reportId: 2,
  textLength: 200,
  passages: [passage(20, 50, 60), passage(21, 150, 160, 'orphaned' as never)],
  claimsByPassage: { 20: [link(7, 'contradicts')], 21: [link(3)] },
};

describe('compare: claim keys', () => {
  it('numbers claims by id, the same in every column, with their columns and stances', () => {
    const keys = claimKeys([left, right]);
    expect(keys.map((k) => [k.claimId, k.number, k.columns])).toEqual([
      [3, 1, [0]],
      [7, 2, [0, 1]],
    ]);
    expect(keys[1]?.stances).toEqual({ 0: ['supports', 'context'], 1: ['contradicts'] });
  });

  it('a new claim with a higher id leaves the others their numbers and colours', () => {
    const before = claimKeys([left, right]).map((k) => [k.claimId, k.number, k.colour]);
    const more = {
      ...right,
      claimsByPassage: { ...right.claimsByPassage, 20: [link(7), link(9)] },
    };
    const after = claimKeys([left, more]).map((k) => [k.claimId, k.number, k.colour]);
    expect(after.slice(0, 2)).toEqual(before);
  });

  it('colours wrap around the palette, the number telling them apart', () => {
    const many: ColumnClaims = {
      reportId: 1,
      textLength: 100,
      passages: [passage(1, 0, 5)],
      claimsByPassage: { 1: Array.from({ length: CLAIM_COLOURS + 2 }, (_, i) => link(i + 1)) },
    };
    const keys = claimKeys([many]);
    expect(keys[CLAIM_COLOURS]?.colour).toBe(0);
    expect(keys[CLAIM_COLOURS]?.number).toBe(CLAIM_COLOURS + 1);
  });

  it('an orphaned passage does not put its claim in the column', () => {
    const keys = claimKeys([left, right]);
    expect(keys.find((k) => k.claimId === 3)?.columns).toEqual([0]);
  });
});

describe('compare: shared claims and the next one', () => {
  it('only claims in two columns or more are shared; next cycles through them', () => {
    const keys = claimKeys([
      left,
      right,
      { ...right, reportId: 3, claimsByPassage: { 20: [link(3)] } },
    ]);
    const shared = sharedClaims(keys);
    expect(shared.map((k) => k.claimId)).toEqual([3, 7]);
    expect(nextShared(shared, null)?.claimId).toBe(3);
    expect(nextShared(shared, 3)?.claimId).toBe(7);
    expect(nextShared(shared, 7)?.claimId).toBe(3);
    expect(nextShared([], null)).toBeNull();
  });
});

describe('compare: passages, gutter and alignment', () => {
  const keys = claimKeys([left, right]);
  const byId = new Map(keys.map((k) => [k.claimId, k]));
  const marked = markedPassages(left, byId);

  it('marks passages in reading order, with their claims in number order', () => {
    expect(marked.map((p) => [p.passageId, p.claims.map((k) => k.number)])).toEqual([
      [11, [1, 2]],
      [10, [2]],
      [12, []],
    ]);
    expect(marked[0]?.stances).toEqual({ 3: 'supports', 7: 'context' });
    expect(firstPassageOf(marked, 7)).toBe(11);
    expect(firstPassageOf(markedPassages(right, byId), 3)).toBeNull();
  });

  it('places a tick per passage and claim at its relative place in the text', () => {
    expect(gutterTicks(marked, 1000).map((t) => [t.passageId, t.number, t.at])).toEqual([
      [11, 1, 0.1],
      [11, 2, 0.1],
      [10, 2, 0.5],
    ]);
  });

  it('aligns on the first shared-claim passage at or below the top, not one above it', () => {
    const tops = new Map([
      [11, 40],
      [10, 300],
      [12, 500],
    ]);
    const shared = new Set([7]);
    expect(alignAnchor(marked, tops, 0, shared)).toEqual({ passageId: 11, claimId: 7, offset: 40 });
    expect(alignAnchor(marked, tops, 100, shared)).toEqual({
      passageId: 10,
      claimId: 7,
      offset: 200,
    });
    expect(alignAnchor(marked, tops, 400, shared)).toBeNull();
    expect(alignAnchor(marked, tops, 0, new Set())).toBeNull();
  });
});
