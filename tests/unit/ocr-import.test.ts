// Images and scanned PDF pages imported through OCR (issue 12), on the generated fixtures
// (scripts/ocr-fixtures.ts): text where the page was, page spans kept right, marked as OCR.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { imageSize } from '../../electron/core/import/image.ts';
import { prepareReport, type PreparedReport } from '../../electron/core/import/index.ts';
import {
  closeSharedOcrEngine,
  ocrLanguageFilesFromEnv,
  type OcrResult,
} from '../../electron/core/import/ocr.ts';
import { parsePdf, spliceRecognised } from '../../electron/core/import/pdf.ts';
import {
  MEMO_TEXT,
  PARTLY_SCANNED,
  PARTLY_TYPED,
  SCANNED_PAGES,
} from '../../scripts/ocr-fixtures.ts';
import { wordsFound } from './ocr-helpers.ts';

const bytesOf = (dir: string, name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)));

const pageText = (report: PreparedReport, page: number): string => {
  const span = report.pages?.[page - 1];
  if (!span) throw new Error(`no page ${page}`);
  return report.text.slice(span.start, span.end);
};

afterAll(closeSharedOcrEngine);

describe('image import', () => {
  it('reads a PNG by OCR, titled by its file name, marked as OCR', async () => {
    const report = await prepareReport(bytesOf('ocr', 'flood-memo.png'), 'flood-memo.png');
    expect(report.format).toBe('image');
    expect(report.title).toBe('flood-memo');
    expect(wordsFound(MEMO_TEXT, report.text)).toBeGreaterThanOrEqual(0.9);
    expect(report.original?.mediaType).toBe('image/png');
    expect(report.ocr?.pages).toBeNull();
    expect(report.ocr?.confidence).toBeGreaterThan(80);
    expect(report.pages).toBeUndefined();
  });

  it('reads a JPEG, kept as image/jpeg', async () => {
    const report = await prepareReport(bytesOf('ocr', 'flood-memo.jpg'), 'Flood Memo.JPG');
    expect(report.format).toBe('image');
    expect(report.original?.mediaType).toBe('image/jpeg');
    expect(wordsFound(MEMO_TEXT, report.text)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the words OCR doubted, as spans of whole words in the text', async () => {
    const report = await prepareReport(bytesOf('ocr', 'faded-memo.png'), 'faded-memo.png');
    const doubted = report.ocr?.lowConfidence ?? [];
    expect(doubted.length).toBeGreaterThan(0);
    expect(report.ocr?.confidence).toBeLessThan(95);
    for (const span of doubted) {
      expect(span.confidence).toBeLessThan(60);
      const word = report.text.slice(span.start, span.end);
      expect(word).toMatch(/^\S+$/);
      expect(report.text[span.start - 1] ?? ' ').toMatch(/\s/);
      expect(report.text[span.end] ?? ' ').toMatch(/\s/);
    }
  });

  it('refuses a file that is no image, and one that claims a huge canvas, before OCR', async () => {
    await expect(
      prepareReport(new TextEncoder().encode('not a picture'), 'photo.png'),
    ).rejects.toThrow('photo.png: this is not a PNG or JPEG image');
    const bomb = bytesOf('ocr', 'flood-memo.png').slice(0, 64);
    new DataView(bomb.buffer).setUint32(16, 100_000);
    new DataView(bomb.buffer).setUint32(20, 100_000);
    await expect(prepareReport(bomb, 'bomb.png')).rejects.toMatchObject({
      reason: 'too-complex',
      message: expect.stringContaining('bomb.png is 100000 × 100000 pixels'),
    });
  });

  it('reads the size from PNG and JPEG headers', () => {
    expect(imageSize(bytesOf('ocr', 'flood-memo.png'))).toEqual({
      kind: 'png',
      width: 1700,
      height: 834,
    });
    expect(imageSize(bytesOf('ocr', 'flood-memo.jpg'))).toEqual({
      kind: 'jpeg',
      width: 1700,
      height: 834,
    });
  });
});

describe('languages the analyst names', () => {
  it('are read from SOURCE_DESK_OCR_LANGUAGES, separated as in PATH', () => {
    expect(
      ocrLanguageFilesFromEnv({
        SOURCE_DESK_OCR_LANGUAGES: '/a/kor.traineddata: /b/jpn.traineddata:',
      }),
    ).toEqual(['/a/kor.traineddata', '/b/jpn.traineddata']);
    expect(ocrLanguageFilesFromEnv({})).toEqual([]);
  });

  it('are loaded by every import: a file that is not there rejects the import, named', async () => {
    const before = process.env.SOURCE_DESK_OCR_LANGUAGES;
    process.env.SOURCE_DESK_OCR_LANGUAGES = '/nowhere/kor.traineddata';
    try {
      await expect(
        prepareReport(bytesOf('ocr', 'flood-memo.png'), 'flood-memo.png'),
      ).rejects.toThrow('/nowhere/kor.traineddata: the OCR language data cannot be read');
    } finally {
      if (before === undefined) delete process.env.SOURCE_DESK_OCR_LANGUAGES;
      else process.env.SOURCE_DESK_OCR_LANGUAGES = before;
    }
  });
});

describe('scanned PDF pages', () => {
  it('recognises every page of a scan, each in its own span, in order', async () => {
    const seen: string[] = [];
    const report = await prepareReport(
      bytesOf('ocr', 'scanned-text.pdf'),
      'scanned-text.pdf',
      {},
      { onOcrPage: (i, n) => seen.push(`${i}/${n}`) },
    );
    expect(seen).toEqual(['1/2', '2/2']);
    expect(report.pages).toHaveLength(2);
    SCANNED_PAGES.forEach((expected, i) =>
      expect(wordsFound(expected, pageText(report, i + 1))).toBeGreaterThanOrEqual(0.9),
    );
    expect(report.ocr?.pages).toEqual([1, 2]);
    expect(report.ocr?.confidence).toBeGreaterThan(80);
  });

  it('splices a scanned page between typed ones, typed text untouched', async () => {
    const report = await prepareReport(
      bytesOf('ocr', 'partly-scanned-text.pdf'),
      'partly-scanned-text.pdf',
    );
    expect(pageText(report, 1)).toBe(PARTLY_TYPED[0]);
    expect(wordsFound(PARTLY_SCANNED, pageText(report, 2))).toBeGreaterThanOrEqual(0.9);
    expect(pageText(report, 3)).toBe(PARTLY_TYPED[1]);
    expect(report.ocr?.pages).toEqual([2]);
    const page2 = report.pages?.[1];
    for (const span of report.ocr?.lowConfidence ?? []) {
      expect(span.start).toBeGreaterThanOrEqual(page2?.start ?? -1);
      expect(span.end).toBeLessThanOrEqual(page2?.end ?? -1);
    }
  });

  it('refuses a scan with more pages than OCR reads, before recognising any', async () => {
    let recognised = 0;
    const recognize = (): Promise<OcrResult> => {
      recognised++;
      return Promise.resolve({ text: 'x', confidence: 90, words: [] });
    };
    await expect(
      parsePdf(
        bytesOf('ocr', 'scanned-text.pdf'),
        'scanned-text.pdf',
        { maxOcrPages: 1 },
        { recognize },
      ),
    ).rejects.toMatchObject({
      reason: 'too-complex',
      message:
        'scanned-text.pdf has 2 pages without a text layer; OCR reads at most 1 pages of one PDF (split the scan into parts); the file was not parsed',
    });
    expect(recognised).toBe(0);
  });

  it('still refuses a scan in which OCR finds no text', async () => {
    await expect(prepareReport(bytesOf('pdf', 'scanned.pdf'), 'scanned.pdf')).rejects.toThrow(
      'scanned.pdf: no page of this PDF has a text layer (it looks scanned), and OCR recognised no text on its pages',
    );
  });
});

describe('splicing recognised pages', () => {
  const ocr = (text: string): OcrResult => ({
    text,
    confidence: 50,
    words: [
      { text: text.split(' ')[0] as string, confidence: 50, start: 0, end: text.indexOf(' ') },
    ],
  });

  it('puts each page where its empty span is and shifts the spans after it', () => {
    // Pages 1 and 3 typed ("One", "Three"), 2 and 4 scanned.
    const spans = [
      { page: 1, start: 0, end: 3 },
      { page: 2, start: 3, end: 3 },
      { page: 3, start: 4, end: 9 },
      { page: 4, start: 9, end: 9 },
    ];
    const out = spliceRecognised(
      'One\nThree',
      spans,
      new Map([
        [4, ocr('Four is last')],
        [2, ocr('Two here')],
      ]),
    );
    expect(out.text).toBe('One\nTwo here\nThree\nFour is last');
    expect(out.spans.map((s) => out.text.slice(s.start, s.end))).toEqual([
      'One',
      'Two here',
      'Three',
      'Four is last',
    ]);
    expect(out.results.map((r) => out.text.slice(r.words[0]?.start, r.words[0]?.end))).toEqual([
      'Two',
      'Four',
    ]);
    // The input's spans are not changed.
    expect(spans[2]).toEqual({ page: 3, start: 4, end: 9 });
  });

  it('puts a first scanned page before the text', () => {
    const out = spliceRecognised(
      'Second',
      [
        { page: 1, start: 0, end: 0 },
        { page: 2, start: 0, end: 6 },
      ],
      new Map([[1, ocr('First page')]]),
    );
    expect(out.text).toBe('First page\nSecond');
    expect(out.spans).toEqual([
      { page: 1, start: 0, end: 10 },
      { page: 2, start: 11, end: 17 },
    ]);
  });
});
