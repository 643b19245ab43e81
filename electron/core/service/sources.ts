// The sources' handlers: listing, naming and grading who passages are attributed to, each
// change undoable.
import type { Reliability } from '../../../shared/admiralty.ts';
import type { SourceSummary } from '../../../shared/api.ts';
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
import type { Inverse, Undo } from './undo.ts';

type Grade = { reliability: Reliability; rationale: string };

export function sourcesHandlers({
  db,
  undo,
}: {
  db: Db;
  undo: Undo;
}): Handlers<MethodsOf<'sources'>> {
  // A source made again by redo gets a new id; `undo.current` maps the first one onto it.
  const now = (id: number): number => undo.current('source', id);
  const nowOrNull = (id: number | null): number | null => (id === null ? null : now(id));
  const removal =
    (id: number): Inverse =>
    () => {
      const before = getSource(db, now(id));
      deleteSource(db, before.id);
      return remaking(id, before);
    };
  const remaking =
    (id: number, before: SourceSummary): Inverse =>
    () => {
      const made = createSource(db, {
        outletId: before.outletId,
        name: before.name,
        derivesFromId: nowOrNull(before.derivesFromId),
      });
      undo.renumber('source', now(id), made.id);
      return removal(id);
    };
  const edit =
    (id: number, values: { name?: string; derivesFromId: number | null }): Inverse =>
    () => {
      const before = getSource(db, now(id));
      updateSource(db, {
        ...values,
        id: before.id,
        derivesFromId: nowOrNull(values.derivesFromId),
      });
      return edit(id, {
        ...(before.kind === 'named' ? { name: before.name } : {}),
        derivesFromId: before.derivesFromId,
      });
    };
  const ungrading =
    (id: number, ratingId: number, grade: Grade): Inverse =>
    () => {
      removeRating(db, ratingId);
      return () => ungrading(id, rateSource(db, { id: now(id), ...grade }).ratingId, grade);
    };

  return {
    'sources.list': () => listSources(db),
    'sources.create': (input) => {
      const source = createSource(db, input);
      undo.remember(`new source “${short(source.name)}”`, removal(source.id));
      return source;
    },
    'sources.update': (input) => {
      const before = getSource(db, input.id);
      const source = updateSource(db, input);
      undo.remember(
        `edit of “${short(before.name)}”`,
        edit(input.id, {
          ...(before.kind === 'named' ? { name: before.name } : {}),
          derivesFromId: before.derivesFromId,
        }),
      );
      return source;
    },
    'sources.rate': ({ id, reliability, rationale }) => {
      const { source, ratingId } = rateSource(db, { id, reliability, rationale });
      undo.remember(
        `grade of “${short(source.name)}”`,
        ungrading(id, ratingId, { reliability, rationale }),
      );
      return source;
    },
    'sources.history': ({ id }) => ratingHistory(db, id),
  };
}
