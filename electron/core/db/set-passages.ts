// Passages that come from a claim set: placed in the desk's text of their report, or kept until
// the text they need arrives: their report's (the desk does not hold the report), or the very text
// they were made on (their quote could not be checked, and is not in the desk's version word for
// word). A passage is never stored where its quote does not stand. Used by the merge
// (merge/index.ts), by every import (reports.ts) and by a report's new version (versions.ts).
import { anchorPassage, describePassage } from '../../../shared/anchoring.ts';
import type { SetEvidence, SetPassage } from '../../../shared/claim-set.ts';
import { shaOfUrn } from '../../../shared/claim-set.ts';
import { convertOffsets } from '../../../shared/code-points.ts';
import type { Db } from './connection.ts';
import { prepared } from './statements.ts';

/** Where a set's passage lands in a report's text, and how it got there. */
export interface Placement {
  sha256: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: 'anchored' | 'orphaned';
  /** 'as-is': at its position in the very text it was made on; 'reanchored': moved onto the desk's text. */
  how: 'as-is' | 'reanchored' | 'orphaned';
}

/**
 * Places `passage` in its report's text as the desk holds it (`reportSha`, `reportText`);
 * `units` is its position in code units of `target`, the text it was made on, when that is at
 * hand (its quote was checked there), else a guess in the report's text. With its own text it
 * lands as it is, re-anchored, or orphaned on that text (the caller stores the text). Without, it
 * lands only where its quote stands word for word; else null: the caller keeps it waiting.
 */
export function placePassage(
  passage: SetPassage,
  units: readonly [number, number],
  reportSha: string,
  reportText: string,
  target: string | undefined,
): Placement | null {
  const [quote] = passage.target.selector;
  const targetSha = shaOfUrn(passage.target.source);
  const { exact, prefix, suffix } = quote;
  const [start, end] = units;
  if (target !== undefined && targetSha === reportSha)
    return {
      sha256: reportSha,
      start,
      end,
      exact,
      prefix,
      suffix,
      status: 'anchored',
      how: 'as-is',
    };
  const anchor = anchorPassage(reportText, { start, end, exact, prefix, suffix }, target?.length);
  // A quote nobody could check is placed only on its own words, never on words like them.
  if (
    anchor &&
    (target !== undefined || anchor.method === 'position' || anchor.method === 'quote')
  ) {
    const selector = describePassage(reportText, anchor.start, anchor.end);
    return { sha256: reportSha, ...selector, status: 'anchored', how: 'reanchored' };
  }
  if (target !== undefined)
    return {
      sha256: targetSha,
      start,
      end,
      exact,
      prefix,
      suffix,
      status: 'orphaned',
      how: 'orphaned',
    };
  return null;
}

/**
 * The code-unit positions of passages in `text`, from their code-point offsets in one pass; a
 * passage whose offsets do not fit it gets a guess (the caller re-anchors by its quote).
 */
export function unitsIn(text: string, passages: readonly SetPassage[]): [number, number][] {
  const offsets = passages.flatMap((p) => [p.target.selector[1].start, p.target.selector[1].end]);
  try {
    const units = convertOffsets(text, offsets, 'units');
    return passages.map((_, i) => [units[2 * i] as number, units[2 * i + 1] as number]);
  } catch {
    return passages.map((p) => {
      const [quote, position] = p.target.selector;
      try {
        return convertOffsets(text, [position.start, position.end], 'units') as [number, number];
      } catch {
        const start = Math.min(position.start, text.length);
        return [start, start + quote.exact.length];
      }
    });
  }
}

/** Writes a set's passage as placed, under the set's UUID and times; returns its id. */
export function insertSetPassage(
  db: Db,
  passage: SetPassage,
  reportId: number,
  placed: Placement,
  sourceId: number | null,
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO passages (uuid, report_id, sha256, position_start, position_end, exact, prefix,
                             suffix, note, source_id, anchor_status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      passage.id,
      reportId,
      placed.sha256,
      placed.start,
      placed.end,
      placed.exact,
      placed.prefix,
      placed.suffix,
      passage.note,
      sourceId,
      placed.status,
      passage.createdAt,
      passage.updatedAt,
    ).lastInsertRowid,
  );
}

