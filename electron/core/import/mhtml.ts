// Web archives (.mhtml, .mht: a page and its resources in one MIME message, as Chromium and Edge
// save them). mhtml-to-html unpacks the page into one HTML document, with scripts removed and no
// fetch of anything missing; the page then takes the saved-page path (html.ts: jsdom without
// scripts, Readability). Only the archive's HTML parts are kept for the conversion: images,
// fonts and styles carry no text and would only be inlined as data: URIs.
import type { ReportMetadata } from '../../../shared/api.ts';
import { ImportRejection } from './errors.ts';
import { parseHtmlText } from './html.ts';
import { parseStatedDate } from './infer.ts';
import { tooComplex } from './limits.ts';
import type { ParsedReport } from './text.ts';

export async function parseMhtml(bytes: Uint8Array, fileName: string): Promise<ParsedReport> {
  const { parse, convert } = await import('mhtml-to-html');
  let page: { html: string; headers: Record<string, string> };
  try {
    const archive = parse(bytes);
    archive.resources = Object.fromEntries(
      Object.entries(archive.resources).filter(
        ([id, resource]) =>
          id === archive.index ||
          /^\s*(text\/html|application\/xhtml\+xml)/i.test(resource.contentType),
      ),
    );
    const converted = await convert(archive, {
      enableScripts: false,
      fetchMissingResources: false,
      // Never called with fetchMissingResources off; if it were, nothing leaves the machine.
      fetch: () => Promise.reject(new Error('the desk never fetches anything for an archive')),
    });
    page = { html: converted.data, headers: archive.headers };
  } catch (error) {
    // mhtml-to-html reads each page part into a tree while unpacking, before the saved-page
    // path's structural check can see the page: one nested past the stack is refused here (the
    // check refuses the rest once the page is out, and the parse worker's time limit holds).
    if (error instanceof RangeError && /call stack/i.test(error.message))
      throw tooComplex(`the web archive ${fileName} nests its page too deeply to be read`);
    throw new ImportRejection(
      'parse-failed',
      `the web archive ${fileName} could not be read (${(error as Error)?.message ?? String(error)})`,
    );
  }
  return parseHtmlText(page.html, fileName, archiveMetadata(page.headers));
}

/** The archive's own headers: Subject (the page's title), where it was saved from, and when. */
function archiveMetadata(headers: Record<string, string>): ReportMetadata {
  const header = (name: string): string | undefined => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return value?.trim() || undefined;
  };
  const url = header('Snapshot-Content-Location') ?? header('Content-Location');
  const date = header('Date');
  const saved = date ? new Date(date) : undefined;
  const subject = header('Subject');
  return {
    title: subject && decodeEncodedWords(subject),
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    publishedAt:
      (saved && !Number.isNaN(saved.getTime()) && parseStatedDate(saved.toISOString())) ||
      undefined,
  };
}

/** RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?utf-8?Q?…?=`), as browsers write a non-ASCII Subject. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (whole, charset: string, kind: string, data: string) => {
        try {
          const bytes =
            kind.toUpperCase() === 'B'
              ? Buffer.from(data, 'base64')
              : Buffer.from(
                  data
                    .replace(/_/g, ' ')
                    .replace(/=([0-9a-f]{2})/gi, (_, hex: string) =>
                      String.fromCharCode(parseInt(hex, 16)),
                    ),
                  'latin1',
                );
          return new TextDecoder(charset.split('*')[0]).decode(bytes);
        } catch {
          return whole;
        }
      },
    );
}
