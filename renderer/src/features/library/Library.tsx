import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReportListItem, ReportOrder, SearchHit } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { formatDate } from '../../ui/format.ts';
import { VirtualList, type ListGroup, type VirtualListHandle } from '../../ui/VirtualList.tsx';
import { CompareToggle, CompareTray } from '../compare/ComparePick.tsx';
import { Snippet } from './Snippet.tsx';

/**
 * Reports grouped by outlet, or search hits while a query is typed. The library stays mounted
 * (hidden) under a search, so clearing the search only shows it again.
 */
export function Library() {
  const hits = useDesk((s) => s.hits);
  return (
    <>
      <ReportLibrary hidden={hits !== null} />
      {hits && <SearchResults hits={hits} />}
    </>
  );
}

/** Claims and passage notes matching the query: the analyst's own words, above the reports. */
function OwnWords() {
  const claims = useDesk((s) => s.claimHits);
  const notes = useDesk((s) => s.noteHits);
  const setView = useDesk((s) => s.setView);
  const openClaim = useDesk((s) => s.openClaim);
  const openPassage = useDesk((s) => s.openPassage);
  if (claims.length === 0 && notes.length === 0) return null;
  return (
    <div className="own-words">
      {claims.length > 0 && (
        <section aria-label="Matching claims">
          <h2>
            Claims <span className="count">{claims.length}</span>
          </h2>
          <ul>
            {claims.map((c) => (
              <li key={c.claimId}>
                <button
                  type="button"
                  className="report-item"
                  onClick={() => {
                    setView('claims');
                    void openClaim(c.claimId);
                  }}
                >
                  <Snippet text={c.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section aria-label="Matching notes">
          <h2>
            Notes <span className="count">{notes.length}</span>
          </h2>
          <ul>
            {notes.map((n) => (
              <li key={n.passageId}>
                <button
                  type="button"
                  className="report-item"
                  onClick={() => void openPassage(n.reportId, n.passageId)}
                >
                  <span className="meta">{n.title}</span>
                  <Snippet text={n.snippet} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const reportKey = (id: number): number => id;
/** Rows asked for beyond those drawn, each way, so a scroll finds its next rows already there. */
const AHEAD = 100;
const hitKey = (h: SearchHit): number => h.reportId;

function ReportLibrary({ hidden }: { hidden: boolean }) {
  const ids = useDesk((s) => s.reportIds);
  const outlets = useDesk((s) => s.outlets);
  const rows = useDesk((s) => s.reportRows);
  const showReports = useDesk((s) => s.showReports);
  const reportId = useDesk((s) => s.reportId);
  const openReport = useDesk((s) => s.openReport);
  const groups = useMemo(() => groupByOutlet(ids, outlets), [ids, outlets]);
  const { nav, list, keep, onFocus, onKeyDown, position } = useListKeys(ids);
  // The rows in view and a screenful either way are asked for; the desk sends only those.
  const onRangeChange = useCallback(
    (drawn: readonly number[]) => {
      const first = position.get(drawn[0] as number) ?? 0;
      const last = position.get(drawn.at(-1) as number) ?? first;
      void showReports(ids.slice(Math.max(0, first - AHEAD), last + AHEAD + 1));
    },
    [ids, position, showReports],
  );
  useEffect(() => {
    // Back from a search, the report opened there is in view.
    const open = useDesk.getState().reportId;
    if (!hidden && open !== null) list.current?.scrollToKey(open);
  }, [hidden, list]);
  const renderItem = useCallback(
    (id: number) => (
      <ReportRow id={id} report={rows.get(id)} current={id === reportId} onOpen={openReport} />
    ),
    [rows, reportId, openReport],
  );
  return (
    <nav
      ref={nav}
      className="library"
      aria-label="Library"
      hidden={hidden}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <VirtualList
        groups={groups}
        itemKey={reportKey}
        renderItem={renderItem}
        estimateItem={74}
        estimateHeader={33}
        stickyHeaders
        keep={keep}
        handle={list}
        onRangeChange={onRangeChange}
      />
      <CompareTray />
    </nav>
  );
}

function SearchResults({ hits }: { hits: SearchHit[] }) {
  const hitTotal = useDesk((s) => s.hitTotal);
  const hitQuery = useDesk((s) => s.hitQuery);
  const reportId = useDesk((s) => s.reportId);
  const openReport = useDesk((s) => s.openReport);
  const ids = useMemo(() => hits.map((h) => h.reportId), [hits]);
  const { nav, list, keep, onFocus, onKeyDown } = useListKeys(ids);
  const groups = useMemo(
    (): ListGroup<SearchHit>[] => [
      {
        key: 'hits',
        header: (
          <h2>
            {hitTotal === 0
              ? 'No report matches'
              : `${hitTotal.toLocaleString('en')} ${hitTotal === 1 ? 'report matches' : 'reports match'}`}{' '}
            “{hitQuery}”
            {hitTotal > hits.length && (
              <span className="count"> · the best {hits.length} shown</span>
            )}
          </h2>
        ),
        items: hits,
      },
    ],
    [hits, hitTotal, hitQuery],
  );
  const renderItem = useCallback(
    (hit: SearchHit) => (
      <HitRow hit={hit} current={hit.reportId === reportId} onOpen={openReport} />
    ),
    [reportId, openReport],
  );
  return (
    <nav
      ref={nav}
      className="library"
      aria-label="Search results"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <OwnWords />
      <VirtualList
        groups={groups}
        itemKey={hitKey}
        renderItem={renderItem}
        estimateItem={92}
        estimateHeader={40}
        stickyHeaders
        keep={keep}
        handle={list}
      />
      <CompareTray />
    </nav>
  );
}

/**
 * ArrowUp/ArrowDown move focus through the reports in list order. Rows out of view are not in the
 * page, so the next one is found by its place in `ids`, scrolled to, kept drawn, then focused.
 */
function useListKeys(ids: readonly number[]) {
  const nav = useRef<HTMLElement>(null);
  const list = useRef<VirtualListHandle>(null);
  const [focusId, setFocusId] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const position = useMemo(() => new Map(ids.map((id, i) => [id, i])), [ids]);
  const keep = useMemo(() => (focusId === null ? [] : [focusId]), [focusId]);

  useEffect(() => {
    if (focusId === null || pendingFocus.current !== focusId) return;
    pendingFocus.current = null;
    nav.current
      ?.querySelector<HTMLElement>(`[data-report-id="${focusId}"]`)
      ?.focus({ preventScroll: true });
  }, [focusId]);

  const onFocus = (event: React.FocusEvent<HTMLElement>): void => {
    const id = reportIdOf(event.target);
    if (id !== null) setFocusId(id);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const id = reportIdOf(event.target as HTMLElement);
    const at = id === null ? undefined : position.get(id);
    if (at === undefined) return;
    const next = ids[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next === undefined) return;
    event.preventDefault();
    pendingFocus.current = next;
    setFocusId(next);
    list.current?.scrollToKey(next);
  };
  return { nav, list, keep, onFocus, onKeyDown, position };
}

function reportIdOf(element: HTMLElement): number | null {
  const id = element.closest<HTMLElement>('[data-report-id]')?.dataset.reportId;
  return id === undefined ? null : Number(id);
}

/** A report's button in a list: opens it, and says whether it is the one open. */
function ReportButton({
  id,
  current,
  onOpen,
  loading = false,
  children,
}: {
  id: number;
  current: boolean;
  onOpen: (id: number) => Promise<void>;
  loading?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className={`report-item${current ? ' current' : ''}${loading ? ' loading' : ''}`}
      aria-busy={loading || undefined}
      aria-current={current ? 'true' : undefined}
      data-report-id={id}
      onClick={() => void onOpen(id)}
    >
      {children}
    </button>
  );
}

/**
 * One report in the library; redrawn only when the report or whether it is open changes. Until its
 * row arrives it is drawn as a placeholder of the same height that already opens the report.
 */
const ReportRow = memo(function ReportRow({
  id,
  report: r,
  current,
  onOpen,
}: {
  id: number;
  report: ReportListItem | undefined;
  current: boolean;
  onOpen: (id: number) => Promise<void>;
}) {
  if (!r)
    return (
      <ReportButton id={id} current={current} onOpen={onOpen} loading>
        <span className="title">Loading…</span>
        <span className="meta">&nbsp;</span>
        <span className="meta">&nbsp;</span>
      </ReportButton>
    );
  return (
    // The compare toggle sits beside the row's button, not in it (no button in a button).
    <div className="report-row">
      <ReportButton id={r.id} current={current} onOpen={onOpen}>
        <span className="title" id={`report-title-${r.id}`}>
          {r.title}
        </span>
        <span className="meta">
          {r.publishedAt ? formatDate(r.publishedAt) : 'Undated'}
          {r.byline ? ` · ${r.byline}` : ''}
        </span>
        <span className="meta">
          {r.passageCount === 0
            ? 'No passages'
            : `${r.passageCount.toLocaleString('en')} ${r.passageCount === 1 ? 'passage' : 'passages'}`}
        </span>
      </ReportButton>
      <CompareToggle reportId={r.id} titleId={`report-title-${r.id}`} />
    </div>
  );
});

const HitRow = memo(function HitRow({
  hit,
  current,
  onOpen,
}: {
  hit: SearchHit;
  current: boolean;
  onOpen: (id: number) => Promise<void>;
}) {
  return (
    // A search is one way to find the reports to compare: each hit has the library rows' toggle.
    <div className="report-row">
      <ReportButton id={hit.reportId} current={current} onOpen={onOpen}>
        <span className="title" id={`hit-title-${hit.reportId}`}>
          {hit.title}
        </span>
        <span className="meta">{hit.outlet ?? 'No outlet'}</span>
        <Snippet text={hit.snippet} />
      </ReportButton>
      <CompareToggle reportId={hit.reportId} titleId={`hit-title-${hit.reportId}`} />
    </div>
  );
});

/** The outlets' runs over the library's order, as groups of report ids: linear in the reports. */
function groupByOutlet(
  ids: readonly number[],
  outlets: ReportOrder['outlets'],
): ListGroup<number>[] {
  let at = 0;
  return outlets.map(({ name, count }) => {
    const outlet = name ?? 'No outlet';
    const items = ids.slice(at, (at += count));
    return {
      key: outlet,
      label: outlet,
      header: (
        <h2>
          {outlet} <span className="count">{count.toLocaleString('en')}</span>
        </h2>
      ),
      items,
    };
  });
}
