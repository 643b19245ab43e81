// One report of the compare view: its header, its text with the claims' markers beside their
// passages, the outlines of the claim in focus, and the gutter of where each claim falls.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Stance } from '../../../../shared/corroboration.ts';
import type { CompareColumn } from '../../store/index.ts';
import { formatDate } from '../../ui/format.ts';
import { offsetAtPoint, paragraphsOf, rangeFor } from '../reader/text-dom.ts';
import { gutterTicks, type MarkedPassage } from './compare-model.ts';
import type { WordingMark } from './wording-model.ts';
import { ReportText } from '../reader/ReportText.tsx';

/** How a marker says what its passage is to the claim (its shape says it too). */
const STANCE_WORD: Record<Stance, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  context: 'context only',
};

/** A scroll is over when the column has not moved for this long. */
const SCROLL_END_MS = 140;

/** What a column's parent needs to reach in it: the scrolling box and the drawn text. */
export interface ColumnElements {
  scroller: HTMLDivElement | null;
  article: HTMLElement | null;
}

/** Where a passage's badge and outline go, inside the column's page. */
interface Placed {
  passage: MarkedPassage;
  top: number;
  /** How far from the page's right edge the badges end: just left of the text's first line. */
  right: number;
  boxes: { top: number; left: number; width: number; height: number }[];
}

export function ReportColumn({
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
  wording,
  onShowPair,
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
  /** Its sentences worded nearly like one in another column (none while that is off). */
  wording: WordingMark[];
  /** Shows a pair of shared wording: both its sentences, and its entry in the list. */
  onShowPair: (pair: number) => void;
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

  /** A click (not a drag) on a passage opens it in the passage panel; on shared wording, its pair. */
  const onClick = (event: React.MouseEvent): void => {
    const element = article.current;
    if (!element || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(element, event.clientX, event.clientY);
    if (offset === null) return;
    const hits = marked.filter((p) => p.start <= offset && offset < p.end);
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    if (hits[0]) return onOpenPassage(hits[0].passageId);
    const pair = wording.find((m) => m.start <= offset && offset < m.end)?.pairs[0];
    if (pair !== undefined) onShowPair(pair);
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
              <ReportText text={text} />
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
export function passageTop(
  scroller: HTMLElement,
  article: HTMLElement,
  passage: Pick<MarkedPassage, 'start' | 'end'>,
): number | null {
  const range = rangeFor(article, passage.start, passage.end);
  const rect = range?.getClientRects()[0];
  if (!rect) return null;
  return rect.top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}
