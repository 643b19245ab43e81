// The suggested attribution's handlers: the suggestion (read-only), and accepting one that makes
// a new source, which the undo stack keeps as one step with the attribution.
import type { Method, Output, ParsedInput } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { suggestAttribution } from '../db/suggestions.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Undo } from './undo.ts';

/** A handler that answers at once (better-sqlite3 is synchronous): it can run in a transaction. */
export type Sync<M extends Method> = (input: ParsedInput<M>) => Output<M>;

export function attributionHandlers(deps: {
  db: Db;
  undo: Undo;
  /** The desk's other handlers (composed after these): the change is theirs, grouped. */
  handlers: () => { [M in 'sources.create' | 'passages.attribute']: Sync<M> };
}): Handlers<MethodsOf<'attribution'>> {
  const { db, undo, handlers } = deps;
  return {
    'attribution.suggest': ({ passageId }) => suggestAttribution(db, passageId),
    'attribution.accept': ({ passageId, newName, outletId }) =>
      undo.group(
        (labels) => `${labels.at(-1) ?? 'attribution'} to a new source`,
        () => {
          const source = handlers()['sources.create']({
            outletId,
            name: newName,
            derivesFromId: null,
          });
          return handlers()['passages.attribute']({
            passageId,
            sourceId: source.id,
          });
        },
      ),
  };
}