/** Writes a set's evidence link under its UUID; returns its id. */
export function insertSetEvidence(
  db: Db,
  evidence: SetEvidence,
  claimId: number,
  passageId: number,
): number {
  return Number(
    prepared(
      db,
      `INSERT INTO evidence (uuid, claim_id, passage_id, stance, credibility, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      evidence.id,
      claimId,
      passageId,
      evidence.stance,
      evidence.credibility,
      evidence.note,
      evidence.createdAt,
    ).lastInsertRowid,
  );
}

/** The desk's row for a set's UUID: the item itself, or the local one it was merged into. */
function localId(db: Db, table: 'claims' | 'sources', uuid: string): number | undefined {
  return prepared(
    db,
    `SELECT id FROM ${table} WHERE uuid = coalesce((SELECT local_uuid FROM provenance WHERE uuid = ?), ?)`,
  )
    .pluck()
    .get(uuid, uuid) as number | undefined;
}

/** A passage kept for the text it needs, with its evidence: the claims named by the set's UUID. */
export interface PendingPassage {
  passage: SetPassage;
  evidence: SetEvidence[];
}

/** What a waiting passage waits for: its report, or the text it was made on. */
export type WaitingFor = 'report' | 'text';

/** The desk's report holding `sha256` now or in an earlier version, with its current text. */
export function reportHolding(
  db: Db,
  sha256: string,
): { id: number; sha256: string; title: string } | undefined {
  return prepared(
    db,
    `SELECT r.id, r.sha256, r.title FROM report_versions v JOIN reports r ON r.id = v.report_id
     WHERE v.sha256 = ? ORDER BY v.version DESC LIMIT 1`,
  ).get(sha256) as { id: number; sha256: string; title: string } | undefined;
}

/**
 * Places the passages waiting for the text `sha256` (`text`), which the desk now holds: as a
 * report's (a new report, or a new version) or as a set's. A link whose claim no longer exists is
 * dropped with the claim, and a passage or link already in the desk (a later merge brought it) is
 * not written twice. One that still cannot be placed waits on, for the text it was made on. Call
 * in the transaction that stored the text. Returns how many rows changed.
 */
export function placePendingPassages(db: Db, sha256: string, text: string): number {
  const waiting = prepared(
    db,
    'SELECT uuid, passage, evidence FROM pending_passages WHERE report_sha256 = ?',
  ).all(sha256) as { uuid: string; passage: string; evidence: string }[];
  const readText = prepared(db, 'SELECT body FROM texts WHERE sha256 = ?').pluck();
  let changed = 0;
  for (const row of waiting) {
    const passage = JSON.parse(row.passage) as SetPassage;
    if (prepared(db, 'SELECT 1 FROM passages WHERE uuid = ?').get(row.uuid)) {
      // Already here: a later merge brought it.
      changed += prepared(db, 'DELETE FROM pending_passages WHERE uuid = ?').run(row.uuid).changes;
      continue;
    }
    const report = reportHolding(db, shaOfUrn(passage.report));
    if (!report) continue;
    const targetSha = shaOfUrn(passage.target.source);
    const held = targetSha === sha256 ? text : (readText.get(targetSha) as string | undefined);
    const reportText = report.sha256 === sha256 ? text : (readText.get(report.sha256) as string);
    const [units] = unitsIn(held ?? reportText, [passage]);
    const placed = placePassage(
      passage,
      units as [number, number],
      report.sha256,
      reportText,
      held,
    );
    if (!placed) {
      changed += prepared(
        db,
        `UPDATE pending_passages SET report_sha256 = ?, waiting_for = 'text' WHERE uuid = ? AND report_sha256 <> ?`,
      ).run(targetSha, row.uuid, targetSha).changes;
      continue;
    }
    changed += prepared(db, 'DELETE FROM pending_passages WHERE uuid = ?').run(row.uuid).changes;
    const sourceId = passage.source ? (localId(db, 'sources', passage.source) ?? null) : null;
    const passageId = insertSetPassage(db, passage, report.id, placed, sourceId);
    for (const link of JSON.parse(row.evidence) as SetEvidence[]) {
      const claimId = localId(db, 'claims', link.claim);
      const linked =
        claimId !== undefined &&
        prepared(
          db,
          'SELECT 1 FROM evidence WHERE uuid = ? OR (claim_id = ? AND passage_id = ?)',
        ).get(link.id, claimId, passageId) !== undefined;
      if (claimId !== undefined && !linked) insertSetEvidence(db, link, claimId, passageId);
    }
  }
  return changed;
}
