// Reading order for the text of a PDF: pdf.js gives positioned runs of text in content-stream
// order, which is often not the order a reader reads. This module puts them back in order: rows
// by baseline, running headers and footers and page numbers dropped, two columns read one after
// the other, lines joined into paragraphs with hyphenation undone, and the pages' spans in the
// final text kept. Pure functions of the runs, so every rule is testable without a PDF.
// docs/pdf-import.md describes the rules and their thresholds.
import { cleanLine } from './normalise.ts';

/** One run of text as pdf.js places it: baseline origin, advance width, font size (PDF units). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** Direction of the baseline in whole degrees counterclockwise; 0 (upright) if not given. */
  angle?: number;
}

/** Runs on one baseline, and horizontally close: a line of one column. */
interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Fragments on one baseline across the page (a row may hold a line of each column). */
interface Row {
  y: number;
  fragments: Fragment[];
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Fragments joined into the line: more than one means cells of a table row. */
  cells: number;
}

/** A page's text as paragraphs, each a list of lines, in reading order. */
type PageParagraphs = string[][];

/** A row within this share of the font size from another's baseline is on the same baseline. */
const BASELINE_TOLERANCE = 0.4;
/** A horizontal gap wider than this many font sizes splits a row into fragments (a gutter). */
const FRAGMENT_GAP = 1.2;
/** A gap wider than this share of the font size between runs is a word space. */
const WORD_GAP = 0.15;
/** Rows at each end of a page that may be a running header or footer. */
const EDGE_ROWS = 2;
/** A running header or footer repeats on at least this share of the pages with text... */
const REPEAT_SHARE = 0.5;
/** ...and on at least this many pages. */
const REPEAT_MIN_PAGES = 3;
/** A gutter may be crossed by at most this share of a page's fragments (a title, a footnote). */
const GUTTER_CROSSING_SHARE = 0.2;
/** Each column needs this many fragments for the page to count as two columns. */
const MIN_COLUMN_FRAGMENTS = 2;
/** A line gap more than this many times the usual one starts a paragraph. */
const PARAGRAPH_GAP = 1.3;
/** A line ending a sentence this much short of its column's right edge ends its paragraph. */
const SHORT_LINE = 0.85;

const lowest = (values: number[]): number => values.reduce((a, b) => Math.min(a, b), Infinity);
const highest = (values: number[]): number => values.reduce((a, b) => Math.max(a, b), -Infinity);

/** A run's text as a line of the desk's normal form, soft hyphens inside words taken out. */
function cleanRun(text: string): string {
  return cleanLine(text.replace(/\uFEFF/g, '').replace(/\u00AD(?!$)/g, '')).replace(/ {2,}/g, ' ');
}

/** Runs grouped into rows by baseline, top of the page first; each row split at wide gaps. */
export function rowsOf(runs: readonly TextRun[]): Row[] {
  const visible = runs.filter((r) => r.text.trim() !== '' && Number.isFinite(r.x + r.y));
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of visible) {
    const size = run.size > 0 ? run.size : 10;
    const row = rows.at(-1);
    // The larger size sets the tolerance, so a superscript stays on its line.
    if (row && Math.abs(row.y - run.y) <= BASELINE_TOLERANCE * Math.max(size, row.size)) {
      row.runs.push(run);
    } else rows.push({ y: run.y, size, runs: [run] });
  }
  return rows.map((row) => {
    row.runs.sort((a, b) => a.x - b.x);
    const fragments: Fragment[] = [];
    let current: Fragment | undefined;
    let previous: TextRun | undefined;
    for (const run of row.runs) {
      const size = run.size > 0 ? run.size : row.size;
      // Text drawn twice a hair apart (a fake bold, a shadow) is read once.
      const twice = previous?.text === run.text && Math.abs(previous.x - run.x) < 0.2 * size;
      previous = run;
      if (twice) continue;
      const gap = current ? run.x - current.x1 : 0;
      if (current && gap <= FRAGMENT_GAP * Math.max(size, current.size)) {
        const space =
          gap > WORD_GAP * size && !current.text.endsWith(' ') && !run.text.startsWith(' ');
        current.text += (space ? ' ' : '') + run.text;
        current.x1 = Math.max(current.x1, run.x + run.width);
        current.size = Math.max(current.size, size);
      } else {
        current = { text: run.text, x0: run.x, x1: run.x + run.width, y: row.y, size };
        fragments.push(current);
      }
    }
    for (const f of fragments) f.text = cleanRun(f.text);
    return { y: row.y, fragments: fragments.filter((f) => f.text !== '') };
  });
}

