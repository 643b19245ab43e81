// Limits on what a parser of untrusted input may be asked to do. Every limit here is documented in
// docs/import-limits.md; a file over one is rejected with the limit named, before the parser that
// would choke on it ever sees it. The parse worker (parse-pool.ts) adds a time and memory budget
// on top, for whatever these cheap linear scans cannot foresee.
import { ImportRejection } from './errors.ts';

/**
 * Deepest element nesting a saved page may have. Real pages stay under 100; jsdom's tree building
 * slows with depth (each tag scans the open elements), so the limit is half of Chromium's 512.
 */
export const MAX_HTML_DEPTH = 256;
/** Most elements a saved page may have; a long news page has a few thousand. */
export const MAX_HTML_ELEMENTS = 200_000;
/** Deepest nesting of block quotes and lists a Markdown file may have. */
export const MAX_MARKDOWN_DEPTH = 100;
/** Longest one file may take to parse in the parse worker before it is stopped. */
export const PARSE_TIME_LIMIT_MS = 20_000;
/**
 * Longest OCR may take over one page (or image), drawing it included. OCR runs past the parse
 * limit above: each page it starts gives the file this long again. Tesseract takes 1–3 s for a
 * page of text at 250 dpi on one core; a dense page on a slow machine, many times that.
 */
export const OCR_PAGE_TIME_LIMIT_MS = 60_000;
/** Heap the parse worker may use for one file (V8's old generation, in MiB). */
export const PARSE_MEMORY_LIMIT_MB = 1536;

/** A rejection for a file over one of these limits; `what` says which, with the limit's value. */
export function tooComplex(what: string): ImportRejection {
  return new ImportRejection('too-complex', `${what}; the file was not parsed`);
}

/** Elements whose content is raw text: a `<` inside them opens no element. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'basefont',
  'bgsound',
  'frame',
]);
/** Elements a new one of the same name closes (their end tags are optional). */
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'rb',
  'rp',
  'rt',
  'rtc',
]);

/**
 * Checks a page's element nesting and count in one linear pass over its tags, before jsdom builds
 * a tree: parse5's tree construction is quadratic in depth (a 20,000-deep page takes minutes) and
 * Readability recurses through it. The scan errs towards counting LESS depth than a browser
 * would (any end tag closes back to its element; a `<p>` or `<li>` closes an open one), so a
 * page a browser can show is never refused for depth.
 */
export function checkHtmlStructure(html: string): void {
  const open: string[] = [];
  let elements = 0;
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)|<!--|<!|<\?/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    const at = m.index;
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', at + 4);
      if (end < 0) return;
      tag.lastIndex = end + 3;
      continue;
    }
    const close = tagEnd(html, tag.lastIndex);
    if (close < 0) return;
    tag.lastIndex = close + 1;
    if (!m[2]) continue; // a doctype, CDATA or processing instruction
    const name = m[2].toLowerCase();
    if (m[1]) {
      const i = open.lastIndexOf(name);
      if (i >= 0) open.length = i;
      continue;
    }
    if (++elements > MAX_HTML_ELEMENTS)
      throw tooComplex(
        `the page has more elements than the limit of ${MAX_HTML_ELEMENTS.toLocaleString('en')}`,
      );
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'ig');
      endTag.lastIndex = tag.lastIndex;
      if (!endTag.exec(html)) return;
      tag.lastIndex = endTag.lastIndex - name.length - 2;
      continue;
    }
    if (VOID.has(name) || html[close - 1] === '/') continue;
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      const i = open.lastIndexOf(name);
      if (i >= 0) open.length = i;
    }
    open.push(name);
    if (open.length > MAX_HTML_DEPTH)
      throw tooComplex(`the page nests elements deeper than the limit of ${MAX_HTML_DEPTH} levels`);
  }
}

/** Where a tag that starts before `from` ends (its `>`), skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** The leading run of block markers on a line: `>`, list bullets and ordered-list numbers. */
const MARKERS = /^(?:[ \t]*(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;

/**
 * Checks how deeply a Markdown file nests block quotes and lists before marked, which recurses
 * once per level, lexes it. A level is a marker at the start of a line (`>`, `-`, `1.`) or two
 * columns of indentation before one.
 */
export function checkMarkdownStructure(markdown: string): void {
  let start = 0;
  while (start < markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const line = markdown.slice(start, Math.min(end, start + 4 * MAX_MARKDOWN_DEPTH + 64));
    const run = MARKERS.exec(line)?.[0];
    if (run) {
      const indent = /^[ \t]*/.exec(run)?.[0].length ?? 0;
      const markers = run.replace(/\d{1,9}[.)]/g, '1').replace(/[ \t]/g, '').length;
      if (markers + Math.floor(indent / 2) > MAX_MARKDOWN_DEPTH)
        throw tooComplex(
          `block quotes and lists nest deeper than the limit of ${MAX_MARKDOWN_DEPTH} levels`,
        );
    }
    start = end + 1;
  }
}
