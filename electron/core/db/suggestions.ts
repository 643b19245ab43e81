// Suggested attribution: the source a passage's words come from, read off the mention that governs
// them (db/mentions.ts, shared/attribution.ts), and mentions in other reports of the same outlet
// that may be the same source. A suggestion changes nothing (accepting one attributes the passage
// as choosing the source by hand would); the reviewer's "keep apart" decisions are kept here too.
import type { ReportMention } from '../../../shared/api/mentions.ts';
import type { AttributionSuggestion } from '../../../shared/api/attribution.ts';
import type { Passage } from '../../../shared/api/passages.ts';
import { compatibleMentions, type MentionDescriptor } from '../../../shared/attribution.ts';
import type { Db } from './connection.ts';
import { canonicalOutlet, outletKey } from '../import/outlets.ts';
import { appendAudit, reviewerName } from './audit.ts';
import { prepared } from './statements.ts';
import { DeskError } from './errors.ts';
import { governingMention, listMentions } from './mentions.ts';
import { getPassage, listPassages } from './passages.ts';

/** Other reports of the outlet searched for the same source: the latest the analyst worked on. */
const MAX_OTHER_REPORTS = 50;

const NONE: AttributionSuggestion = {
  mention: null,
  from: null,
  source: null,
  newName: null,
  newOutletId: null,
  unknownOutlet: null,
  alike: [],
};

export function suggestAttribution(db: Db, passageId: number): AttributionSuggestion {
  const passage = getPassage(db, passageId);
  const found = governingOf(db, passage);
  if (!found) return NONE;
  const { mentions, governing, root } = found;
  const report = reportOf(db, passage.reportId);
  const descriptor = descriptorOf(root);
  const mention = {
    mention: {
      ordinal: governing.ordinal,
      start: governing.start,
      end: governing.end,
      exact: governing.exact,
    },
    from: root.ordinal === governing.ordinal ? null : { ordinal: root.ordinal, exact: root.exact },
  };
  // The outlet the mention names ("according to ASIAPRESS", "an ASIAPRESS reporting partner"),
  // else the report's own: a source is placed in the outlet it speaks for, never in the relayer.
  const named = descriptor.outlet;
  const outlet =
    named === null || (report.outlet !== null && outletKey(named) === outletKey(report.outlet))
      ? { id: report.outletId, name: report.outlet, own: true }
      : { ...outletNamed(db, named), own: false };
  if (outlet.id === null)
    return { ...NONE, ...mention, unknownOutlet: outlet.own ? null : outlet.name };
  const ownVoice = descriptor.role === null && descriptor.name === null;
  if (ownVoice)
    // The report's own outlet is the passage's default (no source); another outlet, its voice.
    return { ...NONE, ...mention, source: outlet.own ? null : outletVoice(db, outlet.id) };
  const source =
    sourceOfMention(db, passage.reportId, mentions, root.ordinal) ??
    sourceNamed(db, outlet.id, nameFor(descriptor));
  const alike: AttributionSuggestion['alike'] = [];
  const others = prepared(
    db,
    `SELECT r.id, r.title, r.sha256, o.name AS outlet FROM reports r JOIN outlets o ON o.id = r.outlet_id
       WHERE r.id IN (SELECT DISTINCT p.report_id FROM passages p
                      JOIN reports w ON w.id = p.report_id
                      WHERE w.outlet_id = ? AND p.report_id != ?
                      ORDER BY p.report_id DESC LIMIT ?)
       ORDER BY r.id DESC`,
  ).all(outlet.id, passage.reportId, MAX_OTHER_REPORTS) as {
    id: number;
    title: string;
    sha256: string;
    outlet: string;
  }[];
  const mine = { sha256: report.sha256, ordinal: root.ordinal };
  for (const other of others) {
    const theirs = listMentions(db, other.id);
    // One offer a report: its first root mention that may be the same source.
    for (const m of theirs) {
      if (m.refersTo !== null) continue;
      const d = descriptorOf(m);
      if (d.role === null && d.name === null) continue;
      if (
        !compatibleMentions(
          { descriptor },
          { descriptor: d },
          { a: outlet.name, b: other.outlet },
        ) ||
        keptApart(db, mine, { sha256: other.sha256, ordinal: m.ordinal })
      )
        continue;
      const theirSource =
        sourceOfMention(db, other.id, theirs, m.ordinal) ?? sourceNamed(db, outlet.id, nameFor(d));
      // Already one source: nothing to decide.
      if (!(source && theirSource && theirSource.id === source.id))
        alike.push({
          reportId: other.id,
          ordinal: m.ordinal,
          title: other.title,
          exact: m.exact,
          source: theirSource,
          newName: theirSource ? null : nameFor(d),
        });
      break;
    }
  }
  return {
    ...NONE,
    ...mention,
    source,
    newName: source ? null : nameFor(descriptor),
    newOutletId: source ? null : outlet.id,
    alike,
  };
}

