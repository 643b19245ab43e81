// The source mentions' handler: a report's mentions, read at import (db/mentions.ts).
import type { Db } from '../db/connection.ts';
import { listMentions } from '../db/mentions.ts';
import type { Handlers, MethodsOf } from './types.ts';

export function mentionsHandlers({ db }: { db: Db }): Handlers<MethodsOf<'mentions'>> {
  return {
    'mentions.list': ({ reportId }) => listMentions(db, reportId),
  };
}
