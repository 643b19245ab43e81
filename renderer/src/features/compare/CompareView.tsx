import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Stance } from '../../../../shared/corroboration.ts';
import { useDesk, type CompareColumn } from '../../store/index.ts';
import { formatDate } from '../../ui/format.ts';
import { PassagePanel } from '../reader/PassagePanel.tsx';
import { ClaimMatrix } from './ClaimMatrix.tsx';
import {
  offsetAtPoint,
  paragraphsOf,
  rangeFor,
  selectedRange,
  splitLines,
  staticRangeFor,
} from '../reader/text-dom.ts';
import {
  alignAnchor,
  CLAIM_COLOURS,
  claimKeys,
  firstPassageOf,
  gutterTicks,
  markedPassages,
  nextShared,
  sharedClaims,
  type ClaimKey,
  type MarkedPassage,
} from './compare-model.ts';
import './compare.css';

/** Highlight layers: one per palette colour, passages that are not evidence, and the focused claim. */
const COLOUR_LAYERS = Array.from({ length: CLAIM_COLOURS }, (_, i) => `compare-c${i}`);
const PLAIN = 'compare-plain';
const FOCUS = 'compare-focus';
const SELECTED = 'compare-selected';
const LAYERS = [...COLOUR_LAYERS, PLAIN, FOCUS, SELECTED];
/** How a marker says what its passage is to the claim (its shape says it too). */
const STANCE_WORD: Record<Stance, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'context only',
};
/** A scroll is over when the column has not moved for this long. */
const SCROLL_END_MS = 140;
/** Where a passage jumped to stands: a quarter down the column, with what leads to it above. */
const JUMP_AT = 0.25;

/** Two or three reports side by side, passages of the same claim in the same colour and number. */
export function CompareView() {
  const picked = useDesk((s) => s.comparePicked);
  const columns = useDesk((s) => s.compareColumns);
  const compareReports = useDesk((s) => s.compareReports);
  const reloadCompareColumn = useDesk((s) => s.reloadCompareColumn);
  const readerReportId = useDesk((s) => s.reportId);
  const readerPassages = useDesk((s) => s.passages);
  const selectedPassageId = useDesk((s) => s.selectedPassageId);

  // The picked reports are loaded once per set of picks (the tab opens on them).
  const requested = useRef('');
  useEffect(() => {
    const key = picked.join(',');
    const shown = columns.map((c) => c.reportId).join(',');
    if (picked.length >= 2 && key !== shown && key !== requested.current) {
      requested.current = key;
      void compareReports(picked);
    }
  }, [picked, columns, compareReports]);

  // A passage made, linked or deleted through the passage panel: its column is read again.
  const seenPassages = useRef(readerPassages);
  useEffect(() => {
    if (seenPassages.current === readerPassages) return;
    seenPassages.current = readerPassages;
    if (readerReportId !== null) void reloadCompareColumn(readerReportId);
  }, [readerPassages, readerReportId, reloadCompareColumn]);

  // An undo or redo may have touched any compared report's passages or evidence.
  const undoNotice = useDesk((s) => s.undoNotice);
  useEffect(() => {
    if (!undoNotice) return;
    for (const c of useDesk.getState().compareColumns) void reloadCompareColumn(c.reportId);
  }, [undoNotice, reloadCompareColumn]);

  if (columns.length < 2) return <CompareStart loading={picked.length >= 2} />;
  return (
    <CompareColumns
      columns={columns}
      selected={{ reportId: readerReportId, passageId: selectedPassageId }}
    />
  );
}

/** No compare yet: how to pick reports. */
function CompareStart({ loading }: { loading: boolean }) {
  const setView = useDesk((s) => s.setView);
  const picked = useDesk((s) => s.comparePicked);
  if (loading)
    return (
      <main className="compare-start" aria-busy="true">
        <p className="muted">Opening the reports side by side…</p>
      </main>
    );
  return (
    <main className="compare-start">
      <h1>Compare reports side by side</h1>
      <p>
        Pick two or three reports with <strong>Compare</strong> on their rows in the library, or
        open a claim and choose <strong>Compare these reports</strong>. Passages that are evidence
        for the same claim take the same colour and number in every column.
      </p>
      <p className="muted">
        {picked.length === 0 ? 'No report picked yet.' : `${picked.length} picked: pick one more.`}
      </p>
      <button type="button" className="primary" onClick={() => setView('reports')}>
        Go to the library
      </button>
    </main>
  );
}

