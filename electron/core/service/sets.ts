// The claim sets' handlers: export in the open formats, merge a colleague's set, settle conflicts.
import type { Db } from '../db/connection.ts';
import { exportCounts, exportFiles } from '../export/index.ts';
import { listConflicts, listPending, mergeClaimSet, resolveConflict } from '../merge/index.ts';
import type { Handlers, MethodsOf } from './types.ts';

export function setsHandlers({ db }: { db: Db }): Handlers<MethodsOf<'sets'>> {
  return {
    'sets.preview': ({ filter }) => exportCounts(db, filter),
    'sets.export': (request) => exportFiles(db, request),
    'sets.merge': ({ fileName, content, dryRun, duplicates }) =>
      mergeClaimSet(db, content, { fileName, dryRun, duplicates }),
    'sets.conflicts': () => listConflicts(db),
    'sets.pending': () => listPending(db),
    'sets.resolve': ({ id, take }) => resolveConflict(db, id, take),
  };
}
