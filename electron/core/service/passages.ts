// The passages' handlers: highlights in a report, their notes and attribution, each undoable.
import type { Passage } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import {
  createPassage,
  deletePassage,
  getPassage,
  listPassages,
  restorePassage,
  updatePassageNote,
  type PassageSnapshot,
} from '../db/passages.ts';
import { getReport } from '../db/reports.ts';
import { attributePassage } from '../db/sources.ts';
import { short, type Handlers, type MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

export function passagesHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'passages'>> {
  const highlight = (passage: Pick<Passage, 'reportId'>): string =>
    `highlight in “${short(getReport(db, passage.reportId)?.title ?? `report ${passage.reportId}`)}”`;
  // Deleting and restoring keep the passage's id, so later steps that name it still find it.
  const removal =
    (id: number): Inverse =>
    () =>
      restoration(deletePassage(db, id));
  const restoration =
    (snapshot: PassageSnapshot): Inverse =>
    () => {
      restorePassage(db, snapshot);
      return removal(snapshot.row.id);
    };
  const noteChange =
    (id: number, note: string): Inverse =>
    () => {
      const previous = getPassage(db, id).note;
      updatePassageNote(db, id, note);
      return noteChange(id, previous);
    };
  const attribution =
    (passageId: number, sourceId: number | null): Inverse =>
    () =>
      attribution(
        passageId,
        attributePassage(
          db,
          passageId,
          sourceId === null ? null : undo.current('source', sourceId),
        ),
      );

  return {
    'passages.list': ({ reportId }) => {
      if (!getReport(db, reportId))
        throw new DeskError('not-found', `report ${reportId} does not exist`);
      return listPassages(db, reportId);
    },
    'passages.create': (input) => {
      const passage = createPassage(db, input);
      undo.remember(highlight(passage), removal(passage.id));
      return passage;
    },
    'passages.update': ({ id, note }) => {
      const previous = getPassage(db, id).note;
      const passage = updatePassageNote(db, id, note);
      undo.remember(`note on a ${highlight(passage)}`, noteChange(id, previous));
      return passage;
    },
    'passages.delete': ({ id }) => {
      const snapshot = deletePassage(db, id);
      undo.remember(
        `deletion of a ${highlight({ reportId: snapshot.row.report_id })}`,
        restoration(snapshot),
      );
      return { id, claims: snapshot.claims };
    },
    'passages.attribute': ({ passageId, sourceId }) => {
      const previous = attributePassage(db, passageId, sourceId);
      const passage = getPassage(db, passageId);
      undo.remember(`attribution of a ${highlight(passage)}`, attribution(passageId, previous));
      return passage;
    },
  };
}
