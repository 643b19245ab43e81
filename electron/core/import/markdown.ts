import { Lexer, type Token, type Tokens } from 'marked';
import type { ReportMetadata } from '../../../shared/api.ts';
import { canonicalOutlet } from './outlets.ts';
import { parseStatedDate } from './infer.ts';
import { checkMarkdownStructure } from './limits.ts';
import { inferFromText, type ParsedReport } from './text.ts';

/**
 * Markdown becomes the plain text a reader sees: markup removed, one paragraph a line, link text
 * kept (URLs dropped), code kept verbatim. Front matter (`---` … `---`) gives metadata.
 */
export function parseMarkdown(raw: string): ParsedReport {
  const { body, metadata } = takeFrontMatter(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  checkMarkdownStructure(body);
  const tokens = new Lexer({ gfm: true }).lex(body);
  const paragraphs: string[] = [];
  let title: string | undefined;
  const visit = (list: Token[]): void => {
    for (const token of list) {
      switch (token.type) {
        case 'heading':
          if (!title && (token as Tokens.Heading).depth === 1) title = inline(token).trim();
          // A heading opens a section: a blank line before it, as in the desk's normal form.
          if (paragraphs.length > 0) paragraphs.push('');
          paragraphs.push(inline(token));
          break;
        case 'paragraph':
        case 'text':
          paragraphs.push(inline(token));
          break;
        case 'code':
          paragraphs.push((token as Tokens.Code).text);
          break;
        case 'blockquote':
          visit((token as Tokens.Blockquote).tokens);
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) visit(item.tokens);
          break;
        case 'table': {
          const table = token as Tokens.Table;
          paragraphs.push(table.header.map((cell) => inlineTokens(cell.tokens)).join('\t'));
          for (const row of table.rows)
            paragraphs.push(row.map((cell) => inlineTokens(cell.tokens)).join('\t'));
          break;
        }
        case 'hr':
          paragraphs.push('');
          break;
        default:
          break; // raw HTML blocks and definitions are not report text
      }
    }
  };
  visit(tokens);
  const text = paragraphs.map((p) => p.replace(/\n/g, ' ')).join('\n');
  return inferFromText(text, { ...metadata, title: metadata.title || title });
}

function inline(token: Token): string {
  return 'tokens' in token && token.tokens
    ? inlineTokens(token.tokens)
    : 'text' in token
      ? String(token.text)
      : '';
}

function inlineTokens(tokens: Token[]): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'br':
          return ' ';
        case 'image':
          return (t as Tokens.Image).text;
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'html':
          return '';
        case 'escape':
        case 'text':
          return 'tokens' in t && t.tokens
            ? inlineTokens(t.tokens)
            : decodeEntities((t as Tokens.Text).text);
        default:
          return inline(t);
      }
    })
    .join('');
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: '\u00A0',
};

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

/** `key: value` lines between `---` fences at the top: title, author/byline, date, outlet/site, url, lang. */
function takeFrontMatter(text: string): { body: string; metadata: ReportMetadata } {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!match) return { body: text, metadata: {} };
  const metadata: ReportMetadata = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!kv?.[1] || !kv[2]) continue;
    const value = kv[2].replace(/^(["'])(.*)\1$/, '$2');
    switch (kv[1].toLowerCase()) {
      case 'title':
        metadata.title = value;
        break;
      case 'author':
      case 'byline':
        metadata.byline = value;
        break;
      case 'date':
      case 'published':
        metadata.publishedAt = parseStatedDate(value) ?? undefined;
        break;
      case 'outlet':
      case 'site':
      case 'source':
        metadata.outlet = canonicalOutlet(value);
        break;
      case 'url':
        metadata.url = value;
        break;
      case 'lang':
      case 'language':
        metadata.language = value;
        break;
    }
  }
  return { body: text.slice(match[0].length), metadata };
}
