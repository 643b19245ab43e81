import { useEffect, useMemo } from 'react';
import { CREDIBILITY } from '../../../../shared/admiralty.ts';
import { MAX_MATRIX_CLAIMS, useDesk, type CompareColumn } from '../../store/index.ts';
import { STATUS_LABEL } from '../../../../shared/corroboration.ts';
import { ReliabilityBadge, StatusBadge } from '../../ui/grades.tsx';
import { downloadFile } from '../export/files.ts';
import {
  matrixCsv,
  matrixRow,
  quoteParts,
  type CellStance,
  type MatrixCell,
} from './claim-matrix.ts';
import type { ClaimKey } from './compare-model.ts';

const CELL_LABEL: Record<CellStance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context only',
  mixed: 'Mixed',
  silent: 'Silent',
};

/** Reports (columns) × claims (rows): what each report does with each claim, and on whose word. */
export function ClaimMatrix({
  columns,
  keys,
  onShowClaim,
}: {
  columns: CompareColumn[];
  keys: ClaimKey[];
  onShowClaim: (claimId: number) => void;
}) {
  const details = useDesk((s) => s.compareClaims);
  const load = useDesk((s) => s.loadCompareClaims);
  // Read again whenever a column is (a passage or its evidence changed).
  useEffect(() => {
    void load(keys.map((k) => k.claimId));
  }, [keys, load]);
  const reportIds = useMemo(() => columns.map((c) => c.reportId), [columns]);
  const rows = useMemo(
    () =>
      keys.flatMap((key) => {
        const detail = details[key.claimId];
        return detail ? [{ key, detail, row: matrixRow(detail, reportIds) }] : [];
      }),
    [keys, details, reportIds],
  );
  if (keys.length === 0)
    return (
      <p className="matrix-empty muted">
        No claim has evidence in these reports yet: make passages and claims side by side first.
      </p>
    );
  const exportCsv = (): void =>
    downloadFile({
      name: 'claim-matrix.csv',
      mediaType: 'text/csv',
      content: matrixCsv(
        columns.map((c) => ({
          id: c.reportId,
          title: c.report?.title ?? '',
          outlet: c.report?.outlet ?? null,
        })),
        rows.map(({ key, detail, row }) => ({ number: key.number, claim: detail, row })),
        (status) => STATUS_LABEL[status],
      ),
    });
  return (
    <div className="matrix-scroll">
      <div className="matrix-actions">
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Export as CSV
        </button>
        <span className="hint">
          One row per claim; each report’s stance, origins, grades and words.
        </span>
      </div>
      <table className="claim-matrix" aria-label="Claim matrix">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {columns.map((c) => (
              <th key={c.reportId} scope="col" data-report-id={c.reportId}>
                <span className="matrix-outlet">{c.report?.outlet ?? 'No outlet'}</span>
                <span className="matrix-title">{c.report?.title ?? '…'}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, detail, row }) => (
            <tr key={key.claimId} data-claim-id={key.claimId}>
              <th scope="row">
                <button
                  type="button"
                  className="matrix-claim link"
                  onClick={() => onShowClaim(key.claimId)}
                  title="Show its passages side by side"
                >
                  <span className={`claim-badge claim-c${key.colour}`} aria-hidden="true">
                    {key.number}
                  </span>
                  {detail.text}
                </button>
                <StatusBadge status={detail.status} />
                {row.numbersDiffer && <span className="figures-differ">figures differ</span>}
              </th>
              {row.cells.map((cell) => (
                <MatrixCellView key={cell.reportId} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {keys.length > MAX_MATRIX_CLAIMS && (
        <p className="muted small">
          The first {MAX_MATRIX_CLAIMS} of {keys.length} claims are shown.
        </p>
      )}
    </div>
  );
}

function MatrixCellView({ cell }: { cell: MatrixCell }) {
  return (
    <td className={`matrix-cell cell-${cell.stance}`} data-report-id={cell.reportId}>
      <span className="cell-stance">{CELL_LABEL[cell.stance]}</span>
      {cell.entries.map((e) => (
        <div key={e.passageId} className="cell-entry">
          <span className="cell-origin">
            <ReliabilityBadge grade={e.reliability} /> {e.origin}
            <span className="muted" title={CREDIBILITY[e.credibility]}>
              {' '}
              · credibility {e.credibility}
              {cell.stance === 'mixed' ? ` · ${CELL_LABEL[e.stance].toLowerCase()}` : ''}
            </span>
          </span>
          <q>
            {quoteParts(e.exact, cell.differing).map((part, i) =>
              part.differs ? (
                <mark
                  key={i}
                  className="figure-differs"
                  title="Not the figure another report gives"
                >
                  {part.text}
                </mark>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </q>
        </div>
      ))}
    </td>
  );
}
