// Merging a colleague's claim set: every quote re-verified, reports matched by text, passages
// placed or kept for their report, likely duplicates offered, differing values listed as
// conflicts, a set merged twice changing nothing, and every kind of bad set refused with the desk
// left exactly as it was.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClaimSet } from '../../shared/claim-set.ts';
import { claimStatuses } from '../../electron/core/db/corroboration-input.ts';
import { storeReport } from '../../electron/core/db/reports.ts';
import { sha256 } from '../../electron/core/import/normalise.ts';
import {
  listConflicts,
  listPending,
  mergeClaimSet,
  resolveConflict,
} from '../../electron/core/merge/index.ts';
import { preparedReport, tempDesk } from './helpers.ts';
import { fileHash, merge, QUOTE, smallSet, TEXT } from './small-set.ts';

describe('merge', () => {
  it('brings a set into an empty desk: report, sources, passage at its place past an emoji, claim, link, history', () => {
    const { db } = tempDesk();
    const set = smallSet();
    const report = merge(db, set);
    expect(report).toMatchObject({
      changed: true,
      reports: { imported: 1, matched: 0, missing: 0 },
      sources: { created: 2, matched: 0 },
      claims: { created: 1, matched: 0 },
      passages: { created: 1, matched: 0, reanchored: [], orphaned: [], pending: [] },
      evidence: { created: 1, matched: 0 },
      audit: 1,
      conflicts: [],
    });
    const passage = db
      .prepare('SELECT uuid, position_start AS start, position_end AS end, exact FROM passages')
      .get() as { uuid: string; start: number; end: number; exact: string };
    expect(passage).toEqual({
      uuid: set.passages[0]?.id,
      start: TEXT.indexOf(QUOTE),
      end: TEXT.indexOf(QUOTE) + QUOTE.length,
      exact: QUOTE,
    });
    expect(db.prepare('SELECT uuid FROM claims').pluck().get()).toBe(set.claims[0]?.id);
    const [status] = [...claimStatuses(db).values()];
    expect(status?.status).toBe('single-origin');
    // Provenance: each item remembers the merge, which names the file, its desk and reviewer.
    expect(
      db
        .prepare(
          `SELECT DISTINCT m.file_name, m.desk_id, m.exported_by FROM provenance p JOIN merges m ON m.id = p.merge_id`,
        )
        .all(),
    ).toEqual([
      { file_name: 'colleague.json', desk_id: set.exported.desk, exported_by: 'A. Colleague' },
    ]);
    expect(db.prepare(`SELECT count(*) FROM provenance`).pluck().get()).toBe(5);
    expect(
      db.prepare(`SELECT action, entity FROM audit_log WHERE action = 'set.merge'`).all(),
    ).toEqual([{ action: 'set.merge', entity: 'merge' }]);
  });

  it('merging the same set a second time changes nothing at all', () => {
    const { db, file } = tempDesk();
    const set = smallSet();
    merge(db, set);
    const before = fileHash(db, file);
    const again = merge(db, set);
    expect(again.changed).toBe(false);
    expect(again).toMatchObject({
      claims: { created: 0, matched: 1 },
      passages: { created: 0, matched: 1 },
      evidence: { created: 0, matched: 1 },
      audit: 0,
      conflicts: [],
    });
    expect(fileHash(db, file)).toBe(before);
  });

  it('a dry run reports what the merge would do and writes nothing', () => {
    const { db, file } = tempDesk();
    const before = fileHash(db, file);
    const preview = merge(db, smallSet(), { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, changed: true, claims: { created: 1 } });
    expect(fileHash(db, file)).toBe(before);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
  });

  it('keeps passages whose report is absent, and places them when the report is imported', () => {
    const { db } = tempDesk();
    const set = smallSet({ withText: false });
    const report = merge(db, set);
    expect(report.reports.missing).toBe(1);
    expect(report.passages.pending).toEqual([
      { id: set.passages[0]?.id, quote: QUOTE, report: 'Rice prices climb in Hyesan' },
    ]);
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    expect(listPending(db)).toMatchObject([
      {
        id: set.passages[0]?.id,
        quote: QUOTE,
        report: 'Rice prices climb in Hyesan',
        fileName: 'colleague.json',
      },
    ]);
    storeReport(db, preparedReport('Rice prices climb in Hyesan', TEXT));
    const placed = db
      .prepare('SELECT uuid, position_start AS start, anchor_status AS status FROM passages')
      .get();
    expect(placed).toEqual({
      uuid: set.passages[0]?.id,
      start: TEXT.indexOf(QUOTE),
      status: 'anchored',
    });
    expect(db.prepare('SELECT uuid FROM evidence').pluck().get()).toBe(set.evidence[0]?.id);
    expect(listPending(db)).toEqual([]);
  });

  it('places waiting passages once when a later set brings their report', () => {
    const { db } = tempDesk();
    const set = smallSet({ withText: false });
    merge(db, set);
    const withText = structuredClone(set);
    const [report] = withText.reports as [ClaimSet['reports'][number]];
    report.text = TEXT;
    const second = merge(db, withText, { fileName: 'with-text.json' });
    expect(second.passages).toMatchObject({ created: 1, pending: [] });
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);
    expect(listPending(db)).toEqual([]);
  });

  it('keeps the set’s outlet (its UUID and grades) whatever the order of its sources', () => {
    const { db } = tempDesk();
    const set = smallSet();
    set.sources.reverse();
    const report = merge(db, set);
    expect(report.sources).toEqual({ created: 2, matched: 0 });
    expect(report.conflicts).toEqual([]);
    const outlet = set.sources.find((s) => s.kind === 'outlet') as ClaimSet['sources'][number];
    expect(
      db
        .prepare(
          `SELECT s.kind, r.reliability FROM sources s JOIN ratings r ON r.source_id = s.id WHERE s.uuid = ?`,
        )
        .get(outlet.id),
    ).toEqual({ kind: 'outlet', reliability: 'B' });
  });

  it('re-anchors a passage whose report the desk holds in a newer version', () => {
    const { db } = tempDesk();
    const stored = storeReport(db, preparedReport('Rice prices climb in Hyesan', TEXT));
    const edited = `Updated.\n\n${TEXT}`;
    // The desk's report now reads `edited`; the set's passage was made on TEXT.
    db.prepare('INSERT INTO texts (sha256, body, chars) VALUES (?, ?, ?)').run(
      sha256(edited),
      edited,
      edited.length,
    );
    db.prepare('UPDATE reports SET sha256 = ? WHERE id = ?').run(sha256(edited), stored.id);
    db.prepare(
      `INSERT INTO report_versions (report_id, version, sha256, original_name, imported_at) VALUES (?, 2, ?, 'v2.txt', 't')`,
    ).run(stored.id, sha256(edited));
    const report = merge(db, smallSet());
    expect(report.reports).toEqual({ imported: 0, matched: 1, missing: 0 });
    expect(report.passages.reanchored.map((p) => p.quote)).toEqual([QUOTE]);
    const placed = db.prepare('SELECT position_start, sha256 FROM passages').get() as {
      position_start: number;
      sha256: string;
    };
    expect(placed).toEqual({ position_start: edited.indexOf(QUOTE), sha256: sha256(edited) });
  });

  it('offers a claim worded like one of the desk’s as a duplicate, and merges it only when told', () => {
    const { db } = tempDesk();
    db.prepare(
      `INSERT INTO claims (text, created_at, updated_at) VALUES ('Rice costs 8,000 won per kilogram in Hyesan.', 't', 't')`,
    ).run();
    const set = smallSet();
    const claimId = set.claims[0]?.id as string;
    const separate = merge(db, set, { dryRun: true });
    expect(separate.duplicates).toMatchObject([
      { entity: 'claim', incoming: { id: claimId }, decision: 'separate' },
    ]);
    expect(separate.claims).toEqual({ created: 1, matched: 0 });
    const merged = merge(db, set, { duplicates: [{ id: claimId, decision: 'merge' }] });
    expect(merged.claims).toEqual({ created: 0, matched: 1 });
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(1);
    // Remembered: the same set again is nothing new.
    const again = merge(db, set);
    expect(again, JSON.stringify(again)).toMatchObject({ changed: false });
  });

  it('lists differing grades, stances and verdicts as conflicts with both reviewers, and settles them', () => {
    const { db } = tempDesk();
    const set = smallSet();
    merge(db, set);
    const theirs = structuredClone(set);
    theirs.exported.reviewer = 'B. Other';
    const named = theirs.sources[1] as ClaimSet['sources'][number];
    named.reliability = 'E';
    named.rationale = 'contradicted before';
    named.history.push({
      reliability: 'E',
      rationale: 'contradicted before',
      reviewer: 'B. Other',
      at: '2025-11-21T00:00:00.000Z',
    });
    (theirs.evidence[0] as ClaimSet['evidence'][number]).stance = 'contradicts';
    (theirs.claims[0] as ClaimSet['claims'][number]).verdict = 'refuted';
    const report = merge(db, theirs, { fileName: 'other.json' });
    expect(
      report.conflicts.map((c) => [
        c.entity,
        c.field,
        c.local,
        c.incoming,
        c.localReviewer,
        c.incomingReviewer,
      ]),
    ).toEqual([
      [
        'source',
        'reliability',
        { grade: 'C', rationale: 'one informant' },
        { grade: 'E', rationale: 'contradicted before' },
        'A. Colleague',
        'B. Other',
      ],
      [
        'claim',
        'verdict',
        { verdict: 'unresolved', rationale: 'one informant only' },
        { verdict: 'refuted', rationale: 'one informant only' },
        'A. Colleague',
        'A. Colleague',
      ],
      ['evidence', 'stance', 'supports', 'contradicts', 'T. Reviewer', 'A. Colleague'].map(
        (v, i) => (i === 4 ? expect.any(String) : v),
      ),
    ]);
    // Nothing local was overwritten.
    expect(db.prepare(`SELECT verdict FROM claims`).pluck().get()).toBe('unresolved');
    expect(db.prepare(`SELECT stance FROM evidence`).pluck().get()).toBe('supports');
    // Merged again: the same conflicts are not listed twice.
    expect(merge(db, theirs, { fileName: 'other.json' }).changed).toBe(false);
    const open = listConflicts(db);
    expect(open).toHaveLength(3);
    const byField = new Map(open.map((c) => [c.field, c]));
    resolveConflict(db, byField.get('verdict')?.id as number, 'incoming');
    resolveConflict(db, byField.get('stance')?.id as number, 'local');
    const settled = resolveConflict(db, byField.get('reliability')?.id as number, 'incoming');
    expect(settled).toMatchObject({ resolution: 'incoming', resolvedBy: 'T. Reviewer' });
    expect(db.prepare(`SELECT verdict FROM claims`).pluck().get()).toBe('refuted');
    expect(db.prepare(`SELECT stance FROM evidence`).pluck().get()).toBe('supports');
    expect(
      db.prepare(`SELECT reliability FROM ratings ORDER BY id DESC LIMIT 1`).pluck().get(),
    ).toBe('E');
    expect(() => resolveConflict(db, byField.get('verdict')?.id as number, 'local')).toThrow(
      /settled by T. Reviewer/,
    );
    expect(listConflicts(db).every((c) => c.resolution !== null)).toBe(true);
    expect(merge(db, theirs, { fileName: 'other.json' }).changed).toBe(false);
  });
});

