// Exports: the claim set (claim-set.ts) and the open formats written from it, chosen by filter.
import type { ClaimSetFilter } from '../../../shared/claim-set.ts';
import type { ExportCounts, ExportFile, ExportFormat } from '../../../shared/api/sets.ts';
import type { Db } from '../db/connection.ts';
import { DeskError } from '../db/errors.ts';
import { buildClaimSet, claimSetCounts } from './claim-set.ts';

export interface ExportRequest {
  format: ExportFormat;
  filter: ClaimSetFilter | null;
  withTexts: boolean;
}

/** How much an export with this filter holds. */
export function exportCounts(db: Db, filter: ClaimSetFilter | null): ExportCounts {
  return claimSetCounts(db, filter);
}

/** The files of one export. */
export function exportFiles(
  db: Db,
  { format, filter, withTexts }: ExportRequest,
): { files: ExportFile[]; counts: ExportCounts } {
  const set = buildClaimSet(db, { filter, withTexts });
  const counts: ExportCounts = {
    claims: set.claims.length,
    evidence: set.evidence.length,
    passages: set.passages.length,
    reports: set.reports.length,
    sources: set.sources.length,
  };
  switch (format) {
    case 'set':
      return {
        files: [
          {
            name: 'claim-set.json',
            mediaType: 'application/json',
            // Compact: at 100,000 evidence links indentation adds a third to the size and the time.
            content: `${JSON.stringify(set)}\n`,
          },
        ],
        counts,
      };
    case 'annotations':
    case 'claimreview':
    case 'csv':
    case 'md':
    case 'html':
      throw new DeskError('internal', `${format} export is not built yet`);
  }
}
