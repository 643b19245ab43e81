// The suggested attribution's handler: read-only (accepting it attributes the passage through
// passages.attribute, which undo covers).
import type { Db } from '../db/connection.ts';
import { suggestAttribution } from '../db/suggestions.ts';
import type { Handlers, MethodsOf } from './types.ts';

export function attributionHandlers({ db }: { db: Db }): Handlers<MethodsOf<'attribution'>> {
  return {
    'attribution.suggest': ({ passageId }) => suggestAttribution(db, passageId),
  };
}
