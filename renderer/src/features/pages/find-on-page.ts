// Finding a passage's words in a page's text layer. The report's text is the page's text after
// the import read it: line breaks and spaces laid out anew, hyphens at line ends joined, running
// heads dropped, columns put in reading order. So both texts are folded the same way (no
// whitespace, no hyphens or dashes, compatibility forms such as ligatures spelt out, curly quotes
// straight) and the passage is looked for in the page; when the page orders it otherwise (a
// column break inside it), it is found piece by piece, longest piece first.

/** A text folded for matching; `source[i]` is where folded unit i came from in the text. */
export interface Folded {
  folded: string;
  source: number[];
}

const DROPPED = /[\s\u00AD\u2010-\u2015\u2212-]/u;
const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
};

export function fold(text: string): Folded {
  let folded = '';
  const source: number[] = [];
  let at = 0;
  for (const char of text) {
    if (!DROPPED.test(char)) {
      const spelt = QUOTES[char] ?? char.normalize('NFKC');
      for (let i = 0; i < spelt.length; i++) source.push(at);
      folded += spelt;
    }
    at += char.length;
  }
  return { folded, source };
}

/** Shortest piece of a passage matched on its own: shorter ones would land on any page. */
const MIN_PIECE = 8;
/** Below this share of the passage found, the page is said not to hold it. */
const MIN_FOUND = 0.6;

/** The occurrence of `piece` in `text` nearest `near`, or -1. */
function nearest(text: string, piece: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    if (i > near) break;
  }
  return best;
}

/**
 * Where `needle` lies in `haystack` (both folded), as [start, end) pieces in the haystack, or []
 * when too little of it is there. `near` is where in the haystack it is expected (its place in
 * the page's part of the report's text): of several occurrences, the nearest is taken.
 */
export function findPieces(haystack: string, needle: string, near: number): [number, number][] {
  if (!needle) return [];
  const whole = nearest(haystack, needle, near);
  if (whole >= 0) return [[whole, whole + needle.length]];
  const pieces: [number, number][] = [];
  let found = 0;
  let cursor = near;
  for (let pos = 0; pos < needle.length;) {
    // The longest prefix of what is left that the page holds (a prefix held means all shorter are).
    let low = 0;
    let high = needle.length - pos;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (haystack.includes(needle.slice(pos, pos + mid))) low = mid;
      else high = mid - 1;
    }
    // A short piece would be marked wherever its letters happen to stand (the whole passage, if
    // that short, was looked for above).
    if (low < MIN_PIECE) {
      pos += Math.max(low, 1);
      continue;
    }
    const at = nearest(haystack, needle.slice(pos, pos + low), cursor);
    pieces.push([at, at + low]);
    found += low;
    cursor = at + low;
    pos += low;
  }
  return found / needle.length >= MIN_FOUND ? pieces : [];
}

/** A box on the page, in CSS pixels from its top left corner. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Boxes of one line joined: the gaps between a line's words or spans are marked too. */
export function joinLines(boxes: readonly Box[]): Box[] {
  const joined: Box[] = [];
  for (const box of boxes) {
    const last = joined.at(-1);
    const sameLine =
      last &&
      Math.min(last.top + last.height, box.top + box.height) - Math.max(last.top, box.top) >
        0.5 * Math.min(last.height, box.height) &&
      box.left - (last.left + last.width) < 1.5 * box.height &&
      box.left + box.width > last.left;
    if (last && sameLine) {
      const right = Math.max(last.left + last.width, box.left + box.width);
      const bottom = Math.max(last.top + last.height, box.top + box.height);
      last.left = Math.min(last.left, box.left);
      last.top = Math.min(last.top, box.top);
      last.width = right - last.left;
      last.height = bottom - last.top;
    } else joined.push({ ...box });
  }
  return joined;
}
