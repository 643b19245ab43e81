import { useEffect, useRef, useState } from 'react';
import { describePages, pagesOf, partOnPage } from '../../../../shared/pages.ts';
import { useDesk, type PageViewState } from '../../store/index.ts';
import { ACTUAL_SIZE, loadPdfJs, openPdf, type OpenPdf } from './pdf.ts';
import { markPassage, type Marked } from './text-layer.ts';
import './pages.css';

type Zoom = 'fit' | 'actual';

/**
 * The page view: a report's original PDF, page by page, drawn by pdf.js with its text layer over
 * it, and the passage it was opened from highlighted on its page(s).
 */
export function PageView() {
  const view = useDesk((s) => s.pageView);
  return view ? <PageDialog key={view.reportId} view={view} /> : null;
}

function PageDialog({ view }: { view: PageViewState }) {
  const close = useDesk((s) => s.closePageView);
  const showPage = useDesk((s) => s.showPage);
  const loadOriginal = useDesk((s) => s.loadOriginal);
  const title = useDesk((s) => (s.report?.id === view.reportId ? s.report.title : 'Original'));
  const pages = useDesk((s) =>
    s.reportPages?.reportId === view.reportId ? s.reportPages.pages : null,
  );
  const passage = useDesk((s) =>
    view.passageId === null ? null : (s.passages.find((p) => p.id === view.passageId) ?? null),
  );
  const [pdf, setPdf] = useState<OpenPdf | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  // What the passage's part on a page came to, once that page was drawn.
  const [found, setFound] = useState<{ page: number; marked: Marked | null } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  // The keyboard starts in the dialog, and goes back where it was after.
  useEffect(() => {
    const before = document.activeElement;
    dialog.current?.focus();
    return () => {
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);

  // The original, opened once per report; its worker ends with the view.
  useEffect(() => {
    let live = true;
    let opened: OpenPdf | null = null;
    loadOriginal(view.reportId)
      .then(openPdf)
      .then((o) => {
        if (live) setPdf((opened = o));
        else void o.close();
      })
      .catch((error: unknown) => {
        if (live) setFailure(`The original cannot be shown: ${(error as Error).message}`);
      });
    return () => {
      live = false;
      void opened?.close();
    };
  }, [view.reportId, loadOriginal]);

  const count = pdf?.doc.numPages ?? pages?.length ?? 1;
  const page = Math.min(Math.max(1, view.page), count);
  const go = (n: number): void => showPage(Math.min(Math.max(1, n), count));

  // The passage's part on this page (cut by the page's span in the report's text), and where in
  // the page's text it begins: of two occurrences of its words, the one nearer is marked.
  const span = pages?.find((p) => p.page === page);
  const part = passage && pages ? partOnPage(pages, page, passage.start, passage.end) : null;
  const needle = passage && part ? passage.exact.slice(part.from, part.to) : '';
  const near =
    passage && part && span
      ? (passage.start + part.from - span.start) / Math.max(1, span.end - span.start)
      : 0;
  const passagePages = passage && pages ? pagesOf(pages, passage.start, passage.end) : [];

  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={dialog}
        className="modal page-view"
        role="dialog"
        aria-modal="true"
        aria-labelledby="page-view-title"
        tabIndex={-1}
        onKeyDown={(e) => {
          // The desk's own keys wait while the original is shown.
          e.stopPropagation();
          const inField = e.target instanceof HTMLInputElement;
          if (e.key === 'Escape') close();
          else if (e.key === 'PageUp' || (e.key === 'ArrowLeft' && !inField)) {
            e.preventDefault();
            go(page - 1);
          } else if (e.key === 'PageDown' || (e.key === 'ArrowRight' && !inField)) {
            e.preventDefault();
            go(page + 1);
          }
        }}
      >
        <header className="page-view-bar">
          <h2 id="page-view-title" title={title}>
            {title}
            <span className="muted"> · original</span>
          </h2>
          <nav className="page-nav" aria-label="Pages">
            <button
              type="button"
              onClick={() => go(page - 1)}
              disabled={page <= 1}
              title="Previous page (← or Page Up)"
            >
              ‹ Previous
            </button>
            <PageNumber key={page} page={page} count={count} onGo={go} />
            <button
              type="button"
              onClick={() => go(page + 1)}
              disabled={page >= count}
              title="Next page (→ or Page Down)"
            >
              Next ›
            </button>
          </nav>
          <div className="page-zoom" role="group" aria-label="Zoom">
            <button type="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
              Fit width
            </button>
            <button
              type="button"
              aria-pressed={zoom === 'actual'}
              onClick={() => setZoom('actual')}
            >
              100%
            </button>
          </div>
          <button type="button" onClick={close} title="Close (Esc)">
            Close
          </button>
        </header>
        {passage && (
          <p className="page-view-status" role="status">
            {passagePages.length === 0 ? (
              'The passage lies on no page of the original.'
            ) : !part ? (
              <>
                The passage is on {describePages(passagePages)}.{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => go(passagePages[0] as number)}
                >
                  Go to page {passagePages[0]}
                </button>
              </>
            ) : found?.page !== page || !found.marked ? (
              `The passage is on ${describePages(passagePages)}.`
            ) : found.marked.boxes.length > 0 ? (
              `The passage is on ${describePages(passagePages)}; its words on this page are highlighted.`
            ) : (
              `The passage is on ${describePages(passagePages)}, but its words were not found in this page’s text layer; the page is shown unmarked.`
            )}
          </p>
        )}
        {failure ? (
          <p className="page-view-failure" role="alert">
            {failure}
          </p>
        ) : pdf ? (
          <PageCanvas
            pdf={pdf}
            page={page}
            zoom={zoom}
            needle={needle}
            near={near}
            onFound={setFound}
          />
        ) : (
          <p className="page-view-loading muted">Opening the original…</p>
        )}
      </div>
    </div>
  );
}

/** The page number field: typed, then taken with Enter or on leaving it. */
function PageNumber({
  page,
  count,
  onGo,
}: {
  page: number;
  count: number;
  onGo: (page: number) => void;
}) {
  const [draft, setDraft] = useState(String(page));
  const take = (): void => {
    const n = Number(draft);
    if (Number.isInteger(n) && n >= 1 && n <= count) onGo(n);
    else setDraft(String(page));
  };
  return (
    <label className="page-number">
      <span>Page</span>
      <input
        type="number"
        min={1}
        max={count}
        value={draft}
        aria-label="Page number"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={take}
        onKeyDown={(e) => {
          if (e.key === 'Enter') take();
        }}
      />
      <span>of {count}</span>
    </label>
  );
}

/**
 * One page drawn: the canvas (at the screen's pixel density), pdf.js's text layer over it, and
 * the passage's boxes under the text layer (so the text stays selectable).
 */
function PageCanvas({
  pdf,
  page,
  zoom,
  needle,
  near,
  onFound,
}: {
  pdf: OpenPdf;
  page: number;
  zoom: Zoom;
  needle: string;
  near: number;
  onFound: (found: { page: number; marked: Marked | null }) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  // What is drawn, for which page, zoom and width: boxes of an earlier drawing are not shown.
  const [drawn, setDrawn] = useState<{ key: string; marked: Marked | null } | null>(null);
  const key = `${page}|${zoom}|${width}|${needle}`;

  // Fit width follows the dialog's width.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const holder = canvasHolder.current;
    const layer = textLayer.current;
    const pageBox = box.current;
    const view = scroller.current;
    if (!holder || !layer || !pageBox || !view || width === 0) return;
    let live = true;
    const cancels: (() => void)[] = [];
    void (async () => {
      const pdfjs = await loadPdfJs();
      const proxy = await pdf.doc.getPage(page);
      const natural = proxy.getViewport({ scale: 1 });
      const scale = zoom === 'fit' ? Math.max(0.25, width / natural.width) : ACTUAL_SIZE;
      const viewport = proxy.getViewport({ scale });
      // A canvas of its own per drawing, swapped in when drawn: no blank page meanwhile.
      const canvas = document.createElement('canvas');
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `Page ${page} of the original`);
      const task = proxy.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      cancels.push(() => task.cancel());
      await task.promise;
      if (!live) return;
      holder.replaceChildren(canvas);
      pageBox.style.width = `${viewport.width}px`;
      pageBox.style.height = `${viewport.height}px`;
      pageBox.style.setProperty('--total-scale-factor', String(scale));
      layer.replaceChildren();
      const text = new pdfjs.TextLayer({
        textContentSource: proxy.streamTextContent(),
        container: layer,
        viewport,
      });
      cancels.push(() => text.cancel());
      await text.render();
      if (!live) return;
      const marked = needle ? markPassage(layer, pageBox, needle, near) : null;
      setDrawn({ key, marked });
      onFound({ page, marked });
      // The passage in sight, a third of the way down with what leads to it above; a page
      // turned to starts at its top.
      const first = marked?.boxes[0];
      view.scrollTo({
        top: first ? Math.max(0, first.top - view.clientHeight / 3) : 0,
        left: first ? Math.max(0, first.left - 48) : 0,
      });
    })().catch((error: unknown) => {
      // A page turned or zoomed mid-drawing cancels it; anything else is the page's own fault.
      if (live && (error as Error).name !== 'RenderingCancelledException')
        onFound({ page, marked: { boxes: [], text: '' } });
    });
    return () => {
      live = false;
      cancels.forEach((cancel) => cancel());
    };
  }, [pdf, page, zoom, width, needle, near, key, onFound]);

  const marked = drawn?.key === key ? drawn.marked : null;
  return (
    <div ref={scroller} className="page-scroll">
      <div ref={box} className="page-box" data-page={drawn?.key === key ? page : undefined}>
        <div ref={canvasHolder} className="page-canvas" />
        <div
          className="page-marks"
          aria-hidden="true"
          data-testid="page-marks"
          data-marked-text={marked?.text ?? ''}
        >
          {marked?.boxes.map((b, i) => (
            <div
              key={i}
              className="page-mark"
              style={{ left: b.left - 1, top: b.top - 1, width: b.width + 2, height: b.height + 2 }}
            />
          ))}
        </div>
        <div ref={textLayer} className="textLayer" />
      </div>
    </div>
  );
}
