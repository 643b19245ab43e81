// The suggested attribution's handlers: the suggestion (read-only), and accepting one that makes
// a new source, which the undo stack keeps as one step with the attribution.
import type { Method, Output, ParsedInput } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { forgetApart, keepApart, suggestAttribution } from '../db/suggestions.ts';
import type { Handlers, MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

/** A handler that answers at once (better-sqlite3 is synchronous): it can run in a transaction. */
export type Sync<M extends Method> = (input: ParsedInput<M>) => Output<M>;

export function attributionHandlers(deps: {
  db: Db;
  undo: Undo;
  /** The desk's other handlers (composed after these): the change is theirs, grouped. */
  handlers: () => { [M in 'sources.create' | 'passages.attribute']: Sync<M> };
}): Handlers<MethodsOf<'attribution'>> {
  const { db, undo, handlers } = deps;
  type Pair = ReturnType<typeof keepApart>;
  // A keep-apart decision undone forgets the pair; redone, records it again.
  const forgetting =
    (pair: Pair, record: () => Pair): Inverse =>
    () => {
      forgetApart(db, pair);
      return () => forgetting(record(), record);
    };
  return {
    'attribution.suggest': ({ passageId }) => suggestAttribution(db, passageId),
    'attribution.keepApart': (input) => {
      const record = () => keepApart(db, input);
      undo.remember('a decision to keep two mentions apart', forgetting(record(), record));
      return suggestAttribution(db, input.passageId);
    },
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