describe('a conflict over which source', () => {
  it('names both sources, and taking theirs makes the source cite theirs', () => {
    const { db } = tempDesk();
    const set = smallSet();
    merge(db, set);
    const theirs = structuredClone(set);
    const [outlet, named] = theirs.sources as [
      ClaimSet['sources'][number],
      ClaimSet['sources'][number],
    ];
    named.cites = outlet.id;
    const [conflict] = merge(db, theirs).conflicts;
    expect(conflict).toMatchObject({
      entity: 'source',
      field: 'cites',
      label: 'a source in Ryanggang province (Daily NK)',
      local: null,
      incoming: { id: outlet.id, name: 'Daily NK' },
    });
    resolveConflict(db, listConflicts(db)[0]?.id as number, 'incoming');
    expect(
      db.prepare(`SELECT derives_from_id FROM sources WHERE uuid = ?`).pluck().get(named.id),
    ).toBe(db.prepare(`SELECT id FROM sources WHERE uuid = ?`).pluck().get(outlet.id));
  });
});

describe('merge refuses a bad set and leaves the desk byte for byte as it was', () => {
  const refused = (
    make: (set: ClaimSet) => unknown,
    message: RegExp,
    options: { raw?: boolean; maxBytes?: number } = {},
  ) => {
    const { db, file } = tempDesk();
    merge(db, smallSet());
    const before = fileHash(db, file);
    const made = make(smallSet());
    const content = options.raw ? (made as string) : JSON.stringify(made);
    let error: unknown;
    try {
      mergeClaimSet(db, content, {
        fileName: 'bad.json',
        dryRun: false,
        maxBytes: options.maxBytes,
      });
    } catch (caught) {
      error = caught;
    }
    expect((error as Error | undefined)?.message).toMatch(/^bad\.json was not merged: /);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/The desk was not changed\.$/);
    expect(fileHash(db, file)).toBe(before);
    return error as Error;
  };

  it('not JSON', () =>
    refused(() => '{"format": "source-desk/claim-set",', /not valid JSON/, { raw: true }));
  it('not a claim set', () =>
    refused((s) => ({ ...s, format: 'something/else' }), /not a Source Desk claim set/));
  it('a version it does not read', () =>
    refused((s) => ({ ...s, version: 2 }), /version 2; this Source Desk reads version 1/));
  it('a set that fails the schema: a missing field', () =>
    refused((s) => ({ ...s, claims: s.claims.map(({ text: _, ...c }) => c) }), /claims\.0\.text/));
  it('a set that fails the schema: a key the format does not have', () =>
    refused(
      (s) => ({ ...s, claims: s.claims.map((c) => ({ ...c, score: 5 })) }),
      /claims\.0.*score/,
    ));
  it('a dangling id', () =>
    refused(
      (s) => ({ ...s, evidence: s.evidence.map((e) => ({ ...e, claim: randomUUID() })) }),
      /evidence link .* names claim .*, which is not in the set/,
    ));
  it('a __proto__ key', () =>
    refused(
      (s) => JSON.stringify(s).replace('"tags":', '"__proto__":{"polluted":true},"tags":'),
      /a key "__proto__"/,
      { raw: true },
    ));
  it('a constructor key', () =>
    refused(
      (s) => JSON.stringify(s).replace('"tags":', '"constructor":{"prototype":{}},"tags":'),
      /a key "constructor"/,
      { raw: true },
    ));
  it('excessive size', () =>
    refused((s) => s, /MiB; a claim set may be at most 0\.0 MiB/, { maxBytes: 1000 }));
  it('excessive depth', () =>
    refused(
      (s) => ({
        ...s,
        audit: [{ ...s.audit[0], after: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) }],
      }),
      /nested deeper than 12 levels \(at audit\[0\]\.after/,
    ));
  it('excessive counts', () =>
    refused(
      (s) => ({
        ...s,
        claims: s.claims.map((c) => ({
          ...c,
          tags: Array.from({ length: 1001 }, (_, i) => `t${i}`),
        })),
      }),
      /claims\.0\.tags/,
    ));
  it('a quote that contradicts its report’s text', () =>
    refused((s) => {
      const [quote] = (s.passages[0] as ClaimSet['passages'][number]).target.selector;
      quote.exact = quote.exact.replace('8,000', '9,000');
      return s;
    }, /quotes “rice now costs 9,000 won per kilogram” at .*, but its text reads “rice now costs 8,000 won per kilogram” there/));
  it('a text changed after export', () =>
    refused((s) => {
      const r = s.reports[0] as ClaimSet['reports'][number];
      r.text = (r.text as string).replace('6,000', '7,000');
      return s;
    }, /does not match its sha256/));
});