const rowText = (row: Row): string => row.fragments.map((f) => f.text).join(' ');

/** What a running header or footer keeps from page to page: its text with numbers as #. */
const repeatKey = (row: Row): string =>
  rowText(row).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** "12", "- 12 -", "Page 12", "page 12 of 40", "12/40", "xii": a page number alone. */
const PAGE_NUMBER =
  /^(page\s+)?([-–—]\s*)?(\d{1,5}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))(\s*[-–—])?(\s*(?:of|\/)\s*\d{1,5})?$/i;

/**
 * Whether a row is a page number: marked as one ("Page 3", "- 3 -", "3 of 40"), a roman numeral,
 * or a bare number no larger than the document could be numbered to (a bare "2014" ending a page
 * is more likely a year).
 */
function isPageNumber(row: Row, pageCount: number): boolean {
  const m = PAGE_NUMBER.exec(rowText(row));
  if (!m) return false;
  const marked = m[1] || m[2] || m[4] || m[5];
  return Boolean(marked) || !/^\d+$/.test(m[3] ?? '') || Number(m[3]) <= pageCount + 10;
}

/**
 * Drops from every page the rows at its top or bottom that repeat (numbers aside) at the same end
 * of at least half the pages with text, and at least three, or whose number keeps step with the
 * pages on as many: running headers and footers. Drops a page number standing alone at either end
 * of any page.
 */
function dropRunningRows(pages: Row[][]): Row[][] {
  const withText = pages.filter((rows) => rows.length > 0).length;
  const needed = Math.max(REPEAT_MIN_PAGES, Math.ceil(REPEAT_SHARE * withText));
  const ends = pages.map((rows) => [
    rows.slice(0, EDGE_ROWS),
    rows.slice(Math.max(EDGE_ROWS, rows.length - EDGE_ROWS)),
  ]);
  const drop = new Set<Row>();
  const tally = <K>(counts: Map<K, number>, keys: Iterable<K>): void => {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const end of [0, 1]) {
    if (withText < REPEAT_MIN_PAGES) break;
    // At each end: how many pages have each row text, and each page number's offset from the
    // page's index (a header "Chapter 2: Methods 17" whose text changes but whose number keeps
    // step with the pages).
    const texts = new Map<string, number>();
    const offsets = new Map<number, number>();
    ends.forEach((edge, i) => {
      const rows = edge[end] ?? [];
      tally(texts, rows.map(repeatKey));
      tally(
        offsets,
        rows.flatMap((row) => numberAtEdge(row) ?? []).map((n) => n - i),
      );
    });
    ends.forEach((edge, i) => {
      for (const row of edge[end] ?? []) {
        const n = numberAtEdge(row);
        const steps = n !== undefined && (offsets.get(n - i) ?? 0) >= needed;
        if (steps || (texts.get(repeatKey(row)) ?? 0) >= needed) drop.add(row);
      }
    });
  }
  return pages.map((rows) => {
    const first = rows[0];
    const last = rows.at(-1);
    if (first && isPageNumber(first, pages.length)) drop.add(first);
    if (last && isPageNumber(last, pages.length)) drop.add(last);
    return rows.filter((row) => !drop.has(row));
  });
}

/** The number a row starts or ends with ("4 | Report title", "Chapter 2: Methods 17"). */
function numberAtEdge(row: Row): number | undefined {
  const m = /^(\d{1,5})\b|\b(\d{1,5})$/.exec(rowText(row));
  const digits = m?.[1] ?? m?.[2];
  return digits === undefined ? undefined : Number(digits);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * The gutter of a page in columns, if it has one: a vertical strip in the middle of the text, at
 * least a font size wide, that the fewest fragments cross (at most a fifth of them), with enough
 * text either side, the left side's lines filling most of their column (so a table of short
 * cells is not taken for columns), the right side's filling theirs or as wide as the left's.
 */
