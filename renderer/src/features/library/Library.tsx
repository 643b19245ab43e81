import { useMemo } from 'react';
import type { Report } from '../../../../shared/model.ts';
import { useDesk } from '../../store/index.ts';
import { formatDate } from '../../ui/format.ts';
import { Snippet } from './Snippet.tsx';

/** Reports grouped by outlet, or search hits while a query is typed. */
export function Library() {
  const reports = useDesk((s) => s.reports);
  const hits = useDesk((s) => s.hits);
  const hitTotal = useDesk((s) => s.hitTotal);
  const query = useDesk((s) => s.query);
  const reportId = useDesk((s) => s.reportId);
  const openReport = useDesk((s) => s.openReport);
  const groups = useMemo(() => groupByOutlet(reports), [reports]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = Array.from(
      event.currentTarget.querySelectorAll<HTMLButtonElement>('button.report-item'),
    );
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = items[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  if (hits) {
    return (
      <nav className="library" aria-label="Search results" onKeyDown={onKeyDown}>
        <h2>
          {hitTotal === 0
            ? 'No matches'
            : `${hitTotal.toLocaleString('en')} ${hitTotal === 1 ? 'report matches' : 'reports match'}`}{' '}
          “{query}”
          {hitTotal > hits.length && <span className="count"> · the best {hits.length} shown</span>}
        </h2>
        <ul>
          {hits.map((hit) => (
            <li key={hit.reportId}>
              <button
                type="button"
                className={`report-item${hit.reportId === reportId ? ' current' : ''}`}
                onClick={() => void openReport(hit.reportId)}
              >
                <span className="title">{hit.title}</span>
                <span className="meta">{hit.outlet ?? 'No outlet'}</span>
                <Snippet text={hit.snippet} />
              </button>
            </li>
          ))}
        </ul>
      </nav>
    );
  }
  return (
    <nav className="library" aria-label="Library" onKeyDown={onKeyDown}>
      {groups.map(([outlet, items]) => (
        <section key={outlet} aria-label={outlet}>
          <h2>
            {outlet} <span className="count">{items.length}</span>
          </h2>
          <ul>
            {items.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`report-item${r.id === reportId ? ' current' : ''}`}
                  aria-current={r.id === reportId ? 'true' : undefined}
                  onClick={() => void openReport(r.id)}
                >
                  <span className="title">{r.title}</span>
                  <span className="meta">
                    {r.publishedAt ? formatDate(r.publishedAt) : 'Undated'}
                    {r.byline ? ` · ${r.byline}` : ''}
                  </span>
                  <span className="meta">
                    {r.passageCount === 0
                      ? 'No passages'
                      : `${r.passageCount} ${r.passageCount === 1 ? 'passage' : 'passages'}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** Linear: one outlet can hold 50,000 reports, and this runs whenever the list changes. */
function groupByOutlet(reports: Report[]): [string, Report[]][] {
  const groups = new Map<string, Report[]>();
  for (const r of reports) {
    const key = r.outlet ?? 'No outlet';
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()];
}
