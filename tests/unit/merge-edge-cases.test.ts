// What a review of the merge found, each kept from coming back: quotes nobody could check are
// never stored where they do not stand, undo keeps working after a merge, one quote is never two
// origins, waiting passages are placed by a new version, cites chains end, names clash safely,
// conflicts name the right reviewer and can always be closed, shared-origin decisions conflict.
import { describe, expect, it } from 'vitest';
import { claimStatuses } from '../../electron/core/db/corroboration-input.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import { buildClaimSet } from '../../electron/core/export/claim-set.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';
import { listConflicts, listPending, resolveConflict } from '../../electron/core/merge/index.ts';
import { importNewVersion } from '../../electron/core/reports/versions.ts';
import { urnOf, type ClaimSet } from '../../shared/claim-set.ts';
import { demoDesk } from './desk.ts';
import { preparedReport, tempDesk } from './helpers.ts';
import { seededDesk } from './seeded-desk.ts';
import { merge, smallSet, TEXT } from './small-set.ts';

type Source = ClaimSet['sources'][number];
type Passage = ClaimSet['passages'][number];

describe('merge, edge cases', () => {
  it('keeps an orphan whose own text neither side has waiting for it, so later exports stay sound', async () => {
    const { db } = await seededDesk();
    const withTexts = buildClaimSet(db, { filter: null, withTexts: true });
    const without = buildClaimSet(db, { filter: null, withTexts: false });
    // Desk B holds the same reports, but only as they read now.
    const b = tempDesk();
    for (const r of withTexts.reports)
      storeReport(b.db, {
        ...preparedReport(r.title, r.text as string),
        outlet: r.outlet,
        sha256: r.sha256,
      });
    const report = merge(b.db, without);
    expect(report.passages.pending.map((p) => p.quote)).toEqual([
      'These doomed words are dropped in the next version',
    ]);
    expect(report.passages.orphaned).toEqual([]);
    expect(listPending(b.db)).toMatchObject([{ waitingFor: 'text' }]);
    // B's export re-verifies anywhere.
    const again = buildClaimSet(b.db, { filter: null, withTexts: true });
    expect(merge(tempDesk().db, again).changed).toBe(true);
  });

  it('places a quote nobody could check only on its own words, never on words like them', () => {
    const { db } = tempDesk();
    storeReport(db, preparedReport('Rice prices climb in Hyesan', TEXT));
    const set = smallSet({ withText: false });
    const passage = set.passages[0] as Passage;
    passage.target.source = urnOf(sha256('a text nobody has'));
    passage.target.selector[0].exact = 'rice now costs 800 won per kilogram, the cheapest in years';
    const report = merge(db, set);
    expect(report.passages.created).toBe(0);
    expect(report.passages.pending).toHaveLength(1);
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
  });

  it('leaves undo working after a merge brings back an item undo would restore', async () => {
    const { call } = await demoDesk(false);
    await call('claims.create', { text: 'A claim that comes back' });
    const exported = await call<{ files: { content: string }[] }>('sets.export', {
      format: 'set',
      filter: null,
      withTexts: true,
    });
    const [claim] = await call<{ items: { id: number }[] }>('claims.list', {}).then((p) => p.items);
    await call('claims.delete', { id: claim?.id });
    const merged = await call<{ changed: boolean }>('sets.merge', {
      fileName: 'back.json',
      content: exported.files[0]?.content,
      dryRun: false,
      duplicates: [],
    });
    expect(merged.changed).toBe(true);
    await expect(call('session.undo', {})).resolves.toMatchObject({ undone: null });
  });

  it('counts one quote once: a duplicate’s passage on the same words is the desk’s passage', () => {
    const { db } = tempDesk();
    merge(db, smallSet());
    const theirs = smallSet({ reviewer: 'B. Other' });
    const claim = theirs.claims[0]?.id as string;
    const report = merge(db, theirs, { duplicates: [{ id: claim, decision: 'merge' }] });
    expect(report.passages).toMatchObject({ created: 0, matched: 1 });
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(1);
    expect([...claimStatuses(db).values()].map((c) => c.status)).toEqual(['single-origin']);
    // Its source kept apart by default: the passage's attribution is a conflict to settle.
    expect(report.conflicts.map((c) => [c.entity, c.field])).toContainEqual(['passage', 'source']);
  });

  it('places a waiting passage when its text arrives as a new version of a report', () => {
    const { db } = tempDesk();
    const v1 = `Draft.\n\n${TEXT}`;
    const stored = storeReport(db, preparedReport('Rice prices climb in Hyesan', v1));
    const set = smallSet({ withText: false });
    // The set's report is v2 (TEXT), which this desk does not hold yet.
    merge(db, set);
    expect(listPending(db)).toHaveLength(1);
    importNewVersion(db, stored.id, preparedReport('Rice prices climb in Hyesan', TEXT));
    expect(listPending(db)).toEqual([]);
    expect(db.prepare('SELECT uuid, anchor_status FROM passages').get()).toEqual({
      uuid: set.passages[0]?.id,
      anchor_status: 'anchored',
    });
  });

  it('refuses a source citing itself or a circle of sources citing one another', () => {
    const { db } = tempDesk();
    const self = smallSet();
    const named = self.sources[1] as Source;
    named.cites = named.id;
    expect(() => merge(db, self)).toThrow(/cites itself/);
    const circle = smallSet();
    const [outlet, other] = circle.sources as [Source, Source];
    outlet.cites = other.id;
    other.cites = outlet.id;
    expect(() => merge(db, circle)).toThrow(/cites itself|go round in a circle/);
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('refuses an outlet’s own voice named otherwise than its outlet', () => {
    const set = smallSet();
    (set.sources[0] as Source).name = 'Radio Free Asia';
    expect(() => merge(tempDesk().db, set)).toThrow(
      /own voice of outlet "Daily NK" but is named "Radio Free Asia"/,
    );
  });

  it('offers a named source spelt like its outlet as a likely duplicate instead of failing', () => {
    const { db } = tempDesk();
    merge(db, smallSet());
    const set = smallSet();
    const named = set.sources[1] as Source;
    named.name = 'Daily NK';
    const report = merge(db, set);
    expect(report.duplicates).toContainEqual(
      expect.objectContaining({
        entity: 'source',
        incoming: expect.objectContaining({ id: named.id }),
      }),
    );
  });

  it('closes a conflict by keeping the desk’s value even when its item was deleted since', () => {
    const { db } = tempDesk();
    const set = smallSet();
    merge(db, set);
    const theirs = structuredClone(set);
    (theirs.claims[0] as ClaimSet['claims'][number]).verdict = 'verified';
    merge(db, theirs);
    db.prepare('DELETE FROM claims').run();
    const [conflict] = listConflicts(db);
    expect(() => resolveConflict(db, conflict?.id as number, 'incoming')).toThrow(
      /no longer in the desk/,
    );
    expect(resolveConflict(db, conflict?.id as number, 'local')).toMatchObject({
      resolution: 'local',
    });
  });

  it('names the desk’s own reviewer for its value, not one whose history a set brought', () => {
    const { db } = tempDesk();
    const set = smallSet();
    merge(db, set);
    const claimId = db.prepare('SELECT id FROM claims').pluck().get() as number;
    // T. Reviewer judges the claim here.
    db.prepare(`UPDATE claims SET verdict = 'refuted' WHERE id = ?`).run(claimId);
    db.prepare(
      `INSERT INTO audit_log (at, reviewer, action, entity, entity_id) VALUES (?, 'T. Reviewer', 'claim.verdict', 'claim', ?)`,
    ).run(new Date().toISOString(), claimId);
    // B's set brings B's history of the claim, then B's next set another verdict.
    const b = structuredClone(set);
    b.audit.push({
      ...(b.audit[0] as ClaimSet['audit'][number]),
      at: '2025-12-01T00:00:00.000Z',
      reviewer: 'B. Other',
      action: 'claim.update',
    });
    merge(db, b);
    const next = structuredClone(b);
    (next.claims[0] as ClaimSet['claims'][number]).verdict = 'verified';
    const [conflict] = merge(db, next).conflicts.filter(
      (c) =>
        c.field === 'verdict' &&
        c.incoming !== null &&
        (c.incoming as { verdict: string }).verdict === 'verified',
    );
    expect(conflict).toMatchObject({ localReviewer: 'T. Reviewer', incomingReviewer: 'B. Other' });
  });

  it('lists a shared-origin decision the desk made otherwise as a conflict, and settles it', async () => {
    const { db } = await seededDesk();
    // Two passages of one claim, decided one origin in the set.
    const claim = db
      .prepare(`SELECT id FROM claims WHERE text LIKE 'Car repair%'`)
      .pluck()
      .get() as number;
    const [a, b] = db
      .prepare('SELECT passage_id FROM evidence WHERE claim_id = ? ORDER BY passage_id LIMIT 2')
      .pluck()
      .all(claim) as number[];
    db.prepare(
      `INSERT INTO origin_reviews (claim_id, passage_a, passage_b, decision, reviewer, decided_at) VALUES (?, ?, ?, 'confirmed', 'A. Colleague', ?)`,
    ).run(claim, a, b, new Date().toISOString());
    const set = buildClaimSet(db, { filter: null, withTexts: true });
    const other = tempDesk();
    merge(other.db, set);
    other.db
      .prepare(`UPDATE origin_reviews SET decision = 'dismissed', reviewer = 'T. Reviewer'`)
      .run();
    const report = merge(other.db, set);
    expect(report.changed).toBe(true);
    const [conflict] = report.conflicts;
    expect(conflict).toMatchObject({
      entity: 'claim',
      field: 'originReview',
      local: { decision: 'dismissed' },
      incoming: { decision: 'confirmed' },
      localReviewer: 'T. Reviewer',
      incomingReviewer: 'A. Colleague',
    });
    resolveConflict(other.db, listConflicts(other.db)[0]?.id as number, 'incoming');
    expect(other.db.prepare('SELECT decision FROM origin_reviews').pluck().get()).toBe('confirmed');
    expect(merge(other.db, set).changed).toBe(false);
  });
});
