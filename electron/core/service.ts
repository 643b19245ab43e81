import { basename } from 'node:path';
import type { z } from 'zod';
import {
  api,
  describeZodError,
  isMethod,
  type DeskEvent,
  type Method,
  type Output,
  type ParsedInput,
  type Result,
} from '../../shared/api.ts';
import type { Db } from './db/connection.ts';
import { DeskError } from './db/errors.ts';
import { SCHEMA_VERSION } from './db/migrate.ts';
import { createPassage, deletePassage, listPassages, updatePassageNote } from './db/passages.ts';
import {
  getReport,
  getReportText,
  listReports,
  searchReports,
  updateReportMetadata,
} from './db/reports.ts';
import { ImportRejection, prepareReport } from './import/index.ts';
import { parseFile, storeParsed, type Parsed } from './reports/import-files.ts';
import { importNewVersion } from './reports/versions.ts';
import { loadDemoCase, seedsDir } from './seeds.ts';

export interface ServiceOptions {
  db: Db;
  /** The desk file, shown to the user. */
  path: string;
  /** Where the demo case lives (packaged apps pass their resources folder). */
  seeds?: string;
}

type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/**
 * The desk behind every transport: validates each call against the contract, runs it, and wraps
 * the outcome in the result envelope. Nothing here knows about Electron or HTTP.
 */
export function createDeskService(options: ServiceOptions) {
  const { db } = options;
  const listeners = new Set<(event: DeskEvent) => void>();
  const emit = (event: DeskEvent): void => listeners.forEach((listener) => listener(event));

  const handlers: Handlers = {
    'desk.info': () => ({
      path: options.path,
      reports: db.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      schemaVersion: SCHEMA_VERSION,
    }),
    'demo.load': async () => {
      const results = await loadDemoCase(db, seedsDir(options.seeds));
      emit({ type: 'desk.changed', reason: 'demo' });
      return results;
    },
    'reports.list': () => listReports(db),
    'reports.get': ({ id }) => {
      const report = getReport(db, id);
      if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
      return { report, text: getReportText(db, id) as string };
    },
    'reports.search': ({ query }) => searchReports(db, query),
    'reports.import': async ({ files }) => {
      const parsed: Parsed[] = [];
      for (const [i, file] of files.entries()) {
        const name = basename(file.name);
        parsed.push(
          await parseFile(name, () => prepareReport(Buffer.from(file.data, 'base64'), name)),
        );
        emit({ type: 'import.progress', done: i + 1, total: files.length, file: name });
      }
      const results = storeParsed(db, parsed);
      emit({ type: 'desk.changed', reason: 'import' });
      return results;
    },
    'reports.update': ({ id, patch }) => updateReportMetadata(db, id, patch),
    'reports.importVersion': async ({ id, file }) => {
      const name = basename(file.name);
      let report;
      try {
        report = await prepareReport(Buffer.from(file.data, 'base64'), name);
      } catch (error) {
        if (error instanceof ImportRejection)
          throw new DeskError('rejected', `${name}: ${error.message}`);
        throw error;
      }
      return importNewVersion(db, id, report);
    },
    'passages.list': ({ reportId }) => {
      if (!getReport(db, reportId))
        throw new DeskError('not-found', `report ${reportId} does not exist`);
      return listPassages(db, reportId);
    },
    'passages.create': (input) => createPassage(db, input),
    'passages.update': ({ id, note }) => updatePassageNote(db, id, note),
    'passages.delete': ({ id }) => deletePassage(db, id),
  };

  async function call(method: string, rawInput: unknown): Promise<Result<unknown>> {
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
      if (error instanceof DeskError)
        return { ok: false, error: { code: error.code, message: error.message } };
      console.error(`desk: ${method} failed`, error);
      return {
        ok: false,
        error: { code: 'internal', message: `${method} failed: ${(error as Error).message}` },
      };
    }
  }

  return {
    call,
    onEvent(listener: (event: DeskEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;

/** What a transport needs of the desk: the service itself, or a client of it in a worker. */
export interface DeskBackend {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: DeskEvent) => void): () => void;
}