export function findGutter(fragments: readonly Fragment[]): { from: number; to: number } | null {
  if (fragments.length < 2 * MIN_COLUMN_FRAGMENTS) return null;
  const minX = lowest(fragments.map((f) => f.x0));
  const maxX = highest(fragments.map((f) => f.x1));
  const width = Math.ceil(maxX - minX);
  if (!(width > 0) || width > 20_000) return null;
  // How many fragments cover each point (1-unit bins) across the text's width.
  const starts = new Array<number>(width + 2).fill(0);
  for (const f of fragments) {
    const from = Math.max(0, Math.floor(f.x0 - minX));
    const to = Math.min(width + 1, Math.ceil(f.x1 - minX));
    starts[from] = (starts[from] ?? 0) + 1;
    starts[to] = (starts[to] ?? 0) - 1;
  }
  let running = 0;
  const cover = starts.map((delta) => (running += delta));
  const at = (i: number): number => cover[i] ?? 0;
  const lo = Math.floor(0.2 * width);
  const hi = Math.ceil(0.8 * width);
  // The gutter is where the fewest fragments cross (a title, a footnote rule), at most a fifth.
  let least = Infinity;
  for (let i = lo; i <= hi; i++) least = Math.min(least, at(i));
  if (least > Math.floor(GUTTER_CROSSING_SHARE * fragments.length)) return null;
  const minGutter = median(fragments.map((f) => f.size));
  // Of the strips that qualify, the leftmost that splits the text into columns: the columns to
  // its right are split again by the caller (three columns, four).
  for (let i = lo; i <= hi; i++) {
    if (at(i) > least) continue;
    let j = i;
    while (j + 1 <= hi && at(j + 1) <= least) j++;
    const gutter = { from: minX + i, to: minX + j };
    if (j - i >= minGutter && splitsColumns(fragments, gutter)) return gutter;
    i = j;
  }
  return null;
}

/** Whether a gutter leaves columns of text either side of it, not cells of a table. */
function splitsColumns(
  fragments: readonly Fragment[],
  { from, to }: { from: number; to: number },
): boolean {
  const left = fragments.filter((f) => f.x1 <= from + 1);
  const right = fragments.filter((f) => f.x0 >= to - 1);
  if (left.length < MIN_COLUMN_FRAGMENTS || right.length < MIN_COLUMN_FRAGMENTS) return false;
  const leftWidth = from - lowest(left.map((f) => f.x0));
  const rightWidth = highest(right.map((f) => f.x1)) - to;
  const leftFill = median(left.map((f) => f.x1 - f.x0));
  // The right side may hold more columns: its lines then fill one of them, as wide as the left's.
  const rightFill = median(right.map((f) => f.x1 - f.x0));
  return (
    leftFill >= 0.5 * leftWidth && (rightFill >= 0.5 * rightWidth || rightFill >= 0.5 * leftFill)
  );
}

/** Fragments on one baseline (one side of a gutter) joined into a line. */
function linesOf(fragments: Fragment[]): Line[] {
  const lines: Line[] = [];
  for (const f of fragments) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - f.y) <= BASELINE_TOLERANCE * Math.max(line.size, f.size)) {
      line.text += ` ${f.text}`;
      line.x1 = Math.max(line.x1, f.x1);
      line.size = Math.max(line.size, f.size);
      line.cells += 1;
    } else lines.push({ ...f, cells: 1 });
  }
  return lines;
}

/**
 * A page's lines in reading order, as flows: runs of lines read top to bottom. On a two-column
 * page the text between fragments that cross the gutter (a title, a full-width figure) is a
 * band; each band's left column is read before its right. Each column is split again where it
 * has a gutter of its own, so three or four columns are read in order too.
 */
function flowsOf(rows: readonly Row[]): Line[][] {
  return columnFlows(
    rows.flatMap((row) => row.fragments),
    0,
  );
}

/** Deepest split of a column into columns: 3 levels reach up to eight columns. */
const MAX_COLUMN_SPLITS = 3;

function columnFlows(fragments: Fragment[], depth: number): Line[][] {
  const gutter = depth < MAX_COLUMN_SPLITS ? findGutter(fragments) : null;
  if (!gutter) return [linesOf(fragments)];
  const flows: Line[][] = [];
  let left: Fragment[] = [];
  let right: Fragment[] = [];
  const flush = (): void => {
    if (left.length) flows.push(...columnFlows(left, depth + 1));
    if (right.length) flows.push(...columnFlows(right, depth + 1));
    left = [];
    right = [];
  };
  for (const f of fragments) {
    if (f.x1 <= gutter.from + 1) left.push(f);
    else if (f.x0 >= gutter.to - 1) right.push(f);
    else {
      flush();
      flows.push([{ ...f, cells: 1 }]);
    }
  }
  flush();
  return flows;
}

