import type { Passage } from '../../../shared/api.ts';
import { describePassage, splitsSurrogatePair } from '../../../shared/anchoring.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import { DeskError } from './errors.ts';
import { getReportText } from './reports.ts';

interface DbPassage {
  id: number;
  report_id: number;
  position_start: number;
  position_end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  anchor_status: 'anchored' | 'orphaned';
  source_id: number | null;
  created_at: string;
  updated_at: string;
}

/** What a passage is evidence for, read with it: its stances (a JSON array) and claims. */
const MARKS = `
  (SELECT json_group_array(DISTINCT e.stance) FROM evidence e WHERE e.passage_id = p.id) AS stances,
  (SELECT count(DISTINCT e.claim_id) FROM evidence e WHERE e.passage_id = p.id) AS claim_count`;

function toPassage(row: DbPassage & { stances: string; claim_count: number }): Passage {
  return {
    id: row.id,
    reportId: row.report_id,
    sourceId: row.source_id,
    start: row.position_start,
    end: row.position_end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    note: row.note,
    status: row.anchor_status,
    stances: (JSON.parse(row.stances) as Passage['stances']).sort(),
    claimCount: row.claim_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listPassages(db: Db, reportId: number): Passage[] {
  return (
    db
      .prepare(
        `SELECT p.*, ${MARKS} FROM passages p
         WHERE p.report_id = ? ORDER BY p.anchor_status, p.position_start, p.id`,
      )
      .all(reportId) as Parameters<typeof toPassage>[0][]
  ).map(toPassage);
}

export function getPassage(db: Db, id: number): Passage {
  const row = db.prepare(`SELECT p.*, ${MARKS} FROM passages p WHERE p.id = ?`).get(id) as
    Parameters<typeof toPassage>[0] | undefined;
  if (!row) throw new DeskError('not-found', `passage ${id} does not exist`);
  return toPassage(row);
}

/**
 * Stores a passage over the report's current text. The UI sends what it believes is selected;
 * if the stored text differs there, the passage is refused rather than anchored to other words.
 */
export function createPassage(
  db: Db,
  input: { reportId: number; start: number; end: number; exact: string; note: string },
): Passage {
  return db.transaction(() => {
    const text = getReportText(db, input.reportId);
    if (text === undefined)
      throw new DeskError('not-found', `report ${input.reportId} does not exist`);
    if (input.end > text.length) {
      throw new DeskError(
        'invalid-input',
        `end: ${input.end} is past the end of the text (${text.length})`,
      );
    }
    for (const [field, offset] of [
      ['start', input.start],
      ['end', input.end],
    ] as const) {
      if (splitsSurrogatePair(text, offset)) {
        throw new DeskError(
          'invalid-input',
          `${field}: ${offset} falls inside a character (between the two halves of an emoji or another character beyond U+FFFF); select whole characters`,
        );
      }
    }
    const selector = describePassage(text, input.start, input.end);
    if (selector.exact !== input.exact) {
      throw new DeskError(
        'conflict',
        'the selected words do not match the report text at that position; reload the report',
      );
    }
    if (selector.exact.trim() === '')
      throw new DeskError('invalid-input', 'a passage needs some text, not only spaces');
    const now = new Date().toISOString();
    const sha = db
      .prepare('SELECT sha256 FROM reports WHERE id = ?')
      .pluck()
      .get(input.reportId) as string;
    const id = Number(
      db
        .prepare(
          `INSERT INTO passages (report_id, sha256, position_start, position_end, exact, prefix, suffix, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.reportId,
          sha,
          selector.start,
          selector.end,
          selector.exact,
          selector.prefix,
          selector.suffix,
          input.note,
          now,
          now,
        ).lastInsertRowid,
    );
    const passage = getPassage(db, id);
    appendAudit(db, { action: 'passage.create', entity: 'passage', entityId: id, after: passage });
    return passage;
  })();
}

export function updatePassageNote(db: Db, id: number, note: string): Passage {
  return db.transaction(() => {
    const before = getPassage(db, id);
    db.prepare('UPDATE passages SET note = ?, updated_at = ? WHERE id = ?').run(
      note,
      new Date().toISOString(),
      id,
    );
    const after = getPassage(db, id);
    appendAudit(db, {
      action: 'passage.update',
      entity: 'passage',
      entityId: id,
      before: { note: before.note },
      after: { note },
    });
    return after;
  })();
}

/** A deleted passage as it was, with the evidence and origin reviews that went with it. */
export interface PassageSnapshot {
  row: DbPassage & { sha256: string };
  evidence: {
    id: number;
    uuid: string;
    claim_id: number;
    stance: string;
    credibility: number;
    note: string;
    created_at: string;
  }[];
  reviews: {
    claim_id: number;
    passage_a: number;
    passage_b: number;
    decision: string;
    reviewer: string;
    decided_at: string;
  }[];
  /** The claims it was evidence for. */
  claims: { id: number; text: string }[];
}

/**
 * Deletes a passage; its evidence links and origin reviews go with it (ON DELETE CASCADE). Each
 * claim that loses it records so in its history, naming the passage. Returns all of it, for undo.
 */
export function deletePassage(db: Db, id: number): PassageSnapshot {
  return db.transaction(() => {
    const before = getPassage(db, id);
    const row = db.prepare('SELECT * FROM passages WHERE id = ?').get(id) as PassageSnapshot['row'];
    const evidence = db
      .prepare(
        'SELECT id, uuid, claim_id, stance, credibility, note, created_at FROM evidence WHERE passage_id = ? ORDER BY id',
      )
      .all(id) as PassageSnapshot['evidence'];
    const reviews = db
      .prepare('SELECT * FROM origin_reviews WHERE passage_a = ? OR passage_b = ?')
      .all(id, id) as PassageSnapshot['reviews'];
    const claims = db
      .prepare(
        'SELECT c.id, c.text FROM claims c WHERE c.id IN (SELECT claim_id FROM evidence WHERE passage_id = ?) ORDER BY c.id',
      )
      .all(id) as PassageSnapshot['claims'];
    db.prepare('DELETE FROM passages WHERE id = ?').run(id);
    const now = new Date().toISOString();
    for (const link of evidence) {
      db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(now, link.claim_id);
      appendAudit(db, {
        action: 'evidence.unlink',
        entity: 'claim',
        entityId: link.claim_id,
        before: {
          evidence: link.id,
          passage: id,
          quote: before.exact,
          stance: link.stance,
          credibility: link.credibility,
          reason: 'passage deleted',
        },
      });
    }
    appendAudit(db, { action: 'passage.delete', entity: 'passage', entityId: id, before });
    return { row, evidence, reviews, claims };
  })();
}

/**
 * Puts a deleted passage back under its own id (ids are never given to another row), with its
 * evidence links, their stance and credibility, and the origin reviews it took with it. A claim
 * deleted since then does not get its link back.
 */
export function restorePassage(db: Db, snapshot: PassageSnapshot): Passage {
  return db.transaction(() => {
    const { row } = snapshot;
    db.prepare(
      `INSERT INTO passages (id, uuid, report_id, sha256, position_start, position_end, exact, prefix, suffix, note, source_id, anchor_status, created_at, updated_at)
       VALUES (@id, @uuid, @report_id, @sha256, @position_start, @position_end, @exact, @prefix, @suffix, @note, @source_id, @anchor_status, @created_at, @updated_at)`,
    ).run(row);
    const passage = getPassage(db, row.id);
    appendAudit(db, {
      action: 'passage.create',
      entity: 'passage',
      entityId: row.id,
      after: { ...passage, reason: 'deletion undone' },
    });
    const claimExists = db.prepare('SELECT 1 FROM claims WHERE id = ?');
    const now = new Date().toISOString();
    for (const link of snapshot.evidence) {
      if (!claimExists.get(link.claim_id)) continue;
      db.prepare(
        `INSERT INTO evidence (id, uuid, claim_id, passage_id, stance, credibility, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        link.id,
        link.uuid,
        link.claim_id,
        row.id,
        link.stance,
        link.credibility,
        link.note,
        link.created_at,
      );
      db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(now, link.claim_id);
      appendAudit(db, {
        action: 'evidence.link',
        entity: 'claim',
        entityId: link.claim_id,
        after: {
          evidence: link.id,
          passage: row.id,
          quote: passage.exact,
          stance: link.stance,
          credibility: link.credibility,
          reason: 'passage deletion undone',
        },
      });
    }
    // A review needs both its passages and its claim still there.
    const insertReview = db.prepare(
      `INSERT OR IGNORE INTO origin_reviews (claim_id, passage_a, passage_b, decision, reviewer, decided_at)
       SELECT @claim_id, @passage_a, @passage_b, @decision, @reviewer, @decided_at
       WHERE EXISTS (SELECT 1 FROM claims WHERE id = @claim_id)
         AND EXISTS (SELECT 1 FROM passages WHERE id = @passage_a)
         AND EXISTS (SELECT 1 FROM passages WHERE id = @passage_b)`,
    );
    for (const review of snapshot.reviews) insertReview.run(review);
    return passage;
  })();
}

/** The id of the link between a claim and a passage, if there is one. */
export function evidenceIdFor(db: Db, claimId: number, passageId: number): number | undefined {
  return db
    .prepare('SELECT id FROM evidence WHERE claim_id = ? AND passage_id = ?')
    .pluck()
    .get(claimId, passageId) as number | undefined;
}
