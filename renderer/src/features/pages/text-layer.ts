// The passage's place on a rendered page: its words found in pdf.js's text layer (find-on-page.ts)
// and turned into boxes over the page, from the text's own rectangles.
import { findPieces, fold, joinLines, type Box } from './find-on-page.ts';

/** What was found: the boxes to draw, and the page's text they cover (for tests and the title). */
export interface Marked {
  boxes: Box[];
  text: string;
}

/**
 * Marks `needle` (the passage's part on this page) in the text layer `layer`, whose box is
 * `page`; `near` (0–1) is where on the page it is expected, by its place in the page's text.
 */
export function markPassage(
  layer: HTMLElement,
  page: HTMLElement,
  needle: string,
  near: number,
): Marked {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  // The layer's text, and where each node starts in it.
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  const hay = fold(text);
  const pieces = findPieces(hay.folded, fold(needle).folded, Math.round(near * hay.folded.length));
  const origin = page.getBoundingClientRect();
  const rects: Box[] = [];
  const covered: string[] = [];
  for (const [from, to] of pieces) {
    const start = hay.source[from] as number;
    const lastUnit = hay.source[to - 1] as number;
    // The last character whole (a surrogate pair is two units).
    const end = lastUnit + ((text.codePointAt(lastUnit) as number) > 0xffff ? 2 : 1);
    const words: string[] = [];
    for (const [i, node] of nodes.entries()) {
      const nodeStart = starts[i] as number;
      const nodeEnd = nodeStart + node.data.length;
      if (nodeEnd <= start || nodeStart >= end) continue;
      // One range per text node: a range over whole spans would also give the spans' own boxes.
      const range = document.createRange();
      range.setStart(node, Math.max(start, nodeStart) - nodeStart);
      range.setEnd(node, Math.min(end, nodeEnd) - nodeStart);
      words.push(range.toString());
      for (const r of range.getClientRects())
        if (r.width > 0 && r.height > 0)
          rects.push({
            left: r.left - origin.left,
            top: r.top - origin.top,
            width: r.width,
            height: r.height,
          });
    }
    // The layer's items hold no spaces between them: one is put back between each.
    covered.push(words.join(' ').replace(/\s+/g, ' ').trim());
  }
  return { boxes: joinLines(rects), text: covered.join(' … ') };
}
