import { useMemo, useState } from 'react';
import type { ClaimSummary } from '../../../../shared/api.ts';
import { STATUS_LABEL, type ClaimStatus } from '../../../../shared/corroboration.ts';
import { useDesk } from '../../store/index.ts';
import { StatusBadge } from '../../ui/grades.tsx';
import { ClaimDetailPanel } from './ClaimDetail.tsx';

type Sort = 'recent' | 'status' | 'text' | 'origins';
const STATUS_ORDER: ClaimStatus[] = [
  'disputed',
  'contradicted',
  'single-origin',
  'corroborated',
  'no-evidence',
];

export function ClaimsView() {
  const claims = useDesk((s) => s.claims);
  const claimId = useDesk((s) => s.claimId);
  const openClaim = useDesk((s) => s.openClaim);
  const createClaim = useDesk((s) => s.createClaim);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<ClaimStatus | ''>('');
  const [sort, setSort] = useState<Sort>('recent');
  const [draft, setDraft] = useState('');

  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const list = claims.filter(
      (c) =>
        (!status || c.status === status) &&
        (!needle ||
          c.text.toLowerCase().includes(needle) ||
          c.tags.some((t) => t.includes(needle.replace(/^#/, '')))),
    );
    const by: Record<Sort, (a: ClaimSummary, b: ClaimSummary) => number> = {
      recent: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
      status: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
      text: (a, b) => a.text.localeCompare(b.text),
      origins: (a, b) => b.counts.supportingOrigins - a.counts.supportingOrigins,
    };
    return [...list].sort(by[sort]);
  }, [claims, filter, status, sort]);

  return (
    <main className="workspace claims-view">
      <nav className="claim-list" aria-label="Claims">
        <form
          className="new-claim"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim())
              void createClaim({ text: draft.trim(), tags: [] }).then(() => setDraft(''));
          }}
        >
          <input
            aria-label="New claim"
            placeholder="New claim: a short proposition"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" disabled={!draft.trim()}>
            Add
          </button>
        </form>
        <div className="claim-filters">
          <input
            aria-label="Filter claims"
            placeholder="Filter by words or #tag"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <select
            aria-label="Status filter"
            value={status}
            onChange={(e) => setStatus(e.target.value as ClaimStatus | '')}
          >
            <option value="">Any status</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <select
            aria-label="Sort claims"
            value={sort}
            onChange={(e) => setSort(e.target.value as Sort)}
          >
            <option value="recent">Recently changed</option>
            <option value="status">Needs attention first</option>
            <option value="origins">Most origins</option>
            <option value="text">A–Z</option>
          </select>
        </div>
        <h2>
          {shown.length} of {claims.length} claims
        </h2>
        <ul>
          {shown.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`claim-item${c.id === claimId ? ' current' : ''}`}
                aria-current={c.id === claimId ? 'true' : undefined}
                onClick={() => void openClaim(c.id)}
              >
                <span className="claim-text">{c.text}</span>
                <span className="claim-meta">
                  <StatusBadge status={c.status} />
                  {c.verdict && <span className={`verdict verdict-${c.verdict}`}>{c.verdict}</span>}
                  <span>
                    {c.counts.supportingOrigins}{' '}
                    {c.counts.supportingOrigins === 1 ? 'origin' : 'origins'} · {c.counts.reports}{' '}
                    {c.counts.reports === 1 ? 'report' : 'reports'} · {c.counts.outlets}{' '}
                    {c.counts.outlets === 1 ? 'outlet' : 'outlets'}
                  </span>
                  {c.openWarnings > 0 && <span className="warn-dot">⚠ {c.openWarnings}</span>}
                </span>
                {c.tags.length > 0 && (
                  <span className="tags">{c.tags.map((t) => `#${t}`).join(' ')}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {claimId !== null ? (
        <ClaimDetailPanel />
      ) : (
        <section className="claim-detail empty-detail">
          Choose a claim, or create one from a passage in a report.
        </section>
      )}
    </main>
  );
}
