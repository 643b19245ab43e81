// The round trip the issue asks for: a worked desk exported with its texts, merged into an empty
// desk, exported again, gives the same set apart from the export's time and desk; the merged desk
// shows the same statuses and the same passages in the same places.
import { describe, expect, it } from 'vitest';
import { claimStatuses } from '../../electron/core/db/corroboration-input.ts';
import type { Db } from '../../electron/core/db/connection.ts';
import { buildClaimSet } from '../../electron/core/export/claim-set.ts';
import { mergeClaimSet } from '../../electron/core/merge/index.ts';
import type { ClaimSet } from '../../shared/claim-set.ts';
import { tempDesk } from './helpers.ts';
import { seededDesk } from './seeded-desk.ts';

const withoutExport = ({ exported: { at: _at, desk: _desk, ...rest }, ...set }: ClaimSet) => ({
  ...set,
  exported: rest,
});

/** Each claim's status and counts, by UUID. */
const statuses = (db: Db) => {
  const uuidOf = db.prepare('SELECT uuid FROM claims WHERE id = ?').pluck();
  return Object.fromEntries([...claimStatuses(db)].map(([id, c]) => [uuidOf.get(id) as string, c]));
};

/** Every passage: where it is, in which text, anchored or not. */
const places = (db: Db) =>
  db
    .prepare(
      `SELECT p.uuid, p.sha256, p.position_start, p.position_end, p.exact, p.prefix, p.suffix,
              p.anchor_status, p.note, r.sha256 AS report
       FROM passages p JOIN reports r ON r.id = p.report_id ORDER BY p.uuid`,
    )
    .all();

describe('claim set round trip', () => {
  it('export with texts, merge into an empty desk, export again: the same set, statuses and places', async () => {
    const { db } = await seededDesk();
    const first = buildClaimSet(db, { filter: null, withTexts: true });
    const empty = tempDesk();
    const report = mergeClaimSet(empty.db, JSON.stringify(first), {
      fileName: 'claim-set.json',
      dryRun: false,
    });
    expect(report.conflicts).toEqual([]);
    expect(report.passages.orphaned).toHaveLength(1);
    expect(report.passages.pending).toEqual([]);
    const second = buildClaimSet(empty.db, { filter: null, withTexts: true });
    expect(withoutExport(second)).toEqual(withoutExport(first));
    expect(statuses(empty.db)).toEqual(statuses(db));
    expect(places(empty.db)).toEqual(places(db));
    // And once more: nothing new.
    expect(
      mergeClaimSet(empty.db, JSON.stringify(first), { fileName: 'claim-set.json', dryRun: false })
        .changed,
    ).toBe(false);
  });
});
