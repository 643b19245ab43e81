// The session's handlers: the desk itself, the demo case, the reviewer's name, undo and redo.
import type { DeskEvent } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { reviewerName } from '../db/audit.ts';
import { SCHEMA_VERSION } from '../db/migrate.ts';
import { loadDemoCase, seedsDir } from '../seeds.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

export function sessionHandlers(deps: {
  db: Db;
  /** The desk file, shown to the user. */
  path: string;
  seeds: string | undefined;
  emit: (event: DeskEvent) => void;
  undo: Undo;
}): Handlers<MethodsOf<'desk' | 'demo' | 'preferences' | 'session'>> {
  const { db, undo } = deps;
  return {
    'desk.info': () => ({
      path: deps.path,
      reports: db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      schemaVersion: SCHEMA_VERSION,
    }),
    'demo.load': async () => {
      const results = await loadDemoCase(db, seedsDir(deps.seeds));
      // An import is not undone step by step: undo now has nothing older to revert by surprise.
      undo.clear();
      deps.emit({ type: 'desk.changed', reason: 'demo' });
      return results;
    },
    'preferences.get': () => ({ reviewer: reviewerName(db) }),
    'preferences.set': ({ reviewer }) => {
      db.prepare(
        `INSERT INTO preferences (key, value) VALUES ('reviewer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(reviewer);
      return { reviewer };
    },
    'session.undo': () => {
      const undone = undo.undo();
      return { undone, notice: undone ? `Undid: ${undone}` : 'Nothing to undo', ...undo.state() };
    },
    'session.redo': () => {
      const redone = undo.redo();
      return { redone, notice: redone ? `Redid: ${redone}` : 'Nothing to redo', ...undo.state() };
    },
    'session.status': () => undo.state(),
  };
}
