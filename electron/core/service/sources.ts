// The sources' handlers: listing, naming and grading who passages are attributed to.
import type { Db } from '../db/connection.ts';
import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  ratingHistory,
  rateSource,
  removeRating,
  updateSource,
} from '../db/sources.ts';
import { short, type Handlers, type MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

export function sourcesHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'sources'>> {
  return {
    'sources.list': () => listSources(db),
    'sources.create': (input) => {
      const source = createSource(db, input);
      undo.remember(`new source “${short(source.name)}”`, () => deleteSource(db, source.id));
      return source;
    },
    'sources.update': (input) => {
      const before = getSource(db, input.id);
      const source = updateSource(db, input);
      undo.remember(`edit of “${short(before.name)}”`, () =>
        updateSource(db, {
          id: input.id,
          ...(before.kind === 'named' ? { name: before.name } : {}),
          derivesFromId: before.derivesFromId,
        }),
      );
      return source;
    },
    'sources.rate': ({ id, reliability, rationale }) => {
      const { source, ratingId } = rateSource(db, { id, reliability, rationale });
      undo.remember(`grade of “${short(source.name)}”`, () => removeRating(db, ratingId));
      return source;
    },
    'sources.history': ({ id }) => ratingHistory(db, id),
  };
}