const CONTENTS_ENTRY = /(?:\.\s?){4,}\s*\d+$/;
const SENTENCE_END = /[.!?…:;]["”’»)\]]*$/u;

/**
 * Lines of one flow grouped into paragraphs by vertical gap, size, and short sentence ends; a
 * table's row (cells apart on one baseline) is a paragraph of its own.
 */
function paragraphsOf(flow: readonly Line[]): Line[][] {
  // The usual line gap: a low quartile of the gaps, so that paragraph gaps do not raise it and
  // the odd raised or lowered row does not lower it.
  const gaps = flow
    .slice(1)
    .map((line, i) => ({ line, gap: (flow[i]?.y ?? line.y) - line.y }))
    .filter(({ line, gap }) => gap >= 0.6 * line.size)
    .map(({ gap }) => gap)
    .sort((a, b) => a - b);
  const usualGap = gaps.length >= 2 ? gaps[Math.floor(gaps.length / 4)] : undefined;
  const rightEdge = highest(flow.map((l) => l.x1));
  const leftEdge = lowest(flow.map((l) => l.x0));
  const paragraphs: Line[][] = [];
  let current: Line[] | undefined;
  let prev: Line | undefined;
  for (const line of flow) {
    let breaks = true;
    if (prev && current) {
      const usual = usualGap ?? 1.2 * prev.size;
      const gap = prev.y - line.y;
      const sizeChange = Math.abs(prev.size - line.size) > 0.15 * Math.max(prev.size, line.size);
      const shortEnd =
        SENTENCE_END.test(prev.text) && prev.x1 - leftEdge < SHORT_LINE * (rightEdge - leftEdge);
      const tableRow = prev.cells > 1 || line.cells > 1;
      // A table of contents' entry: its leader dots and page number end it.
      const contentsEntry = CONTENTS_ENTRY.test(prev.text);
      breaks =
        gap > PARAGRAPH_GAP * usual ||
        gap < 0 ||
        sizeChange ||
        shortEnd ||
        tableRow ||
        contentsEntry;
    }
    if (breaks || !current) {
      current = [line];
      paragraphs.push(current);
    } else current.push(line);
    prev = line;
  }
  return paragraphs;
}

/** Words and hyphenated compounds the document uses mid-line: they decide a line-end hyphen. */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
}

/** The characters a line broken inside a word ends with: hyphen, hyphen (U+2010), soft hyphen. */
const BREAK_MARKS = new Set(['-', '\u2010', '\u00AD']);

export function vocabularyOf(lines: Iterable<string>): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const line of lines) {
    // A word broken at the line's end is not a word the document uses.
    const body = BREAK_MARKS.has(line.at(-1) ?? '')
      ? line.replace(/[\p{L}-]+[-\u2010\u00AD]$/u, '')
      : line;
    // One scan: a run of letters with hyphens inside is a compound; one without, standing free of
    // hyphens on both sides, a word.
    for (const m of body.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const found = m[0];
      if (found.includes('-')) compounds.add(found.toLowerCase());
      else if (body[m.index - 1] !== '-' && body[m.index + found.length] !== '-')
        words.add(found.toLowerCase());
    }
  }
  return { words, compounds };
}

/**
 * How a line continues on the next: `drop` characters taken off the end of the first (a
 * hyphenation hyphen) and the separator between them. A word broken with a hyphen ("inter-" /
 * "national") is joined when the next line starts in lower case, unless the document writes the
 * compound with its hyphen elsewhere and never the joined word ("well-" / "known"). Any other
 * hyphen or dash ending a line ("3-" / "5", "Sino-" / "Korean") is kept with no space.
 */
export function joinOf(
  prev: string,
  next: string,
  vocabulary: Vocabulary,
): { drop: number; sep: string } {
  const last = prev.at(-1);
  if (last === '\u00AD') return { drop: 1, sep: '' };
  // Most lines end in no hyphen: only a dash after a word joins them without a space.
  if (last !== '-' && last !== '\u2010')
    return /\S[–—]$/u.test(prev) ? { drop: 0, sep: '' } : { drop: 0, sep: ' ' };
  // "state-of-the-" / "art": the whole compound so far, and its last part.
  const broken = /((?:\p{L}+-)*(\p{L}+))[-\u2010]$/u.exec(prev);
  const head = /^\p{Ll}+/u.exec(next);
  if (broken && head) {
    const rest = head[0].toLowerCase();
    const keep =
      vocabulary.compounds.has(`${(broken[1] ?? '').toLowerCase()}-${rest}`) &&
      !vocabulary.words.has((broken[2] ?? '').toLowerCase() + rest);
    return keep ? { drop: 0, sep: '' } : { drop: 1, sep: '' };
  }
  if (/\S[-\u2010–—]$/u.test(prev)) return { drop: 0, sep: '' };
  return { drop: 0, sep: ' ' };
}

/** Whether a paragraph cut by a column or page break goes on: no sentence end, lower case next. */
function continues(prev: string, next: string): boolean {
  if (/\p{L}[-\u2010\u00AD]$/u.test(prev)) return /^\p{Ll}/u.test(next);
  return !SENTENCE_END.test(prev) && /^\p{Ll}/u.test(next);
}

