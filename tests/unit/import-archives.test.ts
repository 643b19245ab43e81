// Web archives and saved pages (issue 12): an MHTML page imports through the saved-page path with
// the archive's own metadata (Subject, Snapshot-Content-Location, Date) where the page states
// none; scripts in it never run and nothing is fetched; SingleFile and Save Page WE saves give
// the address they were saved from. The original bytes are kept.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { prepareReport } from '../../electron/core/import/index.ts';
import { MAX_HTML_DEPTH } from '../../electron/core/import/limits.ts';
import { decodeEncodedWords } from '../../electron/core/import/mhtml.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import {
  ARTICLE_PARAGRAPHS,
  mhtml,
  newsPage,
  PAGE_MHTML,
  SAVEPAGE_HTML,
  SCRIPTED,
  SCRIPTED_MHTML,
  SINGLEFILE_HTML,
} from '../fixtures/mhtml/build.ts';
import { nestedPage } from '../fixtures/hostile-pages.ts';
import { tempDesk, tempDir } from './helpers.ts';

const TEXT = ARTICLE_PARAGRAPHS.join('\n');
const URL = 'https://www.example.org/news/rice-prices-hyesan';

async function importOne(db: Db, name: string, bytes: Uint8Array) {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  const [result] = await importPaths(db, [file]);
  return result;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('an MHTML archive', () => {
  it('imports as its page’s article, with the archive’s address and date, and keeps its bytes', async () => {
    const { db } = tempDesk();
    const bytes = PAGE_MHTML();
    const result = await importOne(db, 'rice.mhtml', bytes);
    expect(result).toMatchObject({ status: 'imported' });
    const row = db
      .prepare(
        `SELECT r.title, r.url, r.published_at, r.language, r.format, t.body, o.sha256, o.media_type, o.bytes
         FROM reports r JOIN texts t ON t.sha256 = r.sha256 JOIN originals o ON o.sha256 = r.original_sha256`,
      )
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({
      title: 'Rice prices climb in Hyesan – Example News',
      url: URL,
      // No date on the page: the archive's Date, when it was saved.
      published_at: '2026-03-14T10:15',
      language: 'en',
      format: 'mhtml',
      body: TEXT,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      media_type: 'multipart/related',
    });
    expect(Buffer.compare(row.bytes as Buffer, bytes)).toBe(0);
  });

  it('.mht too; its Subject names it when the page has no title, and the page’s own date wins', async () => {
    const html = newsPage({
      head: '<meta property="article:published_time" content="2026-03-13T07:00:00Z">',
    })
      .replace(/<title>.*<\/title>/, '')
      .replace(/<h1>.*<\/h1>/, '');
    const report = await prepareReport(
      mhtml({ html, subject: '=?utf-8?B?7IyAIOqwgOqyqQ==?= rises' }),
      'rice.mht',
    );
    expect(report.format).toBe('mhtml');
    expect(report.title).toBe('쌀 가격 rises');
    expect(report.publishedAt).toBe('2026-03-13T07:00');
    expect(report.text).toBe(TEXT);
    expect(decodeEncodedWords('=?utf-8?B?7IyAIOqwgOqyqQ==?= rises')).toBe('쌀 가격 rises');
    expect(decodeEncodedWords('=?utf-8?Q?Rice_=E2=80=93_News?=')).toBe('Rice – News');
  });

  it('with scripts: none runs (inline, handler, archived, remote, in a frame) and nothing is fetched', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in tests')));
    vi.stubGlobal('fetch', fetch);
    const report = await prepareReport(SCRIPTED_MHTML(), 'scripted.mhtml');
    expect(report.text).toBe(TEXT);
    expect(report.title).not.toContain(SCRIPTED);
    expect(fetch).not.toHaveBeenCalled();
    // Through the parse worker and into the desk as well.
    const { db } = tempDesk();
    const result = await importOne(db, 'scripted.mhtml', SCRIPTED_MHTML());
    expect(result).toMatchObject({ status: 'imported' });
    expect(db.prepare('SELECT body FROM texts').pluck().get()).toBe(TEXT);
  });

  it('that is not an archive, or has no page in it, is refused with the reason and the desk unchanged', async () => {
    const { db } = tempDesk();
    const count = (): number =>
      db.prepare('SELECT count(*) FROM originals').pluck().get() as number;
    const result = await importOne(
      db,
      'empty.mhtml',
      Buffer.from(
        'From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x--\r\n',
      ),
    );
    expect(result).toMatchObject({
      status: 'rejected',
      message: 'the web archive empty.mhtml could not be read (Index page not found)',
    });
    expect(count()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
  });
});

describe('an MHTML archive over the saved-page limits', () => {
  it.each([
    // Past the stack of the parser mhtml-to-html unpacks with, before any check of ours.
    [
      20_000,
      'the web archive deep.mhtml nests its page too deeply to be read; the file was not parsed',
    ],
    // Within it, but over the saved-page limit.
    [
      2_000,
      `the page nests elements deeper than the limit of ${MAX_HTML_DEPTH} levels; the file was not parsed`,
    ],
  ])('a page nested %i deep is refused at once', async (depth, message) => {
    const { db } = tempDesk();
    const started = Date.now();
    const result = await importOne(db, 'deep.mhtml', mhtml({ html: nestedPage(depth) }));
    expect(result).toMatchObject({ status: 'rejected', message });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(0);
  });
});

describe('a page saved whole (SingleFile, Save Page WE)', () => {
  it.each([
    ['SingleFile, whose comment names the address', 'singlefile.html', SINGLEFILE_HTML],
    ['Save Page WE, whose meta tag names it', 'savepage.html', SAVEPAGE_HTML],
  ])('%s: imports its article with that address', async (_, name, page) => {
    const report = await prepareReport(Buffer.from(page()), name);
    expect(report).toMatchObject({ format: 'html', text: TEXT, url: URL });
    // The inline image is no part of the text.
    expect(report.text).not.toContain('data:');
  });

  it('a canonical link still wins over the saved-from address', async () => {
    const page = SINGLEFILE_HTML().replace(
      '<meta charset="utf-8">',
      '<meta charset="utf-8"><link rel="canonical" href="https://www.example.org/a/canonical">',
    );
    expect((await prepareReport(Buffer.from(page), 'c.html')).url).toBe(
      'https://www.example.org/a/canonical',
    );
  });
});