/** The outlet of this name in the desk (by its key: "DailyNK" is "Daily NK"), if any report has it. */
function outletNamed(db: Db, name: string): { id: number | null; name: string } {
  const row = prepared(db, 'SELECT id, name FROM outlets WHERE name_key = ?').get(
    outletKey(canonicalOutlet(name)),
  ) as { id: number; name: string } | undefined;
  return row ?? { id: null, name };
}

/** The source that stands for an outlet's own voice. */
function outletVoice(db: Db, outletId: number): { id: number; name: string } | null {
  return (
    (prepared(db, `SELECT id, name FROM sources WHERE outlet_id = ? AND kind = 'outlet'`).get(
      outletId,
    ) as { id: number; name: string } | undefined) ?? null
  );
}

function reportOf(
  db: Db,
  id: number,
): { outletId: number | null; outlet: string | null; sha256: string } {
  const row = prepared(
    db,
    `SELECT r.outlet_id AS outletId, o.name AS outlet, r.sha256
       FROM reports r LEFT JOIN outlets o ON o.id = r.outlet_id WHERE r.id = ?`,
  ).get(id) as { outletId: number | null; outlet: string | null; sha256: string } | undefined;
  if (!row) throw new DeskError('not-found', `report ${id} does not exist`);
  return row;
}

/**
 * The mention governing a passage's words, and the one it resolves to (through back-references),
 * with its report's mentions; null when none governs them, or the passage is orphaned (its offsets
 * point into an earlier text: today's mentions say nothing of it).
 */
function governingOf(
  db: Db,
  passage: Passage,
): { mentions: ReportMention[]; governing: ReportMention; root: ReportMention } | null {
  if (passage.status !== 'anchored') return null;
  const mentions = listMentions(db, passage.reportId);
  const governing = governingMention(mentions, passage.start, passage.end);
  return governing ? { mentions, governing, root: rootOf(mentions, governing) } : null;
}

/** The mention a back-reference ("the source said") resolves to, through every step back. */
function rootOf(mentions: readonly ReportMention[], mention: ReportMention): ReportMention {
  let at = mention;
  for (let steps = 0; at.refersTo !== null && steps < mentions.length; steps++)
    at = mentions[at.refersTo] ?? at;
  return at;
}

/** What a mention says of its source (a root mention: it refers back to none). */
function descriptorOf(m: ReportMention): MentionDescriptor {
  return {
    role: m.role,
    outlet: m.outlet,
    name: m.name,
    place: m.place,
    time: m.time,
    kind: m.kind,
  };
}

/** The name a new source takes from a mention: "Reporting partner A in Ryanggang Province". */
export function nameFor(d: Pick<MentionDescriptor, 'role' | 'name' | 'place'>): string {
  const who = d.name ?? d.role ?? 'Source';
  const named = who.charAt(0).toUpperCase() + who.slice(1);
  return d.place ? `${named} in ${d.place}` : named;
}

/**
 * The named source the analyst gave the passages this mention governs in this report (through
 * back-references too, the passage asked about included): the one most of them have. Null when
 * none is attributed to one.
 */
