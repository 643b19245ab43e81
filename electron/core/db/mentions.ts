// Source mentions of report texts (migration 007, shared/attribution.ts): read from a text the
// first time its report's mentions are asked for, and stored then (once per text and version of
// the rules); listed per report, and asked which one governs a span of a report's text. Not at
// import: there they cost 14–18 % of its CPU (docs/attribution.md), and an analyst opens a report
// in milliseconds either way.
import { describePassage } from '../../../shared/anchoring.ts';
import type { ReportMention } from '../../../shared/api.ts';
import { findMentions, type Mention, type MentionKind } from '../../../shared/attribution.ts';
import type { Db } from './connection.ts';
import { prepared } from './statements.ts';
import { DeskError } from './errors.ts';

/**
 * The version of the rules in shared/attribution.ts whose mentions a desk stores. Raise it when
 * the rules change what they find: each text is then read again when next asked for.
 */
export const MENTION_RULES = 1;

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
 * the text the row hangs on), as a flat array: objects with their keys and contexts spelled out
 * cost more to write than finding the mentions.
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
 * A report's mentions in the order of its text: as stored, or read from the text now (a text not
 * yet read by these rules) and stored for next time. A desk opened read-only, or one older than
 * its mentions, reads them on demand and stores nothing.
 */
export function listMentions(db: Db, reportId: number): ReportMention[] {
  const report = prepared(
    db,
    'SELECT r.sha256, t.body FROM reports r JOIN texts t ON t.sha256 = r.sha256 WHERE r.id = ?',
  ).get(reportId) as { sha256: string; body: string } | undefined;
  if (!report) throw new DeskError('not-found', `report ${reportId} does not exist`);
  const stored = prepared(db, `SELECT 1 FROM sqlite_schema WHERE name = 'text_mentions'`).get();
  if (!stored) return readMentions(report.body);
  const row = prepared(db, 'SELECT rules, mentions FROM text_mentions WHERE sha256 = ?').get(
    report.sha256,
  ) as { rules: number; mentions: string } | undefined;
  if (row?.rules === MENTION_RULES)
    return unpack(report.body, JSON.parse(row.mentions) as Packed[]);
  const found = findMentions(report.body);
  if (!db.readonly) {
    try {
      prepared(
        db,
        `INSERT INTO text_mentions (sha256, rules, mentions) VALUES (?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET rules = excluded.rules, mentions = excluded.mentions`,
      ).run(report.sha256, MENTION_RULES, JSON.stringify(found.map(pack)));
    } catch (error) {
      // Only a cache: a desk another program is writing (or a full disk) keeps them unstored.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !/^SQLITE_(BUSY|LOCKED|READONLY|FULL)/.test(code))
        throw error;
    }
  }
  return anchored(report.body, found);
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
