// What undo makes of the reports' changes (their handlers are in ./reports.ts): an edit of a
// report's details is undone like any other change; an import or a new version of a report is
// not undone step by step, so it empties undo and redo, and Ctrl+Z then says there is nothing to
// undo instead of reverting an older, unrelated change.
import type { Report } from '../../../shared/api.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { getReport, updateReportMetadata } from '../db/reports.ts';
import { short, type Handlers, type MethodsOf } from './types.ts';
import type { Inverse, Undo } from './undo.ts';

type ReportHandlers = Handlers<MethodsOf<'reports'>>;
type Patch = Parameters<typeof updateReportMetadata>[2];

export function withReportUndo(
  handlers: ReportHandlers,
  { db, undo }: { db: Db; undo: Undo },
): ReportHandlers {
  const valuesNow = (id: number, patch: Patch): Patch => {
    const report = getReport(db, id);
    if (!report) throw new DeskError('not-found', `report ${id} does not exist`);
    return valuesOf(report, patch);
  };
  const edit =
    (id: number, patch: Patch): Inverse =>
    () => {
      const before = valuesNow(id, patch);
      updateReportMetadata(db, id, patch);
      return edit(id, before);
    };
  return {
    ...handlers,
    'reports.update': async (input) => {
      const before = valuesNow(input.id, input.patch);
      const report = await handlers['reports.update'](input);
      undo.remember(`details of “${short(report.title)}”`, edit(input.id, before));
      return report;
    },
    'reports.import': async (input) => {
      const results = await handlers['reports.import'](input);
      undo.clear();
      return results;
    },
    'reports.importVersion': async (input) => {
      const summary = await handlers['reports.importVersion'](input);
      undo.clear();
      return summary;
    },
  };
}

/** The report's present values of the fields a patch sets: the patch that takes it back. */
function valuesOf(report: Report, patch: Patch): Patch {
  return Object.fromEntries(
    Object.keys(patch).map((key) => [key, report[key as keyof Patch]]),
  ) as Patch;
}