/** What a column's parent needs to reach in it: the scrolling box and the drawn text. */
interface ColumnElements {
  scroller: HTMLDivElement | null;
  article: HTMLElement | null;
}

function CompareColumns({
  columns,
  selected,
}: {
  columns: CompareColumn[];
  selected: { reportId: number | null; passageId: number | null };
}) {
  const compareReports = useDesk((s) => s.compareReports);
  const focusCompareReport = useDesk((s) => s.focusCompareReport);
  const createPassage = useDesk((s) => s.createPassage);
  const selectPassage = useDesk((s) => s.selectPassage);
  const [hoverClaim, setHoverClaim] = useState<number | null>(null);
  const [activeClaim, setActiveClaim] = useState<number | null>(null);
  const [align, setAlign] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const [tab, setTab] = useState<'text' | 'matrix'>('text');
  const [selectionIn, setSelectionIn] = useState<number | null>(null);
  const elements = useRef<ColumnElements[]>([]);
  /** Columns being scrolled by the view itself (align, jump): their scroll end does not align. */
  const steered = useRef(new Set<number>());

  const keys = useMemo(
    () =>
      claimKeys(
        columns.map((c) => ({
          reportId: c.reportId,
          textLength: c.text.length,
          passages: c.passages,
          claimsByPassage: c.claimsByPassage,
        })),
      ),
    [columns],
  );
  const keyById = useMemo(() => new Map(keys.map((k) => [k.claimId, k])), [keys]);
  const shared = useMemo(() => sharedClaims(keys), [keys]);
  const sharedIds = useMemo(() => new Set(shared.map((k) => k.claimId)), [shared]);
  const marked = useMemo(
    () =>
      columns.map((c) =>
        markedPassages(
          {
            reportId: c.reportId,
            textLength: c.text.length,
            passages: c.passages,
            claimsByPassage: c.claimsByPassage,
          },
          keyById,
        ),
      ),
    [columns, keyById],
  );
  const focusClaim = hoverClaim ?? activeClaim;

  // Drawn again when the columns come back from the matrix (new elements, same data).
  useCompareHighlights(elements, columns, marked, focusClaim, selected, tab);

  /** Scrolls a column so that a passage's top stands `offset` pixels below the column's top. */
  const scrollColumnTo = useCallback(
    (at: number, passageId: number, offset?: number, smooth = true) => {
      const el = elements.current[at];
      const passage = marked[at]?.find((p) => p.passageId === passageId);
      if (!el?.scroller || !el.article || !passage) return;
      const top = passageTop(el.scroller, el.article, passage);
      if (top === null) return;
      const target = Math.max(0, top - (offset ?? el.scroller.clientHeight * JUMP_AT));
      if (Math.abs(target - el.scroller.scrollTop) < 2) return;
      steered.current.add(at);
      el.scroller.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    },
    [marked],
  );

  /** Every column that has the claim shows its first passage of it. */
  const showClaim = useCallback(
    (claimId: number) => {
      setActiveClaim(claimId);
      marked.forEach((m, at) => {
        const passageId = firstPassageOf(m, claimId);
        if (passageId !== null) scrollColumnTo(at, passageId);
      });
    },
    [marked, scrollColumnTo],
  );

  const nextSharedClaim = useCallback(() => {
    const next = nextShared(shared, activeClaim);
    if (next) showClaim(next.claimId);
  }, [shared, activeClaim, showClaim]);

  /** After the analyst scrolls a column, the others bring its first shared passage level. */
  const onScrollEnd = useCallback(
    (at: number) => {
      if (steered.current.delete(at) || !align) return;
      const el = elements.current[at];
      const m = marked[at];
      if (!el?.scroller || !el.article || !m) return;
      const tops = new Map<number, number>();
      for (const p of m) {
        const top = p.claims.length > 0 ? passageTop(el.scroller, el.article, p) : null;
        if (top !== null) tops.set(p.passageId, top);
      }
      const anchor = alignAnchor(m, tops, el.scroller.scrollTop, sharedIds);
      if (!anchor) return;
      marked.forEach((other, j) => {
        if (j === at) return;
        const passageId = firstPassageOf(other, anchor.claimId);
        if (passageId !== null) scrollColumnTo(j, passageId, anchor.offset, false);
      });
    },
    [align, marked, sharedIds, scrollColumnTo],
  );

  /** The column the selection is in, if any: read when asked (a key may beat the event). */
  const selectionColumn = useCallback((): number | null => {
    const found = columns.findIndex((c, at) => {
      const article = elements.current[at]?.article;
      return article ? selectedRange(article, c.text) !== null : false;
    });
    return found < 0 ? null : found;
  }, [columns]);

  // The passage tools are offered while words of a column are selected.
  useEffect(() => {
    const onSelectionChange = (): void => setSelectionIn(selectionColumn());
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [selectionColumn]);

  /** The reader's passage flow, on the column's report: the passage, then its panel beside. */
  const highlightSelection = useCallback(async () => {
    const at = selectionColumn();
    if (at === null) return;
    const column = columns[at];
    const article = elements.current[at]?.article;
    if (!column || !article) return;
    const range = selectedRange(article, column.text);
    if (!range) return;
    await focusCompareReport(column.reportId);
    const passage = await createPassage(
      range.start,
      range.end,
      column.text.slice(range.start, range.end),
    );
    if (passage) {
      window.getSelection()?.removeAllRanges();
      setDrawer(true);
    }
  }, [selectionColumn, columns, focusCompareReport, createPassage]);

  const openPassage = useCallback(
    async (reportId: number, passageId: number) => {
      await focusCompareReport(reportId);
      selectPassage(passageId);
      setDrawer(true);
    },
    [focusCompareReport, selectPassage],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable]')) return;
      if (document.querySelector('[aria-modal="true"]') || tab !== 'text') return;
      const key = event.key.toLowerCase();
      if (key === 'h' && selectionColumn() !== null) {
        event.preventDefault();
        void highlightSelection();
      } else if (key === 'j') {
        event.preventDefault();
        nextSharedClaim();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectionColumn, highlightSelection, nextSharedClaim, tab]);

  const remove = (reportId: number): void =>
    void compareReports(columns.map((c) => c.reportId).filter((id) => id !== reportId));

  return (
    <main
      className={`compare cols-${columns.length}${drawer ? ' with-drawer' : ''}`}
      aria-label="Compare reports"
    >
      <div className="compare-toolbar" role="toolbar" aria-label="Compare tools">
        <div className="compare-tabs" role="tablist" aria-label="Compare as">
          {(
            [
              ['text', 'Side by side'],
              ['matrix', 'Claim matrix'],
            ] as const
          ).map(([key, label]) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={tab === key ? 'tab current' : 'tab'}
              onClick={() => setTab(key)}
            >
              {label}
            </button>
          ))}
        </div>
        {tab === 'text' && (
          <>
            <button
              type="button"
              className="primary"
              disabled={selectionIn === null}
              onClick={() => void highlightSelection()}
            >
              Highlight selection <kbd>H</kbd>
            </button>
            <button
              type="button"
              disabled={shared.length === 0}
              onClick={nextSharedClaim}
              title={
                shared.length === 0
                  ? 'No claim has evidence in two of these reports yet'
                  : 'Every column shows the next claim two reports or more share (J)'
              }
            >
              Next shared claim <kbd>J</kbd>
            </button>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={align}
                onChange={(e) => setAlign(e.target.checked)}
              />
              Align matched passages
            </label>
            <span className="stance-key" aria-label="Marker shapes">
              <span className="claim-marker claim-c7 stance-supports">1</span> supports
              <span className="claim-marker claim-c7 stance-contradicts">1</span> contradicts
              <span className="claim-marker claim-c7 stance-context">1</span> context
            </span>
            <span className="hint">
              {shared.length === 0
                ? 'No shared claim yet: select words in a column to make a passage.'
                : `${shared.length} shared ${shared.length === 1 ? 'claim' : 'claims'} of ${keys.length}`}
            </span>
          </>
        )}
      </div>
      {tab === 'matrix' ? (
        <ClaimMatrix
          columns={columns}
          keys={keys}
          onShowClaim={(claimId) => {
            setTab('text');
            // The columns are drawn again first: the jump measures them.
            requestAnimationFrame(() => showClaim(claimId));
          }}
        />
      ) : (
        <>
          <ClaimLegend
            keys={keys}
            columns={columns.length}
            focus={focusClaim}
            onHover={setHoverClaim}
            onShow={showClaim}
          />
          <div className="compare-body">
            <div className="compare-columns">
              {columns.map((column, at) => (
                <ReportColumn
                  key={column.reportId}
                  column={column}
                  marked={marked[at] ?? []}
                  focusClaim={focusClaim}
                  canRemove={columns.length > 2}
                  register={(el) => {
                    elements.current[at] = el;
                  }}
                  onHover={setHoverClaim}
                  onShowClaim={showClaim}
                  onScrollEnd={() => onScrollEnd(at)}
                  onJump={(passageId, claimId) => {
                    setActiveClaim(claimId);
                    scrollColumnTo(at, passageId);
                  }}
                  onOpenPassage={(passageId) => void openPassage(column.reportId, passageId)}
                  onRemove={() => remove(column.reportId)}
                />
              ))}
            </div>
            {drawer && (
              <PassageDrawer
                columns={columns}
                onClose={() => {
                  setDrawer(false);
                  selectPassage(null);
                }}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}

/** The claims in these reports, each with its number and colour, and how many reports have it. */
function ClaimLegend({
  keys,
  columns,
  focus,
  onHover,
  onShow,
}: {
  keys: ClaimKey[];
  columns: number;
  focus: number | null;
  onHover: (claimId: number | null) => void;
  onShow: (claimId: number) => void;
}) {
  if (keys.length === 0) return null;
  return (
    <ul className="compare-legend" aria-label="Claims in these reports">
      {keys.map((k) => (
        <li key={k.claimId}>
          <button
            type="button"
            className={`legend-claim${k.claimId === focus ? ' focused' : ''}${k.columns.length >= 2 ? ' shared' : ''}`}
            data-claim-id={k.claimId}
            onMouseEnter={() => onHover(k.claimId)}
            onMouseLeave={() => onHover(null)}
            onFocus={() => onHover(k.claimId)}
            onBlur={() => onHover(null)}
            onClick={() => onShow(k.claimId)}
            title={`${k.text} — in ${k.columns.length} of ${columns} reports`}
          >
            <ClaimBadge claim={k} />
            <span className="legend-text">{k.text}</span>
            <span className="legend-reach">
              {k.columns.length}/{columns}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A claim's number on its colour: the marker shared by its passages in every column. */
function ClaimBadge({ claim }: { claim: ClaimKey }) {
  return (
    <span
      className={`claim-badge claim-c${claim.colour}`}
      data-colour={claim.colour}
      aria-hidden="true"
    >
      {claim.number}
    </span>
  );
}

/** The passage panel of the reader, for the report the passage is in, beside the columns. */
function PassageDrawer({ columns, onClose }: { columns: CompareColumn[]; onClose: () => void }) {
  const reportId = useDesk((s) => s.reportId);
  const column = columns.find((c) => c.reportId === reportId);
  if (!column) return null;
  return (
    <div className="compare-drawer" role="complementary" aria-label="Passages of the report">
      <header>
        <span className="drawer-title">{column.report?.title ?? 'Report'}</span>
        <button
          type="button"
          className="link"
          onClick={onClose}
          aria-label="Close the passage panel"
        >
          ×
        </button>
      </header>
      <PassagePanel />
    </div>
  );
}

/** The report's text, one paragraph a line, as the reader draws it (text-dom.ts reads it so). */
const ColumnText = memo(function ColumnText({ text }: { text: string }) {
  const lines = useMemo(() => splitLines(text), [text]);
  return (
    <>
      {lines.map((line) =>
        line.text === '' ? (
          <div key={line.start} className="section-break" aria-hidden="true" />
        ) : (
          <p key={line.start} data-start={line.start}>
            {line.text}
          </p>
        ),
      )}
    </>
  );
});

/** Where a passage's badge and outline go, inside the column's page. */
interface Placed {
  passage: MarkedPassage;
  top: number;
  /** How far from the page's right edge the badges end: just left of the text's first line. */
  right: number;
  boxes: { top: number; left: number; width: number; height: number }[];
}

function ReportColumn({
  column,
  marked,
  focusClaim,
  canRemove,
  register,
  onHover,
  onShowClaim,
  onScrollEnd,
  onJump,
  onOpenPassage,
  onRemove,
}: {
  column: CompareColumn;
  marked: MarkedPassage[];
  focusClaim: number | null;
  canRemove: boolean;
  register: (elements: ColumnElements) => void;
  onHover: (claimId: number | null) => void;
  onShowClaim: (claimId: number) => void;
  onScrollEnd: () => void;
  onJump: (passageId: number, claimId: number) => void;
  onOpenPassage: (passageId: number) => void;
  onRemove: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const page = useRef<HTMLDivElement>(null);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const scrollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hovered = useRef<number | null>(null);
  const { report, text } = column;
  const withClaims = useMemo(() => marked.filter((p) => p.claims.length > 0), [marked]);
  const ticks = useMemo(() => gutterTicks(withClaims, text.length), [withClaims, text.length]);

  useLayoutEffect(() => {
    register({ scroller: scroller.current, article: article.current });
  });

  // Badges and outlines are placed from the drawn text, again when the column's width changes.
  useLayoutEffect(() => {
    const element = article.current;
    const box = page.current;
    if (!element || !box) return;
    const place = (): void => {
      const origin = box.getBoundingClientRect();
      const paragraphs = paragraphsOf(element);
      // The text stands centred in a wide column: the badges go in its margin, next to it.
      const textLeft = paragraphs[0]?.getBoundingClientRect().left ?? origin.left;
      const edge = origin.right - textLeft + 4;
      let lastTop = -Infinity;
      let shift = 0;
      let lastWidth = 0;
      const next: Placed[] = [];
      for (const passage of withClaims) {
        const range = rangeFor(element, passage.start, passage.end, paragraphs);
        const rects = range ? Array.from(range.getClientRects()).filter((r) => r.width > 1) : [];
        const first = rects[0];
        if (!first) continue;
        const top = first.top - origin.top;
        // Two passages starting on one line: the second's badges stand left of the first's.
        shift = Math.abs(top - lastTop) < 8 ? shift + lastWidth : 0;
        lastWidth = passage.claims.length * 21;
        lastTop = top;
        next.push({
          passage,
          top,
          right: edge + shift,
          boxes: rects.map((r) => ({
            top: r.top - origin.top,
            left: r.left - origin.left,
            width: r.width,
            height: r.height,
          })),
        });
      }
      setPlaced(next);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(element);
    return () => observer.disconnect();
  }, [withClaims, text]);

  /** The claim under the pointer in the text outlines its passages in every column. */
  const onMouseMove = (event: React.MouseEvent): void => {
    const element = article.current;
    if (!element) return;
    const offset = offsetAtPoint(element, event.clientX, event.clientY);
    const hit =
      offset === null ? undefined : withClaims.find((p) => p.start <= offset && offset < p.end);
    const claimId = hit?.claims[0]?.claimId ?? null;
    if (claimId !== hovered.current) {
      hovered.current = claimId;
      onHover(claimId);
    }
  };

  /** A click (not a drag) on a passage opens it in the passage panel. */
  const onClick = (event: React.MouseEvent): void => {
    const element = article.current;
    if (!element || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(element, event.clientX, event.clientY);
    if (offset === null) return;
    const hits = marked.filter((p) => p.start <= offset && offset < p.end);
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    if (hits[0]) onOpenPassage(hits[0].passageId);
  };

  const claimCount = new Set(withClaims.flatMap((p) => p.claims.map((k) => k.claimId))).size;
  return (
    <section
      className="compare-column"
      aria-label={`Report: ${report?.title ?? 'loading'}`}
      data-report-id={column.reportId}
    >
      <header className="compare-column-header">
        <h2 title={report?.title}>{report?.title ?? 'Loading…'}</h2>
        <p className="report-meta">
          <span className="outlet">{report?.outlet ?? 'No outlet'}</span>
          <span>{report?.publishedAt ? formatDate(report.publishedAt) : 'Undated'}</span>
          <span>
            {claimCount} {claimCount === 1 ? 'claim' : 'claims'}
          </span>
          {column.unasked > 0 && (
            <span className="warn">{column.unasked} more passages’ claims not shown</span>
          )}
        </p>
        {canRemove && (
          <button
            type="button"
            className="link column-remove"
            onClick={onRemove}
            aria-label={`Take “${report?.title ?? 'this report'}” out of the compare`}
            title="Take out of the compare"
          >
            ×
          </button>
        )}
      </header>
      <div className="compare-column-body">
        <div
          ref={scroller}
          className="compare-scroll"
          data-testid="compare-scroll"
          onScroll={() => {
            if (scrollTimer.current) clearTimeout(scrollTimer.current);
            scrollTimer.current = setTimeout(onScrollEnd, SCROLL_END_MS);
          }}
        >
          <div ref={page} className="compare-page">
            <article
              ref={article}
              className="report-text compare-text"
              lang={report?.language ?? undefined}
              data-testid="compare-text"
              onClick={onClick}
              onMouseMove={onMouseMove}
              onMouseLeave={() => {
                hovered.current = null;
                onHover(null);
              }}
            >
              <ColumnText text={text} />
            </article>
            {placed.map(({ passage, top, right }) => (
              <span key={passage.passageId} className="passage-badges" style={{ top, right }}>
                {passage.claims.map((k) => (
                  <button
                    key={k.claimId}
                    type="button"
                    className={`claim-marker claim-c${k.colour} stance-${passage.stances[k.claimId] ?? 'supports'}${k.claimId === focusClaim ? ' focused' : ''}`}
                    data-claim-id={k.claimId}
                    data-colour={k.colour}
                    aria-label={`Claim ${k.number} (${STANCE_WORD[passage.stances[k.claimId] ?? 'supports']}): ${k.text}`}
                    title={`Claim ${k.number}, ${STANCE_WORD[passage.stances[k.claimId] ?? 'supports']}: ${k.text}`}
                    onMouseEnter={() => onHover(k.claimId)}
                    onMouseLeave={() => onHover(null)}
                    onFocus={() => onHover(k.claimId)}
                    onBlur={() => onHover(null)}
                    onClick={() => onShowClaim(k.claimId)}
                  >
                    {k.number}
                  </button>
                ))}
              </span>
            ))}
            {focusClaim !== null &&
              placed
                .filter((p) => p.passage.claims.some((k) => k.claimId === focusClaim))
                .flatMap((p) =>
                  p.boxes.map((b, i) => (
                    <span
                      key={`${p.passage.passageId}:${i}`}
                      className="counterpart-outline"
                      data-passage-id={p.passage.passageId}
                      style={{
                        top: b.top - 2,
                        left: b.left - 3,
                        width: b.width + 6,
                        height: b.height + 4,
                      }}
                      aria-hidden="true"
                    />
                  )),
                )}
          </div>
        </div>
        <div className="compare-gutter" role="group" aria-label="Where each claim falls">
          {ticks.map((t) => (
            <button
              key={`${t.passageId}:${t.claimId}`}
              type="button"
              className={`gutter-tick claim-c${t.colour}${t.claimId === focusClaim ? ' focused' : ''}`}
              style={{ top: `calc(${(t.at * 100).toFixed(2)}% - ${t.at * 8}px)` }}
              data-claim-id={t.claimId}
              aria-label={`Claim ${t.number}, ${Math.round(t.at * 100)}% into the report`}
              title={`Claim ${t.number}`}
              onClick={() => onJump(t.passageId, t.claimId)}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

/** A passage's top inside its column's scrolled content, or null when it cannot be placed. */
function passageTop(
  scroller: HTMLElement,
  article: HTMLElement,
  passage: Pick<MarkedPassage, 'start' | 'end'>,
): number | null {
  const range = rangeFor(article, passage.start, passage.end);
  const rect = range?.getClientRects()[0];
  if (!rect) return null;
  return rect.top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/** Every column's passages drawn in their claim's colour, the focused claim's brighter. */
function useCompareHighlights(
  elements: React.RefObject<ColumnElements[]>,
  columns: CompareColumn[],
  marked: MarkedPassage[][],
  focusClaim: number | null,
  selected: { reportId: number | null; passageId: number | null },
  tab: string,
): void {
  useLayoutEffect(() => {
    if (typeof Highlight === 'undefined' || !CSS.highlights) return;
    const layers = new Map(LAYERS.map((name) => [name, new Highlight()]));
    // The focused claim and the open passage are drawn over the colours.
    (layers.get(FOCUS) as Highlight).priority = 1;
    (layers.get(SELECTED) as Highlight).priority = 2;
    columns.forEach((column, at) => {
      const article = elements.current[at]?.article;
      if (!article) return;
      const paragraphs = paragraphsOf(article);
      for (const p of marked[at] ?? []) {
        const range = staticRangeFor(article, p.start, p.end, paragraphs);
        if (!range) continue;
        const first = p.claims[0];
        layers.get(first ? `compare-c${first.colour}` : PLAIN)?.add(range);
        if (focusClaim !== null && p.claims.some((k) => k.claimId === focusClaim))
          layers.get(FOCUS)?.add(range);
        if (selected.reportId === column.reportId && selected.passageId === p.passageId)
          layers.get(SELECTED)?.add(range);
      }
    });
    for (const [name, highlight] of layers) CSS.highlights.set(name, highlight);
    return () => {
      for (const name of LAYERS) CSS.highlights.delete(name);
    };
  }, [elements, columns, marked, focusClaim, selected.reportId, selected.passageId, tab]);
}
