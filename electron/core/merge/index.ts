// Merging a colleague's claim set (docs/claim-set.md): checked whole, then written in one
// transaction, every quote re-verified against the text it names.
import type { DuplicateDecision, MergeConflict, MergeReport } from '../../../shared/api/sets.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';

export interface MergeOptions {
  /** The file's name, for messages and provenance. */
  fileName: string;
  /** Check and plan only; the desk is not written. */
  dryRun: boolean;
  /** The reviewer's choice for likely duplicates, by the set's id; unlisted ones stay separate. */
  duplicates?: readonly { id: string; decision: DuplicateDecision }[];
}

/** Merges the claim set in `content` (the file's bytes or text) into the desk. */
export function mergeClaimSet(
  _db: Db,
  _content: string | Uint8Array,
  _options: MergeOptions,
): MergeReport {
  throw new DeskError('internal', 'merge is being built');
}

/** The merges' conflicts: open ones first, then resolved ones, newest first. */
export function listConflicts(_db: Db): MergeConflict[] {
  throw new DeskError('internal', 'merge is being built');
}

/** Settles a conflict: keeps the desk's value, or takes the set's (written as a change, audited). */
export function resolveConflict(_db: Db, _id: number, _take: 'local' | 'incoming'): MergeConflict {
  throw new DeskError('internal', 'merge is being built');
}
