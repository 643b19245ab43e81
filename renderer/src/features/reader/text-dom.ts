// Maps between offsets in a report's normalised text and the DOM the reader draws it with: one
// <p data-start> per non-empty line, holding exactly one text node with that line.

export interface Line {
  start: number;
  text: string;
}

/** The text's lines with their offsets; empty lines (section breaks) are kept with empty text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }
  return lines;
}

function paragraphsOf(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('p[data-start]'));
}

const startOf = (p: Element): number => Number((p as HTMLElement).dataset.start);

/** The text offset of a DOM boundary point inside the reader, or null when it is outside. */
export function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const p = node.parentElement?.closest('p[data-start]');
    return p ? startOf(p) + offset : null;
  }
  const element = node as Element;
  const own = element.matches('p[data-start]') ? element : element.closest('p[data-start]');
  if (own) return startOf(own) + (offset === 0 ? 0 : (own.textContent ?? '').length);
  // A point between blocks: the start of the next paragraph, or the end of the previous one.
  const child = element.childNodes[offset] ?? null;
  const paragraphs = paragraphsOf(container);
  for (const p of paragraphs) {
    if (
      child &&
      (child === p ||
        child.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING ||
        child.contains(p))
    ) {
      return startOf(p);
    }
  }
  const last = paragraphs.at(-1);
  return last ? startOf(last) + (last.textContent ?? '').length : null;
}

/** The current selection as offsets into the text, trimmed of surrounding white space. */
export function selectedRange(
  container: HTMLElement,
  text: string,
): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOf(container, range.startContainer, range.startOffset);
  let end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** The paragraph element and position inside its text node for a text offset. */
function locate(
  paragraphs: HTMLElement[],
  offset: number,
  preferEnd: boolean,
): { node: Node; offset: number } | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (startOf(paragraphs[mid] as HTMLElement) <= offset) lo = mid;
    else hi = mid - 1;
  }
  let p = paragraphs[lo];
  if (!p) return null;
  let length = (p.textContent ?? '').length;
  let inner = offset - startOf(p);
  if (inner > length) {
    // The offset is on the line break after p: an end stays at p's end, a start moves to the next line.
    if (!preferEnd && paragraphs[lo + 1]) {
      p = paragraphs[lo + 1] as HTMLElement;
      length = (p.textContent ?? '').length;
      inner = 0;
    } else inner = length;
  }
  const node = p.firstChild ?? p;
  return { node, offset: Math.max(0, Math.min(inner, length)) };
}

/** The boundary points of text[start, end) inside the reader. */
function boundaries(
  container: HTMLElement,
  start: number,
  end: number,
  paragraphs: HTMLElement[],
): StaticRangeInit | null {
  const from = locate(paragraphs, start, false);
  const to = locate(paragraphs, end, true);
  if (!from || !to) return null;
  return {
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  };
}

/** A DOM Range over text[start, end) inside the reader (live: for measuring, then dropped). */
export function rangeFor(
  container: HTMLElement,
  start: number,
  end: number,
  paragraphs = paragraphsOf(container),
): Range | null {
  const b = boundaries(container, start, end, paragraphs);
  if (!b) return null;
  const range = document.createRange();
  range.setStart(b.startContainer, b.startOffset);
  range.setEnd(b.endContainer, b.endOffset);
  return range;
}

/**
 * A StaticRange over text[start, end), for highlights: unlike a live Range it costs nothing when
 * the DOM changes, so thousands of them do not slow down the next report's rendering.
 */
export function staticRangeFor(
  container: HTMLElement,
  start: number,
  end: number,
  paragraphs: HTMLElement[],
): StaticRange | null {
  const b = boundaries(container, start, end, paragraphs);
  return b && new StaticRange(b);
}

/** The text offset under a screen point (for clicks on highlighted text). */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint(x, y);
  return position ? offsetOf(container, position.offsetNode, position.offset) : null;
}

export { paragraphsOf };