function sourceOfMention(
  db: Db,
  reportId: number,
  mentions: readonly ReportMention[],
  rootOrdinal: number,
): { id: number; name: string } | null {
  const counts = new Map<number, number>();
  for (const p of listPassages(db, reportId)) {
    if (p.sourceId === null || p.status !== 'anchored') continue;
    const g = governingMention(mentions, p.start, p.end);
    if (g && rootOf(mentions, g).ordinal === rootOrdinal)
      counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  return prepared(db, `SELECT id, name FROM sources WHERE id = ? AND kind = 'named'`).get(
    best[0],
  ) as { id: number; name: string } | null;
}

/** The outlet's named source of this name (any case), if the analyst made it already. */
function sourceNamed(
  db: Db,
  outletId: number | null,
  name: string,
): { id: number; name: string } | null {
  if (outletId === null) return null;
  return (
    (prepared(
      db,
      `SELECT id, name FROM sources WHERE outlet_id = ? AND kind = 'named' AND name = ? COLLATE NOCASE`,
    ).get(outletId, name) as { id: number; name: string } | undefined) ?? null
  );
}

/** A mention in the desk: its text and its place in that text's list. */
interface MentionKey {
  sha256: string;
  ordinal: number;
}

/** The pair as stored: the smaller (sha256, ordinal) first. */
function ordered(a: MentionKey, b: MentionKey): [MentionKey, MentionKey] {
  return a.sha256 < b.sha256 || (a.sha256 === b.sha256 && a.ordinal < b.ordinal) ? [a, b] : [b, a];
}

function keptApart(db: Db, a: MentionKey, b: MentionKey): boolean {
  const [x, y] = ordered(a, b);
  return (
    prepared(
      db,
      `SELECT 1 FROM mentions_apart
         WHERE sha256_a = ? AND ordinal_a = ? AND sha256_b = ? AND ordinal_b = ?`,
    ).get(x.sha256, x.ordinal, y.sha256, y.ordinal) !== undefined
  );
}

/**
 * Records the reviewer's decision that the mention governing a passage and a mention of another
 * report are not the same source; returns the pair, for undo (`forgetApart`).
 */
export function keepApart(
  db: Db,
  input: { passageId: number; reportId: number; ordinal: number },
): [MentionKey, MentionKey] {
  return db.transaction(() => {
    const passage = getPassage(db, input.passageId);
    const root = governingOf(db, passage)?.root;
    if (!root)
      throw new DeskError('conflict', `no mention of its report governs passage ${passage.id}`);
    const theirs = listMentions(db, input.reportId)[input.ordinal];
    if (!theirs)
      throw new DeskError(
        'not-found',
        `report ${input.reportId} has no mention ${input.ordinal} (its mentions: source-desk mentions ${input.reportId})`,
      );
    const pair = ordered(
      { sha256: reportOf(db, passage.reportId).sha256, ordinal: root.ordinal },
      { sha256: reportOf(db, input.reportId).sha256, ordinal: input.ordinal },
    );
    prepared(
      db,
      `INSERT OR IGNORE INTO mentions_apart
         (sha256_a, ordinal_a, sha256_b, ordinal_b, reviewer, decided_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      pair[0].sha256,
      pair[0].ordinal,
      pair[1].sha256,
      pair[1].ordinal,
      reviewerName(db),
      new Date().toISOString(),
    );
    appendAudit(db, {
      action: 'mention.apart',
      entity: 'passage',
      entityId: passage.id,
      after: { mention: root.exact, apart: theirs.exact, report: input.reportId },
    });
    return pair;
  })();
}

/** Takes back a keep-apart decision (undo): the pair is offered again. */
export function forgetApart(db: Db, [a, b]: [MentionKey, MentionKey]): void {
  prepared(
    db,
    `DELETE FROM mentions_apart
     WHERE sha256_a = ? AND ordinal_a = ? AND sha256_b = ? AND ordinal_b = ?`,
  ).run(a.sha256, a.ordinal, b.sha256, b.ordinal);
}
