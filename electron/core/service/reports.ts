// The reports' handlers: the library, reading, search, import and new versions.
import { basename } from 'node:path';
import type { DeskEvent } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import {
  countMatches,
  getReport,
  getReportOcr,
  getReportText,
  listReportItems,
  listReportOrder,
  searchReports,
  updateReportMetadata,
} from '../db/reports.ts';
import { searchClaims, searchNotes } from '../db/search.ts';
import { ImportRejection } from '../import/index.ts';
import type { ParsePool } from '../import/parse-pool.ts';
import { parseFile, storeParsed, type Parsed } from '../reports/import-files.ts';
import { importNewVersion } from '../reports/versions.ts';
import type { Handlers, MethodsOf } from './types.ts';

export function reportsHandlers(deps: {
  db: Db;
  emit: (event: DeskEvent) => void;
  /** The parse worker, started on first use. */
  parsePool: () => ParsePool;
}): Handlers<MethodsOf<'reports'>> {
  const { db, emit, parsePool } = deps;
  const ocrProgress =
    (file: string) =>
    (page: number, pages: number): void =>
      emit({ type: 'ocr.progress', file, page, pages });
  return {
    'reports.list': () => listReportOrder(db),
    'reports.items': ({ ids }) => listReportItems(db, ids),
    'reports.get': ({ id }) => {
      const report = getReport(db, id);
      if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
      return { report, text: getReportText(db, id) as string };
    },
    'reports.search': ({ query }) => ({
      hits: searchReports(db, query),
      total: countMatches(db, query),
      claims: searchClaims(db, query),
      notes: searchNotes(db, query),
    }),
    'reports.import': async ({ files }) => {
      let done = 0;
      // All files go to the parse worker at once (it parses them in order); a file that fails
      // in any way is that file's rejection, and the others still import.
      const parsed: Parsed[] = await Promise.all(
        files.map(async (file) => {
          const name = basename(file.name);
          const result = await parseFile(name, () =>
            parsePool().parse({ name, bytes: Buffer.from(file.data, 'base64') }, ocrProgress(name)),
          );
          emit({ type: 'import.progress', done: ++done, total: files.length, file: name });
          return result;
        }),
      );
      const results = storeParsed(db, parsed);
      emit({ type: 'desk.changed', reason: 'import' });
      return results;
    },
    'reports.update': ({ id, patch }) => updateReportMetadata(db, id, patch),
    'reports.cancelOcr': () => ({ cancelled: parsePool().cancelOcr() }),
    'reports.ocr': ({ id }) => {
      if (!getReport(db, id)) throw new DeskError('not-found', `report ${id} does not exist`);
      return getReportOcr(db, id);
    },
    'reports.importVersion': async ({ id, file }) => {
      const name = basename(file.name);
      let report;
      try {
        report = await parsePool().parse(
          { name, bytes: Buffer.from(file.data, 'base64') },
          ocrProgress(name),
        );
      } catch (error) {
        if (error instanceof ImportRejection)
          throw new DeskError('rejected', `${name}: ${error.message}`);
        throw error;
      }
      return importNewVersion(db, id, report);
    },
  };
}
