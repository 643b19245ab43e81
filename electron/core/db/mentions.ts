// Source mentions of report texts (migration 007, shared/attribution.ts): read once per text at
// import, or for texts already in a desk by backfillMentions when it is opened for writing;
// listed per report, and asked which one governs a span of a report's text.
import { describePassage } from '../../../shared/anchoring.ts';
import type { ReportMention } from '../../../shared/api.ts';
import { findMentions, type Mention, type MentionKind } from '../../../shared/attribution.ts';
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

/** A report's mentions as the contract gives them: each anchored in the text like a passage. */
function anchored(text: string, mentions: readonly Mention[]): ReportMention[] {
  return mentions.map((m, ordinal) => {
    const { exact, prefix, suffix } = describePassage(text, m.start, m.end);
    return {
      ordinal,
      start: m.start,
      end: m.end,
      exact,
      prefix,
      suffix,
      ...m.descriptor,
      anaphor: m.anaphor,
      refersTo: m.refersTo,
      governs: m.governs,
    };
  });
}

/** The mentions of a text. */
export function readMentions(text: string): ReportMention[] {
  return anchored(text, findMentions(text));
}

/**
 * A stored mention: what the text cannot give back (its phrase, prefix and suffix are cut from
 * the text the row hangs on), as a flat array. Bytes are the cost at import: objects with their
 * keys and contexts spelled out made the mentions a quarter of the import's time.
 */
type Packed = [
  start: number,
  end: number,
  kind: MentionKind,
  role: string | null,
  outlet: string | null,
  name: string | null,
  place: string | null,
  time: string | null,
  anaphor: Mention['anaphor'],
  refersTo: number | null,
  governs: number[],
];

const pack = (m: Mention): Packed => [
  m.start,
  m.end,
  m.descriptor.kind,
  m.descriptor.role,
  m.descriptor.outlet,
  m.descriptor.name,
  m.descriptor.place,
  m.descriptor.time,
  m.anaphor,
  m.refersTo,
  m.governs.flatMap((g) => [g.start, g.end]),
];

function unpack(text: string, packed: Packed[]): ReportMention[] {
  const mentions = packed.map(
    ([start, end, kind, role, outlet, name, place, time, anaphor, refersTo, governs]): Mention => {
      const spans: Mention['governs'] = [];
      for (let i = 0; i + 1 < governs.length; i += 2)
        spans.push({ start: governs[i] as number, end: governs[i + 1] as number });
      return {
        start,
        end,
        exact: text.slice(start, end),
        descriptor: { kind, role, outlet, name, place, time },
        anaphor,
        refersTo,
        governs: spans,
      };
    },
  );
  return anchored(text, mentions);
}

/**
 * Reads and stores the mentions of texts not yet read by these rules (others are left as they
 * are), in one transaction. Returns how many texts were read.
 */
export function storeMentions(db: Db, texts: readonly { sha256: string; text: string }[]): number {
  const rulesOf = db.prepare('SELECT rules FROM text_mentions WHERE sha256 = ?').pluck();
  const store = db.prepare(
    `INSERT INTO text_mentions (sha256, rules, mentions) VALUES (?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET rules = excluded.rules, mentions = excluded.mentions`,
  );
  let read = 0;
  db.transaction(() => {
    const seen = new Set<string>();
    for (const { sha256, text } of texts) {
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      if (rulesOf.get(sha256) === MENTION_RULES) continue;
      store.run(sha256, MENTION_RULES, JSON.stringify(findMentions(text).map(pack)));
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
         LEFT JOIN text_mentions m ON m.sha256 = r.sha256
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
  const text = getReportText(db, reportId);
  if (text === undefined) throw new DeskError('not-found', `report ${reportId} does not exist`);
  // A desk older than its mentions, opened read-only (so not upgraded): read them on demand.
  const stored = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'text_mentions'`).get();
  const row = stored
    ? (db
        .prepare(
          `SELECT m.rules AS rules, m.mentions AS mentions
             FROM reports r JOIN text_mentions m ON m.sha256 = r.sha256 WHERE r.id = ?`,
        )
        .get(reportId) as { rules: number; mentions: string } | undefined)
    : undefined;
  if (row?.rules === MENTION_RULES) return unpack(text, JSON.parse(row.mentions) as Packed[]);
  return readMentions(text);
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