/** A page's paragraphs in reading order, each a list of line texts. */
function pageParagraphs(rows: readonly Row[]): PageParagraphs {
  const result: PageParagraphs = [];
  for (const flow of flowsOf(rows)) {
    paragraphsOf(flow).forEach((paragraph, index) => {
      const lines = paragraph.map((l) => l.text);
      const last = result.at(-1);
      const tail = last?.at(-1);
      // A paragraph cut by a column break goes on at the top of the next column.
      if (index === 0 && last && tail !== undefined && continues(tail, lines[0] ?? ''))
        last.push(...lines);
      else result.push(lines);
    });
  }
  return result;
}

export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/**
 * The report's text from its pages' paragraphs: a paragraph per line, lines of a paragraph
 * joined (hyphenation undone), a paragraph that runs over a page break joined across it. Each
 * page's span runs from its first character to just after its last (empty, at the point where
 * it would be, for a page without text).
 */
function assemble(pages: readonly PageParagraphs[]): { text: string; spans: PageSpan[] } {
  const vocabulary = vocabularyOf(pages.flat(2));
  // The text in pieces, joined once at the end (not copied at every line), and its length so far.
  const parts: string[] = [];
  let length = 0;
  /** Takes `n` characters off the end (a hyphenation hyphen ends the last line). */
  const drop = (n: number): void => {
    let left = n;
    while (left > 0 && parts.length > 0) {
      const lastPart = parts.pop() as string;
      const cut = Math.min(left, lastPart.length);
      if (lastPart.length > cut) parts.push(lastPart.slice(0, lastPart.length - cut));
      left -= cut;
      length -= cut;
    }
  };
  let lastLine: string | undefined;
  const spans: PageSpan[] = [];
  pages.forEach((paragraphs, index) => {
    let start = -1;
    paragraphs.forEach((lines, p) => {
      lines.forEach((line, l) => {
        let sep = '\n';
        if (lastLine === undefined) sep = '';
        else if (l > 0 || (p === 0 && continues(lastLine, line))) {
          const join = joinOf(lastLine, line, vocabulary);
          if (join.drop) {
            drop(join.drop);
            // The dropped hyphen may have ended the page before.
            const lastSpan = spans.at(-1);
            if (lastSpan) lastSpan.end = Math.min(lastSpan.end, length);
          }
          sep = join.sep;
        }
        parts.push(sep);
        length += sep.length;
        if (start < 0) start = length;
        parts.push(line);
        length += line.length;
        lastLine = line;
      });
    });
    spans.push({ page: index + 1, start: start < 0 ? length : start, end: length });
  });
  for (const span of spans) span.start = Math.min(span.start, span.end);
  return { text: parts.join(''), spans };
}

/**
 * A page's runs in the frame of its main text direction (most characters): a page whose text is
 * set turned (a landscape table) is read as if upright. Runs in other directions (a watermark, a
 * stamp up the margin) are set aside as one paragraph per direction, in the file's order.
 */
function inOwnFrame(runs: readonly TextRun[]): { runs: TextRun[]; aside: string[] } {
  const byAngle = new Map<number, TextRun[]>();
  for (const run of runs) {
    const angle = (((run.angle ?? 0) % 360) + 360) % 360;
    const same = byAngle.get(angle);
    if (same) same.push(run);
    else byAngle.set(angle, [run]);
  }
  const chars = (group: TextRun[]): number => group.reduce((n, r) => n + r.text.length, 0);
  const [main = 0] = [...byAngle].sort((a, b) => chars(b[1]) - chars(a[1]))[0] ?? [];
  const aside: string[] = [];
  for (const [angle, group] of byAngle) {
    if (angle === main) continue;
    const text = cleanRun(group.map((r) => r.text).join(' '));
    if (text) aside.push(text);
  }
  const rad = (main * Math.PI) / 180;
  const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
  const turned = (byAngle.get(main) ?? []).map((r) =>
    main === 0 ? r : { ...r, x: r.x * cos + r.y * sin, y: r.y * cos - r.x * sin },
  );
  return { runs: turned, aside };
}

/** The whole pipeline: each page's runs to the report's text and the pages' spans in it. */
export function readingOrder(pages: readonly (readonly TextRun[])[]): {
  text: string;
  spans: PageSpan[];
} {
  const framed = pages.map(inOwnFrame);
  const rows = dropRunningRows(framed.map((page) => rowsOf(page.runs)));
  return assemble(
    rows.map((page, i) => [
      ...pageParagraphs(page),
      ...(framed[i]?.aside ?? []).map((text) => [text]),
    ]),
  );
}
