import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useDesk, type CompareColumn } from '../../store/index.ts';
import { wordingKey } from '../../store/compare.ts';
import { PassagePanel } from '../reader/PassagePanel.tsx';
import { paragraphsOf, selectedRange, staticRangeFor } from '../reader/text-dom.ts';
import { ClaimMatrix } from './ClaimMatrix.tsx';
import {
  alignAnchor,
  CLAIM_COLOURS,
  claimKeys,
  firstPassageOf,
  markedPassages,
  nextShared,
  sharedClaims,
  type ClaimKey,
  type MarkedPassage,
} from './compare-model.ts';
import { passageTop, ReportColumn, type ColumnElements } from './ReportColumn.tsx';
import { SharedWording } from './SharedWording.tsx';
import type { WordingPair } from '../../../../shared/api.ts';
import { wordingMarks, type Span, type WordingMark } from './wording-model.ts';
import './compare.css';

/** Highlight layers: one per palette colour, passages that are not evidence, and the focused claim. */
const COLOUR_LAYERS = Array.from({ length: CLAIM_COLOURS }, (_, i) => `compare-c${i}`);
const PLAIN = 'compare-plain';
const FOCUS = 'compare-focus';
const SELECTED = 'compare-selected';
/** Sentences worded nearly like one in another column, their words the other lacks, the pair shown. */
const WORDING = 'compare-wording';
const DIFFER = 'compare-differ';
const PAIR = 'compare-pair';
const LAYERS = [...COLOUR_LAYERS, PLAIN, FOCUS, SELECTED, WORDING, DIFFER, PAIR];
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
  /** The panel beside the columns: the passage panel, or the list of shared wording. */
  const [panel, setPanel] = useState<'passage' | 'wording' | null>(null);
  const [wording, setWording] = useState(false);
  /** The pair of shared wording last shown, of which list (another list shows none). */
  const [shown, setShown] = useState<{ of: WordingPair[]; pair: number } | null>(null);
  const compareWording = useDesk((s) => s.compareWording);
  const loadCompareWording = useDesk((s) => s.loadCompareWording);
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

  // The shared wording is read when it is switched on, and again for another set of reports.
  const reportKey = wordingKey(columns);
  useEffect(() => {
    if (wording) void loadCompareWording();
  }, [wording, reportKey, loadCompareWording]);
  const pairs = wording && compareWording?.key === reportKey ? compareWording.pairs : null;
  const pairShown = shown && shown.of === pairs ? shown.pair : null;
  const wordingByColumn = useMemo(
    () => columns.map((c) => (pairs ? wordingMarks(pairs, c.reportId) : [])),
    [columns, pairs],
  );
  // Underlined: the pair of shared wording shown, else what the compare was opened to show.
  const focus = useDesk((s) => s.compareFocus);
  const pairSpans = useMemo(
    () =>
      columns.map((c) => {
        if (pairShown === null) return focus.filter((f) => f.reportId === c.reportId);
        const side = pairs?.[pairShown]?.sides.find((x) => x.reportId === c.reportId);
        return side ? [side] : [];
      }),
    [columns, pairs, pairShown, focus],
  );

  // Drawn again when the columns come back from the matrix (new elements, same data).
  useCompareHighlights(
    elements,
    columns,
    marked,
    focusClaim,
    selected,
    tab,
    wordingByColumn,
    pairSpans,
  );

  /** Scrolls a column so that a span's top stands `offset` pixels below the column's top. */
  const scrollColumnToSpan = useCallback(
    (at: number, span: Span, offset?: number, smooth = true) => {
      const el = elements.current[at];
      if (!el?.scroller || !el.article) return;
      const top = passageTop(el.scroller, el.article, span);
      if (top === null) return;
      const target = Math.max(0, top - (offset ?? el.scroller.clientHeight * JUMP_AT));
      if (Math.abs(target - el.scroller.scrollTop) < 2) return;
      steered.current.add(at);
      el.scroller.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    },
    [],
  );

  /** Scrolls a column so that a passage's top stands `offset` pixels below the column's top. */
  const scrollColumnTo = useCallback(
    (at: number, passageId: number, offset?: number, smooth = true) => {
      const passage = marked[at]?.find((p) => p.passageId === passageId);
      if (passage) scrollColumnToSpan(at, passage, offset, smooth);
    },
    [marked, scrollColumnToSpan],
  );

  // What the compare was opened to show comes into view once its columns are drawn.
  const focused = useRef<unknown>(null);
  useEffect(() => {
    if (focused.current === focus || focus.length === 0) return;
    // Not before every report it names has its column.
    if (!focus.every((f) => columns.some((c) => c.reportId === f.reportId))) return;
    focused.current = focus;
    requestAnimationFrame(() => {
      for (const span of focus) {
        const at = columns.findIndex((c) => c.reportId === span.reportId);
        if (at >= 0) scrollColumnToSpan(at, span);
      }
    });
  }, [focus, columns, scrollColumnToSpan]);

  /** Both sentences of a pair of shared wording, level in their columns. */
  const showPair = useCallback(
    (index: number) => {
      const pair = pairs?.[index];
      if (!pair) return;
      setShown({ of: pairs, pair: index });
      for (const side of pair.sides) {
        const at = columns.findIndex((c) => c.reportId === side.reportId);
        if (at >= 0) scrollColumnToSpan(at, side);
      }
    },
    [pairs, columns, scrollColumnToSpan],
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
      setPanel('passage');
    }
  }, [selectionColumn, columns, focusCompareReport, createPassage]);

  const openPassage = useCallback(
    async (reportId: number, passageId: number) => {
      await focusCompareReport(reportId);
      selectPassage(passageId);
      setPanel('passage');
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
      className={`compare cols-${columns.length}${panel ? ' with-drawer' : ''}`}
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
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={wording}
                onChange={(e) => {
                  setWording(e.target.checked);
                  if (e.target.checked) setPanel('wording');
                  else if (panel === 'wording') setPanel(null);
                }}
              />
              Shared wording
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
                  wording={wordingByColumn[at] ?? []}
                  onShowPair={(pair) => {
                    setPanel('wording');
                    showPair(pair);
                  }}
                  onRemove={() => remove(column.reportId)}
                />
              ))}
            </div>
            {panel === 'passage' && (
              <PassageDrawer
                columns={columns}
                onClose={() => {
                  setPanel(wording ? 'wording' : null);
                  selectPassage(null);
                }}
              />
            )}
            {panel === 'wording' && (
              <SharedWording
                pairs={pairs}
                failed={wording && compareWording?.key === reportKey && compareWording.failed}
                onRetry={() => void loadCompareWording(true)}
                columns={columns}
                current={pairShown}
                onShow={showPair}
                onClose={() => {
                  setWording(false);
                  setPanel(null);
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

/** Every column's passages drawn in their claim's colour, the focused claim's brighter. */
function useCompareHighlights(
  elements: React.RefObject<ColumnElements[]>,
  columns: CompareColumn[],
  marked: MarkedPassage[][],
  focusClaim: number | null,
  selected: { reportId: number | null; passageId: number | null },
  tab: string,
  wording: WordingMark[][],
  pairSpans: Span[][],
): void {
  useLayoutEffect(() => {
    if (typeof Highlight === 'undefined' || !CSS.highlights) return;
    const layers = new Map(LAYERS.map((name) => [name, new Highlight()]));
    // The focused claim and the open passage are drawn over the colours.
    (layers.get(FOCUS) as Highlight).priority = 1;
    (layers.get(SELECTED) as Highlight).priority = 2;
    (layers.get(DIFFER) as Highlight).priority = 3;
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
      const add = (layer: string, span: Span): void => {
        const range = staticRangeFor(article, span.start, span.end, paragraphs);
        if (range) layers.get(layer)?.add(range);
      };
      for (const mark of wording[at] ?? []) {
        add(WORDING, mark);
        for (const d of mark.differ) add(DIFFER, d);
      }
      for (const span of pairSpans[at] ?? []) add(PAIR, span);
    });
    for (const [name, highlight] of layers) CSS.highlights.set(name, highlight);
    return () => {
      for (const name of LAYERS) CSS.highlights.delete(name);
    };
  }, [
    elements,
    columns,
    marked,
    focusClaim,
    selected.reportId,
    selected.passageId,
    tab,
    wording,
    pairSpans,
  ]);
}
