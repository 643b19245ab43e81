// The claim sets' handlers: export in the open formats, merge a colleague's set, settle conflicts.
import type { Db } from '../db/connection.ts';
import { exportCounts, exportFiles } from '../export/index.ts';
import { listConflicts, listPending, mergeClaimSet, resolveConflict } from '../merge/index.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

export function setsHandlers({ db, undo }: { db: Db; undo: Undo }): Handlers<MethodsOf<'sets'>> {
  return {
    'sets.preview': ({ filter }) => exportCounts(db, filter),
    'sets.export': (request) => exportFiles(db, request),
    'sets.merge': ({ fileName, content, dryRun, duplicates }) => {
      const report = mergeClaimSet(db, content, { fileName, dryRun, duplicates });
      // What undo would put back may now clash with what the set brought (an item it deleted, back
      // under its own id): as after an import, undo starts afresh.
      if (report.changed && !dryRun) undo.clear();
      return report;
    },
    'sets.conflicts': () => listConflicts(db),
    'sets.pending': () => listPending(db),
    'sets.resolve': ({ id, take }) => resolveConflict(db, id, take),
  };
}
