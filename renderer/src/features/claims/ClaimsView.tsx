import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimSort, ClaimSummary } from '../../../../shared/api.ts';
import { STATUS_ATTENTION_ORDER } from '../../../../shared/claim-list.ts';
import { STATUS_LABEL, type ClaimStatus } from '../../../../shared/corroboration.ts';
import { useDesk } from '../../store/index.ts';
import { StatusBadge } from '../../ui/grades.tsx';
import { VirtualList, type ListGroup, type VirtualListHandle } from '../../ui/VirtualList.tsx';
import { ClaimDetailPanel } from './ClaimDetail.tsx';
import './claims.css';

/** How long typing in the filter must pause before the desk is asked. */
const FILTER_DELAY_MS = 150;
/** The next page is asked for when a row this close to the end is drawn. */
const PAGE_AHEAD = 20;

const claimKey = (c: ClaimSummary): number => c.id;

export function ClaimsView() {
  const claims = useDesk((s) => s.claims);
  const claimsTotal = useDesk((s) => s.claimsTotal);
  const claimCount = useDesk((s) => s.claimCount);
  const claimsNext = useDesk((s) => s.claimsNext);
  const query = useDesk((s) => s.claimsQuery);
  const loadClaims = useDesk((s) => s.loadClaims);
  const loadMoreClaims = useDesk((s) => s.loadMoreClaims);
  const claimId = useDesk((s) => s.claimId);
  const openClaim = useDesk((s) => s.openClaim);
  const createClaim = useDesk((s) => s.createClaim);
  const [filter, setFilter] = useState(query.filter.text ?? '');
  const [draft, setDraft] = useState('');
  const nav = useRef<HTMLElement>(null);
  const list = useRef<VirtualListHandle>(null);
  /** The claim whose row takes the focus once it is open (moved to with an arrow key). */
  const pendingFocus = useRef<number | null>(null);

  // Loaded when the view opens, in the order and filter it was left in.
  useEffect(() => {
    void loadClaims();
  }, [loadClaims]);
  // Typing in the filter asks the desk once it pauses.
  useEffect(() => {
    if (filter === (useDesk.getState().claimsQuery.filter.text ?? '')) return;
    const timer = setTimeout(() => {
      const { sort, filter: current } = useDesk.getState().claimsQuery;
      void loadClaims({ sort, filter: { ...current, text: filter || undefined } });
    }, FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [filter, loadClaims]);

  // A #tag typed whole in the filter (one the listed claims have): its claims' matrix is one
  // click away.
  const filterTags = useMemo(() => {
    const listed = new Set(claims.flatMap((c) => c.tags));
    return [...filter.matchAll(/#([^\s#,]+)/g)]
      .map((m) => (m[1] as string).toLowerCase())
      .filter((t) => listed.has(t));
  }, [filter, claims]);
  const showExport = useDesk((s) => s.showExport);

  const groups = useMemo(
    (): ListGroup<ClaimSummary>[] => [{ key: 'claims', items: claims }],
    [claims],
  );
  // Rows near the end of what is loaded ask for the next page as they are drawn.
  const pageFrom = claimsNext === null ? Infinity : claims.length - PAGE_AHEAD;
  const position = useMemo(() => new Map(claims.map((c, i) => [c.id, i])), [claims]);
  // The open claim's row stays drawn wherever the list is scrolled, so that it can hold the focus.
  const keep = useMemo(() => (claimId === null ? [] : [claimId]), [claimId]);

  /** ArrowUp/ArrowDown on a row open the claim above or below it, and move the focus there. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-claim-id]');
    const at = row ? position.get(Number(row.dataset.claimId)) : undefined;
    if (at === undefined) return;
    const next = claims[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    pendingFocus.current = next.id;
    list.current?.scrollToKey(next.id);
    void openClaim(next.id);
  };
  useEffect(() => {
    if (claimId === null || pendingFocus.current !== claimId) return;
    pendingFocus.current = null;
    nav.current
      ?.querySelector<HTMLElement>(`[data-claim-id="${claimId}"]`)
      ?.focus({ preventScroll: true });
  }, [claimId]);
  const renderItem = useCallback(
    (c: ClaimSummary) => (
      <ClaimRow
        claim={c}
        current={c.id === claimId}
        onOpen={openClaim}
        onShown={(position.get(c.id) ?? 0) >= pageFrom ? loadMoreClaims : undefined}
      />
    ),
    [claimId, openClaim, position, pageFrom, loadMoreClaims],
  );

  return (
    <main className="workspace claims-view">
      <nav ref={nav} className="claim-list" aria-label="Claims" onKeyDown={onKeyDown}>
        <form
          className="new-claim"
          onSubmit={(e) => {
            e.preventDefault();
            const text = draft.trim();
            if (!text) return;
            // Cleared at once, so what the analyst types next is never wiped when the desk
            // answers; given back if the claim could not be made.
            setDraft('');
            void createClaim({ text, tags: [] }).then(
              (claim) => claim || setDraft((typed) => typed || text),
            );
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
            value={query.filter.status ?? ''}
            onChange={(e) =>
              void loadClaims({
                ...query,
                filter: { ...query.filter, status: (e.target.value || undefined) as ClaimStatus },
              })
            }
          >
            <option value="">Any status</option>
            {STATUS_ATTENTION_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
          <select
            aria-label="Sort claims"
            value={query.sort}
            onChange={(e) => void loadClaims({ ...query, sort: e.target.value as ClaimSort })}
          >
            <option value="recent">Recently changed</option>
            <option value="status">Needs attention first</option>
            <option value="origins">Most origins for, fewest against</option>
            <option value="text">A–Z</option>
          </select>
        </div>
        <div className="claim-list-head">
          <h2>
            {claimsTotal.toLocaleString('en')} of {claimCount.toLocaleString('en')} claims
          </h2>
          {filterTags.length > 0 && (
            <button
              type="button"
              className="link matrix-of-tags"
              onClick={() => showExport(true, { format: 'matrix-html', tags: filterTags })}
              title="The claims tagged so (rows) × the reports their evidence comes from, as a file"
            >
              Claim matrix of {filterTags.map((t) => `#${t}`).join(', ')}
            </button>
          )}
        </div>
        <VirtualList
          groups={groups}
          itemKey={claimKey}
          renderItem={renderItem}
          estimateItem={76}
          keep={keep}
          handle={list}
        />
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

/** One claim in the list; redrawn only when its summary or its being open changes. */
const ClaimRow = memo(function ClaimRow({
  claim: c,
  current,
  onOpen,
  onShown,
}: {
  claim: ClaimSummary;
  current: boolean;
  onOpen: (id: number) => Promise<void>;
  onShown?: () => Promise<void>;
}) {
  useEffect(() => {
    if (onShown) void onShown();
  }, [onShown]);
  return (
    <button
      type="button"
      className={`claim-item${current ? ' current' : ''}`}
      data-claim-id={c.id}
      aria-current={current ? 'true' : undefined}
      onClick={() => void onOpen(c.id)}
    >
      <span className="claim-text">{c.text}</span>
      <span className="claim-meta">
        <StatusBadge status={c.status} />
        {c.verdict && <span className={`verdict verdict-${c.verdict}`}>{c.verdict}</span>}
        <span>
          <span title="Independent origins supporting and contradicting the claim">
            {c.counts.supportingOrigins} for · {c.counts.contradictingOrigins} against
          </span>{' '}
          · {c.counts.reports} {c.counts.reports === 1 ? 'report' : 'reports'} · {c.counts.outlets}{' '}
          {c.counts.outlets === 1 ? 'outlet' : 'outlets'}
        </span>
        {c.openWarnings > 0 && <span className="warn-dot">⚠ {c.openWarnings}</span>}
      </span>
      {c.tags.length > 0 && <span className="tags">{c.tags.map((t) => `#${t}`).join(' ')}</span>}
    </button>
  );
});
