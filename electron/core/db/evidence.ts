// Evidence links between claims and passages: link, change, remove, each audited.
import type { Evidence } from '../../../shared/api.ts';
import { CONTEXT_LENGTH } from '../../../shared/anchoring.ts';
import type { Stance } from '../../../shared/corroboration.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import { EVIDENCE_SQL, type EvidenceRow } from './corroboration-input.ts';
import { DeskError } from './errors.ts';

export function getEvidence(db: Db, id: number): Evidence {
  const row = db.prepare(`${EVIDENCE_SQL} WHERE e.id = ?`).get(id) as EvidenceRow | undefined;
  if (!row) throw new DeskError('not-found', `evidence ${id} does not exist`);
  const { outletSourceId, ...evidence } = row;
  return { ...evidence, ...passageContexts(db, [row.passageId]).get(row.passageId) };
}

/** The words either side of a quote, as `contextWords` cuts them. */
export interface QuoteContext {
  contextBefore: string;
  contextAfter: string;
}

/**
 * The context of each passage, read from its stored selector (prefix and suffix, a few dozen
 * characters each: shared/anchoring.ts).
 */
export function passageContexts(db: Db, passageIds: readonly number[]): Map<number, QuoteContext> {
  const rows = db
    .prepare('SELECT id, prefix, suffix FROM passages WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(passageIds)) as { id: number; prefix: string; suffix: string }[];
  return new Map(rows.map((r) => [r.id, contextWords(r.prefix, r.suffix)]));
}

/**
 * Whole words around a quote: the stored context stops at a paragraph break (the words beyond
 * belong to another paragraph) and drops the word cut in half at its outer end. Whitespace runs
 * become one space; the space touching the quote is kept, so that "said: " reads as it does.
 */
export function contextWords(prefix: string, suffix: string): QuoteContext {
  let before = prefix.slice(prefix.lastIndexOf('\n') + 1);
  let after = suffix.includes('\n') ? suffix.slice(0, suffix.indexOf('\n')) : suffix;
  // A context cut at its full length may start or end mid-word; one ended by a break does not.
  if (before === prefix && prefix.length >= CONTEXT_LENGTH) before = before.replace(/^\S*/, '');
  if (after === suffix && suffix.length >= CONTEXT_LENGTH) after = after.replace(/\S*$/, '');
  return {
    contextBefore: before.replace(/\s+/g, ' ').replace(/^ /, ''),
    contextAfter: after.replace(/\s+/g, ' ').replace(/ $/, ''),
  };
}

export function linkEvidence(
  db: Db,
  input: {
    claimId: number;
    passageId: number;
    stance: Stance;
    credibility: number;
    note: string;
    /** The link's identity in claim sets, when it comes back (undo); else a new one. */
    uuid?: string;
  },
): Evidence {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM claims WHERE id = ?').get(input.claimId))
      throw new DeskError('not-found', `claim ${input.claimId} does not exist`);
    if (!db.prepare('SELECT 1 FROM passages WHERE id = ?').get(input.passageId)) {
      throw new DeskError('not-found', `passage ${input.passageId} does not exist`);
    }
    if (
      db
        .prepare('SELECT 1 FROM evidence WHERE claim_id = ? AND passage_id = ?')
        .get(input.claimId, input.passageId)
    ) {
      throw new DeskError('conflict', 'this passage is already evidence for this claim');
    }
    const id = Number(
      db
        .prepare(
          'INSERT INTO evidence (uuid, claim_id, passage_id, stance, credibility, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          input.uuid ?? '',
          input.claimId,
          input.passageId,
          input.stance,
          input.credibility,
          input.note,
          new Date().toISOString(),
        ).lastInsertRowid,
    );
    db.prepare('UPDATE claims SET updated_at = ? WHERE id = ?').run(
      new Date().toISOString(),
      input.claimId,
    );
    const evidence = getEvidence(db, id);
    appendAudit(db, {
      action: 'evidence.link',
      entity: 'claim',
      entityId: input.claimId,
      after: {
        evidence: id,
        passage: input.passageId,
        quote: evidence.exact,
        stance: input.stance,
        credibility: input.credibility,
      },
    });
    return evidence;
  })();
}

export function updateEvidence(
  db: Db,
  input: { id: number; stance?: Stance; credibility?: number; note?: string },
): { evidence: Evidence; before: Evidence } {
  return db.transaction(() => {
    const before = getEvidence(db, input.id);
    if (input.stance !== undefined)
      db.prepare('UPDATE evidence SET stance = ? WHERE id = ?').run(input.stance, input.id);
    if (input.credibility !== undefined)
      db.prepare('UPDATE evidence SET credibility = ? WHERE id = ?').run(
        input.credibility,
        input.id,
      );
    if (input.note !== undefined)
      db.prepare('UPDATE evidence SET note = ? WHERE id = ?').run(input.note, input.id);
    const evidence = getEvidence(db, input.id);
    appendAudit(db, {
      action: 'evidence.update',
      entity: 'claim',
      entityId: before.claimId,
      before: {
        evidence: input.id,
        // Which passage's link changed, in the history's words (the link's id alone says nothing).
        quote: before.exact,
        stance: before.stance,
        credibility: before.credibility,
        note: before.note,
      },
      after: {
        evidence: input.id,
        stance: evidence.stance,
        credibility: evidence.credibility,
        note: evidence.note,
      },
    });
    return { evidence, before };
  })();
}

export function unlinkEvidence(db: Db, id: number): Evidence & { uuid: string } {
  return db.transaction(() => {
    const before = {
      ...getEvidence(db, id),
      uuid: db.prepare('SELECT uuid FROM evidence WHERE id = ?').pluck().get(id) as string,
    };
    db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    appendAudit(db, {
      action: 'evidence.unlink',
      entity: 'claim',
      entityId: before.claimId,
      before: {
        evidence: id,
        passage: before.passageId,
        quote: before.exact,
        stance: before.stance,
        credibility: before.credibility,
      },
    });
    return before;
  })();
}
