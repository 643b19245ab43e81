// Evidence links between claims and passages: link, change, remove, each audited.
import type { Evidence } from '../../../shared/api.ts';
import type { Stance } from '../../../shared/corroboration.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './connection.ts';
import { EVIDENCE_SQL, type EvidenceRow } from './corroboration-input.ts';
import { DeskError } from './errors.ts';

export function getEvidence(db: Db, id: number): Evidence {
  const row = db.prepare(`${EVIDENCE_SQL} WHERE e.id = ?`).get(id) as EvidenceRow | undefined;
  if (!row) throw new DeskError('not-found', `evidence ${id} does not exist`);
  const { outletSourceId, ...evidence } = row;
  return evidence;
}

export function linkEvidence(
  db: Db,
  input: { claimId: number; passageId: number; stance: Stance; credibility: number; note: string },
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
          'INSERT INTO evidence (claim_id, passage_id, stance, credibility, note, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
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

export function unlinkEvidence(db: Db, id: number): Evidence {
  return db.transaction(() => {
    const before = getEvidence(db, id);
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
