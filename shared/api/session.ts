// The contract's session: the desk itself, the demo case, the reviewer's name, and undo.
import { z } from 'zod';
import { noControls, op, type Slice } from './common.ts';
import { importResultSchema } from './reports.ts';

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
    z.object({ undone: z.string().nullable(), next: z.string().nullable() }),
  ),
  'session.status': op(z.object({}).strict(), z.object({ next: z.string().nullable() })),
} as const satisfies Slice<'desk' | 'demo' | 'preferences' | 'session'>;
