// The contract's session: the desk itself, the demo case, the reviewer's name, undo and redo.
import { z } from 'zod';
import { noControls, op, type Slice } from './common.ts';
import { importResultSchema } from './reports.ts';

/**
 * How the message of the error (code 'conflict') refusing a change begins when no reviewer is
 * named: the UI asks for the name and tries again. Every change is recorded under that name.
 */
export const REVIEWER_REQUIRED = 'Set your name as reviewer before changing the desk';

/** True for the error a change meets while no reviewer is named. */
export function isReviewerRequired(error: { code: string; message: string }): boolean {
  return error.code === 'conflict' && error.message.startsWith(REVIEWER_REQUIRED);
}

/** Where undo and redo stand: the label of the change each would revert or make again. */
const undoStateSchema = z.object({
  /** What the next undo reverts, e.g. "highlight in “Fuel prices”"; null: nothing to undo. */
  next: z.string().nullable(),
  /** What the next redo makes again; null: nothing to redo (any new change empties it). */
  nextRedo: z.string().nullable(),
});

export const deskInfoSchema = z.object({
  path: z.string(),
  reports: z.number().int(),
  schemaVersion: z.number().int(),
});

export const sessionMethods = {
  'desk.info': op(z.object({}).strict(), deskInfoSchema),
  'demo.load': op(z.object({}).strict(), z.array(importResultSchema)),
  'preferences.get': op(z.object({}).strict(), z.object({ reviewer: z.string() })),
  'preferences.set': op(
    z.object({ reviewer: noControls(z.string().trim().max(120)) }).strict(),
    z.object({ reviewer: z.string() }),
  ),
  'session.undo': op(
    z.object({}).strict(),
    undoStateSchema.extend({
      /** The label of the change undone; null: there was nothing to undo. */
      undone: z.string().nullable(),
      /** A short notice for the analyst, e.g. "Undid: highlight in “Fuel prices”". */
      notice: z.string(),
    }),
  ),
  'session.redo': op(
    z.object({}).strict(),
    undoStateSchema.extend({
      /** The label of the change made again; null: there was nothing to redo. */
      redone: z.string().nullable(),
      notice: z.string(),
    }),
  ),
  'session.status': op(z.object({}).strict(), undoStateSchema),
} as const satisfies Slice<'desk' | 'demo' | 'preferences' | 'session'>;
