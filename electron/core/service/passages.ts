// The passages' handlers: highlights in a report, their notes and attribution.
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import {
  createPassage,
  deletePassage,
  getPassage,
  listPassages,
  updatePassageNote,
} from '../db/passages.ts';
import { getReport } from '../db/reports.ts';
import { attributePassage } from '../db/sources.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

export function passagesHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'passages'>> {
  return {
    'passages.list': ({ reportId }) => {
      if (!getReport(db, reportId))
        throw new DeskError('not-found', `report ${reportId} does not exist`);
      return listPassages(db, reportId);
    },
    'passages.create': (input) => createPassage(db, input),
    'passages.update': ({ id, note }) => updatePassageNote(db, id, note),
    'passages.delete': ({ id }) => deletePassage(db, id),
    'passages.attribute': ({ passageId, sourceId }) => {
      const previous = attributePassage(db, passageId, sourceId);
      undo.remember('attribution', () => attributePassage(db, passageId, previous));
      return getPassage(db, passageId);
    },
  };
}
