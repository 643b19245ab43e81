import type { ReportMetadata } from '../../../shared/api.ts';
import { decodeText } from './decode.ts';
import { ImportRejection } from './errors.ts';
import { parseStatedDate } from './infer.ts';
import { canonicalOutlet } from './outlets.ts';
import { checkHtmlStructure } from './limits.ts';
import { inferFromText, type ParsedReport } from './text.ts';

/** Fewer characters than this in the extracted article means the page had no article. */
export const MIN_ARTICLE_CHARS = 200;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** The charset a page declares in its first bytes (`<meta charset>` or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/**
 * A saved news page: Mozilla Readability finds the article; its text is taken block by block so
 * paragraphs survive. jsdom parses without running scripts or fetching anything, so nothing in
 * the page executes.
 */
export async function parseHtml(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
  return parseHtmlText(decodeText(bytes, declaredCharset(bytes)), fileName);
}

/**
 * A page's markup, already decoded, as parseHtml reads it. `fallback` fills what neither the page
 * nor its text states (a web archive's own headers).
 */
export async function parseHtmlText(
  html: string,
  fileName: string,
  fallback: ReportMetadata = {},
): Promise<ParsedReport> {
  checkHtmlStructure(html);
  const [{ JSDOM, VirtualConsole }, { Readability }] = await Promise.all([
    import('jsdom'),
    import('@mozilla/readability'),
  ]);
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const meta = pageMetadata(document);
    removeAdvertising(document);
    const article = new Readability(document, {
      serializer: (node: Node) => blockText(node),
    }).parse();
    const text = article?.content ?? '';
    if (text.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) {
      throw new ImportRejection(
        'no-article',
        `no article text was found in this page (${fileName}); save the article page itself, or copy its text into a .txt file`,
      );
    }
    const known: ReportMetadata = {
      title: article?.title?.trim() || meta.title || fallback.title,
      byline: cleanByline(article?.byline) ?? meta.byline,
      outlet: article?.siteName ? canonicalOutlet(article.siteName) : meta.outlet,
      publishedAt:
        (article?.publishedTime && parseStatedDate(article.publishedTime)) || meta.publishedAt,
      url: meta.url ?? savedFromUrl(html) ?? fallback.url,
      language: article?.lang?.trim() || meta.language,
    };
    const parsed = inferFromText(text, known);
    // A fallback date is when the page was saved: only when neither page nor text states one.
    parsed.metadata.publishedAt ||= fallback.publishedAt;
    return parsed;
  } finally {
    dom.window.close();
  }
}

/**
 * The address a page was saved from, as the tools that save whole pages note it: SingleFile in a
 * comment at the top ("Page saved with SingleFile … url: …"), Save Page WE in a meta tag.
 */
function savedFromUrl(html: string): string | undefined {
  const head = html.slice(0, 8192);
  const url =
    /<!--\s*Page saved with SingleFile\s[^]*?\burl:\s*(\S+)[^]*?-->/i.exec(head)?.[1] ??
    /<meta\s[^>]*name=["']savepage-url["'][^>]*content=["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta\s[^>]*content=["']([^"']+)["'][^>]*name=["']savepage-url["']/i.exec(head)?.[1];
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Ad and promotion blocks that sit inside article bodies, which Readability would keep. */
const ADVERTISING =
  /(^|[\s_-])(ads?|advert\w*|sponsor\w*|promo\w*|banner|dfp|taboola|outbrain)($|[\s_-])/i;

function removeAdvertising(document: Document): void {
  for (const element of Array.from(document.body?.querySelectorAll('[class], [id]') ?? [])) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (ADVERTISING.test(names) && !element.querySelector('article')) element.remove();
  }
}

function cleanByline(byline: string | null | undefined): string | undefined {
  const b = byline
    ?.replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
  return b ? b : undefined;
}

function pageMetadata(document: Document): ReportMetadata {
  const metaContent = (selector: string): string | undefined =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const canonical =
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim() ||
    metaContent('meta[property="og:url"]');
  const site =
    metaContent('meta[property="og:site_name"]') ?? metaContent('meta[name="application-name"]');
  const date =
    metaContent('meta[property="article:published_time"]') ??
    metaContent('meta[name="date"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  return {
    title: metaContent('meta[property="og:title"]') ?? (document.title.trim() || undefined),
    byline: cleanByline(metaContent('meta[name="author"]')),
    outlet: site ? canonicalOutlet(site) : undefined,
    publishedAt: (date && parseStatedDate(date)) || undefined,
    url: canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined,
    language: document.documentElement.getAttribute('lang')?.trim() || undefined,
  };
}

/** Text of an element with one line per block (paragraph, heading, list item, cell row). */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.tagName === 'PRE') {
      flush();
      lines.push(...(element.textContent ?? '').split('\n').map((l) => l.trimEnd()));
      return;
    }
    const block = BLOCK.has(element.tagName);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}
