// The compare view's claim matrix, from the claims as the desk details them: the matrix itself is
// shared/claim-matrix.ts, which the matrix exports use too.
import type { ClaimDetail } from '../../../../shared/api.ts';
import {
  matrixCsv as csvOf,
  matrixRowOf,
  type MatrixEntry,
  type MatrixReport,
  type MatrixRow,
} from '../../../../shared/claim-matrix.ts';

export {
  numbersIn,
  quoteParts,
  type CellStance,
  type MatrixCell,
  type MatrixReport,
} from '../../../../shared/claim-matrix.ts';

/** The claim's evidence, each passage under the origin it is counted under. */
function entriesOf(claim: ClaimDetail): MatrixEntry[] {
  return [claim.supporting, claim.contradicting, claim.context].flatMap((groups) =>
    groups.flatMap((group) =>
      group.evidence.map((e) => ({
        reportId: e.reportId,
        passageId: e.passageId,
        stance: e.stance,
        credibility: e.credibility,
        origin: group.name,
        reliability: group.reliability,
        exact: e.exact,
      })),
    ),
  );
}

/** The claim's row: one cell per report, in the columns' order. */
export function matrixRow(
  claim: ClaimDetail,
  reportIds: readonly number[],
): MatrixRow & { claimId: number } {
  return { claimId: claim.id, ...matrixRowOf(entriesOf(claim), reportIds) };
}

/** The matrix as a spreadsheet (shared/claim-matrix.ts). */
export function matrixCsv(
  reports: readonly MatrixReport[],
  rows: readonly { number: number; claim: ClaimDetail; row: MatrixRow }[],
  statusLabel: (status: ClaimDetail['status']) => string,
): string {
  return csvOf(
    reports,
    rows.map(({ number, claim, row }) => ({
      number,
      text: claim.text,
      status: statusLabel(claim.status),
      row,
    })),
  );
}
