// Source mentions of report texts (migration 007, shared/attribution.ts): read once per text at
// import, or for texts already in a desk by backfillMentions when it is opened for writing;
// listed per report, and asked which one governs a span of a report's text.
import { describePassage } from '../../../shared/anchoring.ts';
import type { ReportMention } from '../../../shared/api.ts';
import { findMentions, type MentionDescriptor } from '../../../shared/attribution.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { getReportText } from './reports.ts';

/**
 * The version of the rules in shared/attribution.ts whose mentions a desk stores. Raise it when
 * the rules change what they find: every text is then read again at the next open.
 */
export const MENTION_RULES = 1;

/** Texts read per transaction while backfilling: a commit amortised, the lock held briefly. */
const BACKFILL_BATCH = 500;

/** A mention of a report's text, anchored like a passage (the contract's shape). */
export type { ReportMention };

interface DbMention {
  ordinal: number;
  position_start: number;
  position_end: number;
  exact: string;
  prefix: string;
  suffix: string;
  role: string | null;
  outlet: string | null;
  name: string | null;
  place: string | null;
  time: string | null;
  kind: MentionDescriptor['kind'];
  anaphor: 'definite' | 'pronoun' | null;
  refers_to: number | null;
  governs: string;
}

/** The mentions of a text, as stored. */
export function readMentions(text: string): ReportMention[] {
  return findMentions(text).map((m, ordinal) => {
    const { prefix, suffix } = describePassage(text, m.start, m.end);
    return {
      ordinal,
      start: m.start,
      end: m.end,
      exact: m.exact,
      prefix,
      suffix,
      ...m.descriptor,
      anaphor: m.anaphor,
      refersTo: m.refersTo,
      governs: m.governs,
    };
  });
}

function toMention(row: DbMention): ReportMention {
  return {
    ordinal: row.ordinal,
    start: row.position_start,
    end: row.position_end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    role: row.role,
    outlet: row.outlet,
    name: row.name,
    place: row.place,
    time: row.time,
    kind: row.kind,
    anaphor: row.anaphor,
    refersTo: row.refers_to,
    governs: (JSON.parse(row.governs) as [number, number][]).map(([start, end]) => ({
      start,
      end,
    })),
  };
}

/**
 * Reads and stores the mentions of texts not yet read by these rules (others are left as they
 * are), in one transaction. Returns how many texts were read.
 */
export function storeMentions(db: Db, texts: readonly { sha256: string; text: string }[]): number {
  const rulesOf = db.prepare('SELECT rules FROM mention_texts WHERE sha256 = ?').pluck();
  const forget = db.prepare('DELETE FROM mention_texts WHERE sha256 = ?');
  const mark = db.prepare('INSERT INTO mention_texts (sha256, rules) VALUES (?, ?)');
  const insert = db.prepare(
    `INSERT INTO mentions (sha256, ordinal, position_start, position_end, exact, prefix, suffix,
       role, outlet, name, place, time, kind, anaphor, refers_to, governs)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let read = 0;
  db.transaction(() => {
    const seen = new Set<string>();
    for (const { sha256, text } of texts) {
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const rules = rulesOf.get(sha256) as number | undefined;
      if (rules === MENTION_RULES) continue;
      // Mentions of older rules go with their mark (ON DELETE CASCADE).
      if (rules !== undefined) forget.run(sha256);
      mark.run(sha256, MENTION_RULES);
      for (const m of readMentions(text))
        insert.run(
          sha256,
          m.ordinal,
          m.start,
          m.end,
          m.exact,
          m.prefix,
          m.suffix,
          m.role,
          m.outlet,
          m.name,
          m.place,
          m.time,
          m.kind,
          m.anaphor,
          m.refersTo,
          JSON.stringify(m.governs.map((s) => [s.start, s.end])),
        );
      read++;
    }
  })();
  return read;
}

/**
 * Reads the mentions of every report text the desk holds that these rules have not read: once
 * for a desk made before mentions were stored, again after MENTION_RULES is raised. A handful of
 * milliseconds when there is nothing to read. Returns how many texts were read.
 */
export function backfillMentions(db: Db): number {
  // The texts to read first, without their bodies: when there are none (every open but the
  // first), this reads no text at all.
  const unread = db
    .prepare(
      `SELECT DISTINCT r.sha256 FROM reports r
         LEFT JOIN mention_texts m ON m.sha256 = r.sha256
        WHERE m.sha256 IS NULL OR m.rules <> ?
        LIMIT ?`,
    )
    .pluck();
  const body = db.prepare('SELECT body FROM texts WHERE sha256 = ?').pluck();
  let read = 0;
  for (;;) {
    const batch = unread.all(MENTION_RULES, BACKFILL_BATCH) as string[];
    if (batch.length === 0) return read;
    read += storeMentions(
      db,
      batch.map((sha256) => ({ sha256, text: body.get(sha256) as string })),
    );
  }
}

/**
 * A report's mentions in the order of its text. A text not yet read by these rules (a desk
 * opened read-only before its upgrade or backfill) is read now and not stored.
 */
export function listMentions(db: Db, reportId: number): ReportMention[] {
  // A desk older than its mentions, opened read-only (so not upgraded): read them on demand.
  const stored = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'mention_texts'`).get();
  if (!stored) {
    const text = getReportText(db, reportId);
    if (text === undefined) throw new DeskError('not-found', `report ${reportId} does not exist`);
    return readMentions(text);
  }
  const row = db
    .prepare(
      `SELECT r.sha256 AS sha256, m.rules AS rules
         FROM reports r LEFT JOIN mention_texts m ON m.sha256 = r.sha256 WHERE r.id = ?`,
    )
    .get(reportId) as { sha256: string; rules: number | null } | undefined;
  if (!row) throw new DeskError('not-found', `report ${reportId} does not exist`);
  if (row.rules !== MENTION_RULES) return readMentions(getReportText(db, reportId) ?? '');
  return (
    db
      .prepare('SELECT * FROM mentions WHERE sha256 = ? ORDER BY ordinal')
      .all(row.sha256) as DbMention[]
  ).map(toMention);
}

/**
 * The mention that governs text [start, end) of a report: of those whose governed text holds
 * it whole, the one governing the least text (a nested speaker before the speaker around it),
 * and of equals the later; else the one whose governed text overlaps it most. Null when none
 * governs any of it.
 */
export function governingMention(
  mentions: readonly ReportMention[],
  start: number,
  end: number,
): ReportMention | null {
  let best: ReportMention | null = null;
  let bestHolds = false;
  let bestScore = 0;
  for (const m of mentions) {
    for (const s of m.governs) {
      const holds = s.start <= start && end <= s.end;
      const overlap = Math.min(end, s.end) - Math.max(start, s.start);
      if (overlap <= 0) continue;
      // Holding beats overlapping; among holders the shortest span, among overlaps the largest.
      const score = holds ? -(s.end - s.start) : overlap;
      const better =
        best === null ||
        (holds && !bestHolds) ||
        (holds === bestHolds &&
          (score > bestScore || (score === bestScore && m.start > best.start)));
      if (better) {
        best = m;
        bestHolds = holds;
        bestScore = score;
      }
    }
  }
  return best;
}
