import type { z } from 'zod';
import {
  api,
  describeZodError,
  isMethod,
  type CallOutput,
  type DeskCall,
  type DeskEvent,
  type Result,
} from '../../shared/api.ts';
import type { Db } from './db/connection.ts';
import { DeskError, explainDeskError } from './db/errors.ts';
import { startParsePool, type ParsePool, type ParsePoolOptions } from './import/parse-pool.ts';
import { claimsHandlers } from './service/claims.ts';
import { compareHandlers } from './service/compare.ts';
import { evidenceHandlers } from './service/evidence.ts';
import { attributionHandlers, type Sync } from './service/attribution.ts';
import { mentionsHandlers } from './service/mentions.ts';
import { originalsHandlers } from './service/originals.ts';
import { passagesHandlers } from './service/passages.ts';
import { withReportUndo } from './service/report-changes.ts';
import { reportsHandlers } from './service/reports.ts';
import { sessionHandlers } from './service/session.ts';
import { setsHandlers } from './service/sets.ts';
import { sourcesHandlers } from './service/sources.ts';
import type { Handlers } from './service/types.ts';
import { createUndo } from './service/undo.ts';

export interface ServiceOptions {
  db: Db;
  /** The desk file, shown to the user. */
  path: string;
  /** Where the demo case lives (packaged apps pass their resources folder). */
  seeds?: string;
  /** Limits of the parse worker (tests shorten them). */
  parse?: ParsePoolOptions;
}

/**
 * The desk behind every transport: validates each call against the contract, runs it, and wraps
 * the outcome in the result envelope. Nothing here knows about Electron or HTTP. Each domain's
 * handlers live in ./service/; this is the one place that composes them.
 */
export function createDeskService(options: ServiceOptions) {
  const { db } = options;
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent): void => listeners.forEach((listener) => listener(event));
  const undo = createUndo(db);
  // Uploads are parsed in a worker that a hostile file cannot hang or crash (parse-pool.ts); it
  // starts with the first import and lives as long as the desk.
  let pool: ParsePool | undefined;
  const parsePool = (): ParsePool => (pool ??= startParsePool(options.parse));

  const handlers: Handlers = {
    ...sessionHandlers({ db, path: options.path, seeds: options.seeds, emit, undo }),
    ...withReportUndo(reportsHandlers({ db, emit, parsePool }), { db, undo }),
    ...passagesHandlers({ db, undo }),
    ...claimsHandlers({ db, undo }),
    ...evidenceHandlers({ db, undo }),
    ...sourcesHandlers({ db, undo }),
    ...mentionsHandlers({ db }),
    ...originalsHandlers({ db }),
    ...setsHandlers({ db, undo }),
    ...attributionHandlers({
      db,
      undo,
      // Both are synchronous (better-sqlite3), so they can run in one transaction.
      handlers: () => ({
        'sources.create': handlers['sources.create'] as Sync<'sources.create'>,
        'passages.attribute': handlers['passages.attribute'] as Sync<'passages.attribute'>,
      }),
    }),
    ...compareHandlers({
      db,
      undo,
      handlers: () => ({
        'passages.create': handlers['passages.create'] as Sync<'passages.create'>,
        'evidence.link': handlers['evidence.link'] as Sync<'evidence.link'>,
      }),
    }),
  };

  /** Any request, as a transport hands it over: the method and the input are checked here. */
  async function dispatch(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method))
      return {
        ok: false,
        error: { code: 'unknown-method', message: `unknown method "${method}"` },
      };
    const spec = api[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-input', message: `${method}: ${describeZodError(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: (spec.output as z.ZodType).parse(value) };
    } catch (error) {
      const explained = explainDeskError(error, options.path, { writing: true });
      if (explained instanceof DeskError)
        return { ok: false, error: { code: explained.code, message: explained.message } };
      // The details (SQL, paths, stack) go to the log, not to the window or a bridge client.
      console.error(`desk: ${method} failed`, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${method} failed; the details are in the desk's log` },
      };
    }
  }

  // The value was parsed by the method's output schema, so it is that method's Output.
  const call: DeskCall = (method, input) =>
    dispatch(method, input) as Promise<Result<CallOutput<typeof method>>>;

  return {
    call,
    onEvent(listener: (event: DeskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Stops the parse worker, mid-parse if need be. */
    close: async (): Promise<void> => {
      await pool?.close();
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;

/** What a transport needs of the desk: the service itself, or a client of it in a worker. */
export interface DeskBackend {
  call: DeskCall;
  onEvent(listener: (event: DeskEvent) => void): () => void;
}
