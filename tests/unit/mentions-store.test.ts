// Source mentions in the desk: read from a report's text when first asked for and stored then
// (read-only desks read them on demand), listed per report, and which one governs a passage.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../electron/core/db/connection.ts';
import {
  governingMention,
  listMentions,
  MENTION_RULES,
  readMentions,
  type ReportMention,
} from '../../electron/core/db/mentions.ts';
import { listReports } from '../../electron/core/db/reports.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import {
  tempDesk,
  tempDir,
  UNDO_CLAIM_SETS,
  UNDO_OCR,
  UNDO_ORIGINALS,
  UNDO_SUGGESTIONS,
} from './helpers.ts';

const count = (db: Database.Database, table: string): number =>
  db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function reportId(db: Database.Database, name: string): number {
  const report = listReports(db).find((r) => r.originalName.startsWith(name));
  if (!report) throw new Error(`no report ${name}`);
  return report.id;
}

/** The report text's words, and the mention governing them. */
function governing(db: Database.Database, id: number, words: string): ReportMention | null {
  const text = db
    .prepare('SELECT t.body FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?')
    .pluck()
    .get(id) as string;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in report ${id}: ${words}`);
  return governingMention(listMentions(db, id), start, start + words.length);
}

describe('mentions in the desk', () => {
  it('are read when first asked for and stored then, not at import; anchored like passages', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    expect(count(db, 'text_mentions')).toBe(0);
    const partners = listMentions(db, reportId(db, '001'));
    expect(count(db, 'text_mentions')).toBe(1);
    for (const report of listReports(db)) listMentions(db, report.id);
    const stored = db.prepare('SELECT sum(json_array_length(mentions)) FROM text_mentions');
    expect(stored.pluck().get()).toBe(15);
    const a = partners[0];
    expect(a).toMatchObject({
      ordinal: 0,
      exact: 'Reporting partner A in Ryanggang Province reported the following in mid-November:',
      role: 'reporting partner A',
      place: 'Ryanggang Province',
      time: 'mid-November',
      kind: 'reported',
      anaphor: null,
      refersTo: null,
    });
    expect(a?.prefix.endsWith('ability to pay.\n')).toBe(true);
    expect(a?.suffix.startsWith('\n"Quick-thinking')).toBe(true);
    expect(partners[1]).toMatchObject({ exact: 'The reporting partner said', refersTo: 0 });
  });

  it('read back from storage exactly as read from the text', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    for (const report of listReports(db)) listMentions(db, report.id);
    expect(count(db, 'text_mentions')).toBe(3);
    for (const report of listReports(db)) {
      const text = db
        .prepare('SELECT t.body FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?')
        .pluck()
        .get(report.id) as string;
      expect(listMentions(db, report.id)).toEqual(readMentions(text));
    }
  });

  it('say which mention governs a passage: the pooled-money quotes of 001 and 002', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    const in002 = governing(db, reportId(db, '002'), 'Groups of 3-5 people pool money');
    expect(in002?.exact).toBe(
      'According to an ASIAPRESS reporting partner in Ryanggang Province in mid-November:',
    );
    const in001 = governing(db, reportId(db, '001'), 'pool money and have 3-5 people buy one car');
    expect(in001).toMatchObject({ exact: 'The reporting partner said', refersTo: 0 });
    // Text no mention governs.
    expect(governing(db, reportId(db, '002'), 'Why is the North Korean regime')).toBeNull();
  });

  it('prefer the innermost of nested speakers, and the largest overlap otherwise', () => {
    const span = (start: number, end: number) => ({ start, end });
    const m = (ordinal: number, start: number, governs: { start: number; end: number }[]) =>
      ({ ordinal, start, governs }) as unknown as ReportMention;
    const outer = m(0, 0, [span(0, 100)]);
    const inner = m(1, 20, [span(40, 100)]);
    expect(governingMention([outer, inner], 50, 60)).toBe(inner);
    expect(governingMention([outer, inner], 10, 30)).toBe(outer);
    expect(governingMention([outer, inner], 90, 150)).toBe(inner);
    expect(governingMention([outer, inner], 200, 210)).toBeNull();
  });

  it('are read for reports of a desk made before them: on demand read-only, stored once writable', async () => {
    const dir = tempDir();
    const file = join(dir, 'desk.sqlite');
    {
      const { db } = tempDesk();
      await loadDemoCase(db);
      // The same desk as schema 6 left it: no mentions.
      db.exec('DELETE FROM text_mentions');
      db.exec(`VACUUM INTO '${file}'`);
    }
    const old = new Database(file);
    old.exec(
      `${UNDO_OCR} ${UNDO_ORIGINALS} ${UNDO_SUGGESTIONS} ${UNDO_CLAIM_SETS} DROP TABLE mentions_apart; DROP TABLE text_mentions; PRAGMA user_version = 6;`,
    );
    old.close();
    // Read-only: read on demand, nothing stored.
    const readonly = openDesk(file, { readonly: true }).db;
    expect(() => readonly.prepare('SELECT 1 FROM text_mentions').get()).toThrow(/no such table/);
    expect(listMentions(readonly, reportId(readonly, '000'))[0]?.exact).toBe(
      'a Daily NK source in Ryanggang province said',
    );
    expect(() => listMentions(readonly, 99)).toThrow('report 99 does not exist');
    readonly.close();
    const { db } = openDesk(file);
    expect(count(db, 'text_mentions')).toBe(0);
    expect(listMentions(db, reportId(db, '000'))[0]?.exact).toBe(
      'a Daily NK source in Ryanggang province said',
    );
    expect(count(db, 'text_mentions')).toBe(1);
    db.close();
  });

  it('are read again when the rules change, and on demand where not stored', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    const id = reportId(db, '000');
    listMentions(db, id);
    db.prepare(`UPDATE text_mentions SET rules = ?, mentions = '[]'`).run(MENTION_RULES - 1);
    // Stored by older rules: read from the text again, the same list, and stored by these.
    expect(listMentions(db, id).map((m) => m.exact)).toHaveLength(6);
    expect(db.prepare('SELECT DISTINCT rules FROM text_mentions').pluck().all()).toEqual([
      MENTION_RULES,
    ]);
    expect(listMentions(db, id).map((m) => m.exact)).toHaveLength(6);
  });

  it('name the report asked for when it does not exist', () => {
    const { db } = tempDesk();
    expect(() => listMentions(db, 99)).toThrow('report 99 does not exist');
  });

  it('go with their text', async () => {
    const { db } = tempDesk();
    await loadDemoCase(db);
    for (const report of listReports(db)) listMentions(db, report.id);
    expect(count(db, 'text_mentions')).toBe(3);
    db.pragma('foreign_keys = ON');
    db.exec('DELETE FROM reports; DELETE FROM report_versions; DELETE FROM texts');
    expect(count(db, 'text_mentions')).toBe(0);
  });
});
