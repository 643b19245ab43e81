// Passages that come from a claim set: placed in the desk's text of their report, and the ones
// whose report is not in the desk yet, kept until it arrives (a report imported later with that
// text places them). Used by the merge (merge/index.ts) and by every import (reports.ts).
import { anchorPassage, describePassage, splitsSurrogatePair } from '../../../shared/anchoring.ts';
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
 * Places `passage` in its report's text as the desk holds it (`reportSha`, `reportText`).
 * `targetText` is the text the set's selectors were made on, when known (the set carried it, or
 * the desk holds it); the caller has checked the quote stands there. An orphaned passage keeps the
 * set's selectors, on the text they were made on when the desk holds it.
 */
export function placePassage(
  passage: SetPassage,
  reportSha: string,
  reportText: string,
  targetText: string | undefined,
  targetHeld: boolean,
): Placement {
  const [quote, position] = passage.target.selector;
  const targetSha = shaOfUrn(passage.target.source);
  const { exact, prefix, suffix } = quote;
  const guide = targetText ?? reportText;
  // Code points to code units in the text the offsets count in; past its end, a rough position.
  let start: number;
  let end: number;
  try {
    [start, end] = convertOffsets(guide, [position.start, position.end], 'units') as [
      number,
      number,
    ];
  } catch {
    start = Math.min(position.start, guide.length);
    end = start + exact.length;
  }
  if (targetText !== undefined && targetSha === reportSha)
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
  const anchor = anchorPassage(reportText, { start, end, exact, prefix, suffix }, guide.length);
  if (anchor) {
    const selector = describePassage(reportText, anchor.start, anchor.end);
    return { sha256: reportSha, ...selector, status: 'anchored', how: 'reanchored' };
  }
  if (targetText !== undefined && targetHeld)
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
  // Neither placed nor its own text at hand: kept on the report's text at a valid rough place, for
  // the reviewer to find by its quote.
  let from = Math.max(0, Math.min(start, reportText.length - 1));
  if (splitsSurrogatePair(reportText, from)) from--;
  let to = Math.max(from + 1, Math.min(from + exact.length, reportText.length));
  if (splitsSurrogatePair(reportText, to)) to++;
  return {
    sha256: reportSha,
    start: from,
    end: to,
    exact,
    prefix,
    suffix,
    status: 'orphaned',
    how: 'orphaned',
  };
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

/** A passage kept for its report, with its evidence: the claims named by the set's UUID. */
export interface PendingPassage {
  passage: SetPassage;
  evidence: SetEvidence[];
}

/**
 * Places the passages waiting for a report with text `sha256`, which report `reportId` now holds;
 * a link whose claim no longer exists is dropped with the claim, and a passage or link already in
 * the desk (a later merge brought it) is not written twice. Call in the transaction that stored the
 * report. Returns how many were waiting.
 */
export function placePendingPassages(
  db: Db,
  reportId: number,
  sha256: string,
  text: string,
): number {
  const waiting = prepared(
    db,
    'SELECT uuid, passage, evidence FROM pending_passages WHERE report_sha256 = ?',
  ).all(sha256) as { uuid: string; passage: string; evidence: string }[];
  for (const row of waiting) {
    prepared(db, 'DELETE FROM pending_passages WHERE uuid = ?').run(row.uuid);
    // Already here: a later merge brought it with its report.
    if (prepared(db, 'SELECT 1 FROM passages WHERE uuid = ?').get(row.uuid)) continue;
    const passage = JSON.parse(row.passage) as SetPassage;
    const targetSha = shaOfUrn(passage.target.source);
    const targetText =
      targetSha === sha256
        ? text
        : (prepared(db, 'SELECT body FROM texts WHERE sha256 = ?').pluck().get(targetSha) as
            string | undefined);
    const placed = placePassage(passage, sha256, text, targetText, targetText !== undefined);
    const sourceId = passage.source
      ? ((localId(db, 'sources', passage.source) as number | undefined) ?? null)
      : null;
    const passageId = insertSetPassage(db, passage, reportId, placed, sourceId);
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
  return waiting.length;
}
