// The originals' handlers: a report's original file and its page spans (db/originals.ts).
import type { Db } from '../db/connection.ts';
import { readOriginal, readPages } from '../db/originals.ts';
import type { Handlers, MethodsOf } from './types.ts';

export function originalsHandlers({ db }: { db: Db }): Handlers<MethodsOf<'originals'>> {
  return {
    'originals.get': ({ reportId }) => readOriginal(db, reportId),
    'originals.pages': ({ reportId }) => readPages(db, reportId),
  };
}
