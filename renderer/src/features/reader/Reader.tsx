import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Passage } from '../../../../shared/api.ts';
import { useDesk } from '../../store/index.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { MARK_LABEL, MARKS, markOf, overlaps } from './marks.ts';
import {
  offsetAtPoint,
  paragraphsOf,
  rangeFor,
  selectedRange,
  staticRangeFor,
} from './text-dom.ts';
import { ReportText } from './ReportText.tsx';

const HIGHLIGHT_ACTIVE = 'passage-active';
/** Where two or more passages cover the same words. */
const HIGHLIGHT_OVERLAP = 'passage-overlap';
/** The text's own attribution phrases ("the source said"), marked quietly. */
const HIGHLIGHT_MENTION = 'mention';
/** Words OCR recognised with low confidence (a scan or an image): a wavy underline. */
const HIGHLIGHT_OCR = 'ocr-uncertain';
const HIGHLIGHTS = [
  ...MARKS.map((m) => `passage-${m}`),
  HIGHLIGHT_ACTIVE,
  HIGHLIGHT_OVERLAP,
  HIGHLIGHT_MENTION,
  HIGHLIGHT_OCR,
];
const NO_SPANS: readonly { start: number; end: number }[] = [];

/** Draws passages with the CSS Custom Highlight API: no DOM surgery on the text. */
function useHighlights(
  container: React.RefObject<HTMLElement | null>,
  text: string,
  passages: Passage[],
  mentions: readonly { start: number; end: number }[],
  uncertain: readonly { start: number; end: number }[],
  selected: number | null,
): void {
  useLayoutEffect(() => {
    const element = container.current;
    if (!element || typeof Highlight === 'undefined' || !CSS.highlights) return;
    const paragraphs = paragraphsOf(element);
    // One highlight per stance colour: each passage is drawn in the colour of what it is evidence of.
    const layers = new Map(HIGHLIGHTS.map((name) => [name, new Highlight()]));
    const anchored = passages.filter((p) => p.status === 'anchored');
    for (const passage of anchored) {
      const range = staticRangeFor(element, passage.start, passage.end, paragraphs);
      if (!range) continue;
      const layer = passage.id === selected ? HIGHLIGHT_ACTIVE : `passage-${markOf(passage)}`;
      layers.get(layer)?.add(range);
    }
    for (const [start, end] of overlaps(anchored)) {
      const range = staticRangeFor(element, start, end, paragraphs);
      if (range) layers.get(HIGHLIGHT_OVERLAP)?.add(range);
    }
    for (const mention of mentions) {
      const range = staticRangeFor(element, mention.start, mention.end, paragraphs);
      if (range) layers.get(HIGHLIGHT_MENTION)?.add(range);
    }
    for (const word of uncertain) {
      const range = staticRangeFor(element, word.start, word.end, paragraphs);
      if (range) layers.get(HIGHLIGHT_OCR)?.add(range);
    }
    for (const [name, highlight] of layers) CSS.highlights.set(name, highlight);
    return () => {
      for (const name of HIGHLIGHTS) CSS.highlights.delete(name);
    };
  }, [container, text, passages, mentions, uncertain, selected]);
}

/** What the highlight colours mean. */
function Legend({ ocr }: { ocr: boolean }) {
  return (
    <ul className="highlight-legend" aria-label="Highlight colours">
      {MARKS.map((mark) => (
        <li key={mark}>
          <span className={`swatch mark-${mark}`} aria-hidden="true" />
          {MARK_LABEL[mark]}
        </li>
      ))}
      <li>
        <span className="swatch mark-overlap" aria-hidden="true" />
        Overlap
      </li>
      {ocr && (
        <li title="OCR was less than 60% sure of these words: check them against the original">
          <span className="swatch mark-ocr-uncertain" aria-hidden="true" />
          Uncertain OCR
        </li>
      )}
    </ul>
  );
}

export function Reader() {
  const report = useDesk((s) => s.report);
  const text = useDesk((s) => s.text);
  const passages = useDesk((s) => s.passages);
  const mentions = useDesk((s) => s.mentions);
  const ocr = useDesk((s) => s.ocr);
  const selectedPassageId = useDesk((s) => s.selectedPassageId);
  const createPassage = useDesk((s) => s.createPassage);
  const selectPassage = useDesk((s) => s.selectPassage);
  const textRef = useRef<HTMLElement>(null);
  const [hasSelection, setHasSelection] = useState(false);

  useHighlights(
    textRef,
    text,
    passages,
    mentions,
    ocr?.lowConfidence ?? NO_SPANS,
    selectedPassageId,
  );

  useEffect(() => {
    const onSelectionChange = (): void => {
      const element = textRef.current;
      setHasSelection(!!element && selectedRange(element, text) !== null);
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [text]);

  const highlightSelection = useCallback(async () => {
    const element = textRef.current;
    if (!element) return;
    const range = selectedRange(element, text);
    if (!range) return;
    const passage = await createPassage(range.start, range.end, text.slice(range.start, range.end));
    if (passage) window.getSelection()?.removeAllRanges();
  }, [createPassage, text]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, [contenteditable]')) return;
      if (
        (event.key === 'h' || event.key === 'H') &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        if (textRef.current && selectedRange(textRef.current, text)) {
          event.preventDefault();
          void highlightSelection();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlightSelection, text]);

  /** A click (not a drag) on highlighted text selects the innermost passage there. */
  const onClick = (event: React.MouseEvent): void => {
    const element = textRef.current;
    if (!element || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(element, event.clientX, event.clientY);
    if (offset === null) return;
    const hits = passages.filter(
      (p) => p.status === 'anchored' && p.start <= offset && offset < p.end,
    );
    hits.sort((a, b) => a.end - a.start - (b.end - b.start));
    selectPassage(hits[0]?.id ?? null);
  };

  // Bring the selected passage into view when it is chosen from the list.
  useEffect(() => {
    const element = textRef.current;
    const passage = passages.find((p) => p.id === selectedPassageId);
    if (!element || !passage || passage.status !== 'anchored') return;
    const range = rangeFor(element, passage.start, passage.end);
    const rect = range?.getBoundingClientRect();
    const scroller = element.closest('.reader-scroll');
    if (!rect || !scroller) return;
    const box = scroller.getBoundingClientRect();
    if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) {
      scroller.scrollBy({ top: rect.top - box.top - box.height / 3, behavior: 'smooth' });
    }
  }, [selectedPassageId, passages]);

  if (!report) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <p>Choose a report in the library to read it.</p>
      </section>
    );
  }
  return (
    <section className="reader" aria-label="Reader">
      <ReportHeader report={report} />
      <div className="reader-toolbar" role="toolbar" aria-label="Passage tools">
        <button
          type="button"
          className="primary"
          disabled={!hasSelection}
          onClick={() => void highlightSelection()}
        >
          Highlight selection <kbd>H</kbd>
        </button>
        <span className="hint">
          {hasSelection
            ? 'Creates a passage from the selected words.'
            : 'Select words in the text to make a passage.'}
        </span>
        <Legend ocr={report.ocrConfidence !== null} />
      </div>
      <div className="reader-scroll">
        <article
          ref={textRef}
          className="report-text"
          lang={report.language ?? undefined}
          onClick={onClick}
          data-testid="report-text"
        >
          <ReportText text={text} />
        </article>
      </div>
    </section>
  );
}
