// The compared reports' nearly matching sentences, best first: each pair with its reports, its
// score, and the words each side has alone marked, so that the reuse of one source's words is
// visible before any claim exists. Choosing a pair brings both sentences into view.
import type { WordingPair } from '../../../../shared/api.ts';
import type { CompareColumn } from '../../store/index.ts';
import { MAX_WORDING_PAIRS } from '../../store/compare.ts';
import { wordRanges } from './wording-model.ts';

/** The sentence, its words the other side lacks in <ins> (they are what this side adds). */
function Marked({ text, only }: { text: string; only: string[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const r of wordRanges(text, only)) {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<ins key={r.start}>{text.slice(r.start, r.end)}</ins>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function SharedWording({
  pairs,
  failed,
  onRetry,
  columns,
  current,
  onShow,
  onClose,
}: {
  pairs: WordingPair[] | null;
  /** True when the desk could not answer (the banner says why). */
  failed: boolean;
  onRetry: () => void;
  columns: CompareColumn[];
  /** The pair last shown, whose entry is marked. */
  current: number | null;
  onShow: (pair: number) => void;
  onClose: () => void;
}) {
  const titleOf = (reportId: number): string => {
    const report = columns.find((c) => c.reportId === reportId)?.report;
    return report ? `${report.outlet ?? 'No outlet'} · ${report.title}` : `Report ${reportId}`;
  };
  return (
    <div className="compare-drawer wording" role="complementary" aria-label="Shared wording">
      <header>
        <span className="drawer-title">
          Shared wording
          {pairs && <span className="count"> {pairs.length.toLocaleString('en')}</span>}
        </span>
        <button
          type="button"
          className="link"
          onClick={onClose}
          aria-label="Close the shared wording"
        >
          ×
        </button>
      </header>
      {failed ? (
        <p className="small" role="status">
          The shared wording could not be read.{' '}
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        </p>
      ) : pairs === null ? (
        <p className="muted small" role="status">
          Reading the reports sentence by sentence…
        </p>
      ) : pairs.length === 0 ? (
        <p className="muted small" role="status">
          No sentence of one report is worded nearly like a sentence of another.
        </p>
      ) : (
        <>
          <p className="muted small">
            Sentences in nearly the same words, best match first
            {pairs.length >= MAX_WORDING_PAIRS ? ` (the best ${MAX_WORDING_PAIRS} shown)` : ''}.
            Underlined words are in one sentence and not the other.
          </p>
          <ol className="wording-list">
            {pairs.map((pair, i) => (
              <li
                key={`${pair.sides[0].reportId}:${pair.sides[0].start}:${pair.sides[1].reportId}:${pair.sides[1].start}`}
              >
                <button
                  type="button"
                  className={`wording-pair${i === current ? ' current' : ''}`}
                  aria-current={i === current ? 'true' : undefined}
                  onClick={() => onShow(i)}
                >
                  <span className="wording-score">match {Math.round(pair.score * 100)}%</span>
                  {pair.sides.map((side) => (
                    <span key={side.reportId} className="wording-side">
                      <span className="wording-report">{titleOf(side.reportId)}</span>
                      {/* The sentence carries its own quotation marks, if any. */}
                      <span className="wording-text">
                        <Marked text={side.text} only={side.only} />
                      </span>
                    </span>
                  ))}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
