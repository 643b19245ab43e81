// Pages of a paged original (a PDF): where each page starts and ends in the report's normalised
// text (report_pages, UTF-16 code units, end exclusive), and which pages a passage lies on.

/** One page's span in the report's text. */
export interface PageSpan {
  /** 1-based, as the original numbers its pages. */
  page: number;
  start: number;
  end: number;
}

/**
 * The pages the span [start, end) of the text touches, in page order. An empty span (a caret)
 * is on the page that holds it. A span wholly between two pages (the blank line the import puts
 * between them) touches none.
 */
export function pagesOf(pages: readonly PageSpan[], start: number, end: number): number[] {
  if (end <= start)
    return pages.filter((p) => p.start <= start && start < p.end).map((p) => p.page);
  return pages.filter((p) => start < p.end && p.start < end).map((p) => p.page);
}

/**
 * The part of the span [start, end) that lies on page `page`, as offsets into the span itself
 * (slice the passage's exact text with them), or null when it does not reach that page.
 */
export function partOnPage(
  pages: readonly PageSpan[],
  page: number,
  start: number,
  end: number,
): { from: number; to: number } | null {
  const span = pages.find((p) => p.page === page);
  if (!span) return null;
  const from = Math.max(start, span.start);
  const to = Math.min(end, span.end);
  return from < to ? { from: from - start, to: to - start } : null;
}

/** "page 3" or "pages 3–4" (or "pages 3–5"): where a passage lies, as a button names it. */
export function describePages(pages: readonly number[]): string {
  const first = pages[0];
  const last = pages.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? `page ${first}` : `pages ${first}–${last}`;
}
