// Picking reports to compare: a toggle on each library row, a tray that opens the compare, and
// the claim's "Compare these reports".
import type { ClaimDetail } from '../../../../shared/api.ts';
import { MAX_COMPARED, useDesk } from '../../store/index.ts';

/**
 * On a library row: adds the report to the compare, or takes it out. Its name stays short and
 * the same on every row (the row's own button is found by the report's title); the title it
 * acts on is its description.
 */
export function CompareToggle({
  reportId,
  titleId,
}: {
  reportId: number;
  /** The id of the element holding the report's title on its row. */
  titleId: string;
}) {
  const picked = useDesk((s) => s.comparePicked.includes(reportId));
  const toggle = useDesk((s) => s.togglePickCompare);
  return (
    <button
      type="button"
      className="compare-toggle"
      aria-pressed={picked}
      aria-label="Pick to compare"
      aria-describedby={titleId}
      title={picked ? 'Take out of the compare' : 'Add to the compare (two or three reports)'}
      onClick={() => toggle(reportId)}
    >
      {picked ? '✓ Compare' : '+ Compare'}
    </button>
  );
}

/** Under the library while reports are picked: how many, and the way to the compare. */
export function CompareTray() {
  const picked = useDesk((s) => s.comparePicked);
  const compareReports = useDesk((s) => s.compareReports);
  const clear = useDesk((s) => s.clearComparePicks);
  if (picked.length === 0) return null;
  return (
    <div className="compare-tray" role="group" aria-label="Reports to compare">
      <span>
        {picked.length} picked{picked.length < 2 ? ': pick one more' : ''}
      </span>
      <button
        type="button"
        className="primary"
        disabled={picked.length < 2}
        onClick={() => void compareReports(picked)}
      >
        Compare side by side
      </button>
      <button type="button" className="link" onClick={clear}>
        Clear
      </button>
    </div>
  );
}

/**
 * The reports a claim's evidence is in, side by side: those that contradict it first (a dispute
 * is what is worth reading together), then the others, up to three.
 */
export function claimReports(
  claim: Pick<ClaimDetail, 'supporting' | 'contradicting' | 'context'>,
): number[] {
  const ids: number[] = [];
  for (const groups of [claim.contradicting, claim.supporting, claim.context])
    for (const group of groups)
      for (const e of group.evidence) if (!ids.includes(e.reportId)) ids.push(e.reportId);
  return ids.slice(0, MAX_COMPARED);
}

/** On a claim with evidence in two reports or more: opens them side by side. */
export function CompareClaimReports({ claim }: { claim: ClaimDetail }) {
  const compareReports = useDesk((s) => s.compareReports);
  const ids = claimReports(claim);
  if (ids.length < 2) return null;
  return (
    <button type="button" className="compare-claim" onClick={() => void compareReports(ids)}>
      Compare these reports
    </button>
  );
}
