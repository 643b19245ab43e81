import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

/** A statement compiled once per connection: hot paths (imports) run the same SQL per file. */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
