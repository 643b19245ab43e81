// Exports: the claim set (claim-set.ts) and the open formats written from it, chosen by filter.
import type { ClaimSetFilter } from '../../../shared/claim-set.ts';
import type { ExportCounts, ExportFile, ExportFormat } from '../../../shared/api/sets.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';

export interface ExportRequest {
  format: ExportFormat;
  filter: ClaimSetFilter | null;
  withTexts: boolean;
}

/** How much an export with this filter holds. */
export function exportCounts(_db: Db, _filter: ClaimSetFilter | null): ExportCounts {
  throw new DeskError('internal', 'export is being built');
}

/** The files of one export. */
export function exportFiles(
  _db: Db,
  _request: ExportRequest,
): { files: ExportFile[]; counts: ExportCounts } {
  throw new DeskError('internal', 'export is being built');
}
