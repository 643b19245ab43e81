// The PDF importer on the generated fixtures (scripts/pdf-fixtures.ts): text in reading order,
// page spans, metadata, pages without text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportRejection } from '../../electron/core/import/errors.ts';
import { normaliseText } from '../../electron/core/import/normalise.ts';
import { parsePdf, pdfDate, type ParsedPdf } from '../../electron/core/import/pdf.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

const parse = (name: string): Promise<ParsedPdf> => parsePdf(fixture(name), name);

/** The pages a span of the text lies on. */
function pagesOf(report: ParsedPdf, start: number, end: number): number[] {
  return report.pages.filter((p) => p.start < end && p.end > start).map((p) => p.page);
}

describe('two-column PDF', () => {
  it('reads the left column before the right, under the full-width title', async () => {
    const report = await parse('two-column.pdf');
    expect(report.text).toBe(
      [
        'Border Trade After the Floods',
        'Traders in Sinuiju say that the summer floods closed the main bridge for eleven days, and that trucks waited on the Chinese side until the water fell.',
        'Customs officers reopened the crossing at night first, letting through food and fuel before any other cargo.',
        'Prices of rice in the border markets rose by a fifth during the closure, according to two merchants who buy in Dandong.',
        'Both said that the prices had returned to their earlier level within a month of the reopening.',
        'The provincial authorities have since announced a second bridge, which a state newspaper says will open next year.',
        'Merchants doubt the date: a similar bridge announced in 2014 still carries no traffic.',
      ].join('\n'),
    );
  });

  it('drops the bare page numbers and gives each page its span', async () => {
    const report = await parse('two-column.pdf');
    expect(report.text).not.toMatch(/^\d+$/m);
    expect(report.pages).toEqual([
      { page: 1, start: 0, end: report.text.indexOf('\nThe provincial') },
      { page: 2, start: report.text.indexOf('The provincial'), end: report.text.length },
    ]);
    expect(report.pagesWithoutText).toEqual([]);
  });

  it('takes the metadata from the document information and the catalog', async () => {
    const report = await parse('two-column.pdf');
    expect(report.metadata).toEqual({
      title: 'Border Trade After the Floods',
      byline: 'Kim Ji-won',
      outlet: undefined,
      publishedAt: '2024-03-15',
      language: 'en-GB',
    });
  });
});

describe('working paper with running headers, footers and hyphenation', () => {
  const expected = [
    'Rice Prices in the Northern Provinces',
    'The state purchase price of rice in the northern provinces rose in the autumn, while the international aid that reached the region fell for a second year.',
    'Traders describe a well-known pattern: prices climb after the harvest is collected, then fall as soon as private stocks reach the markets again in the following weeks.',
    'Officials in Hyesan told merchants that grain sales would be limited to state shops, a rule that traders called a well-known way to raise revenue before the winter.',
    'Smuggling across the river slowed, and prices rose by 3-5 per cent in a week, according to two traders. The customs office at Sinuiju reported that rice shipments fell by a third in the week after the floods, as trucks from the Sino-Korean bridge were held for inspection.',
    'Local markets remained open, but the sellers of imported goods reported fewer customers than in any month since the border was reopened.',
    'The authorities have not published harvest figures for this year, and the estimates of outside agencies differ widely.',
  ].join('\n');

  it('drops the running header and footer, joins hyphenated words, keeps real hyphens', async () => {
    const report = await parse('running-heads.pdf');
    expect(report.text).toBe(expected);
    expect(report.text).not.toContain('Institute for Border Studies');
    expect(report.text).not.toContain('Border Trade Monitor');
    expect(normaliseText(report.text)).toBe(report.text);
  });

  it('puts a sentence that runs over a page break on both pages', async () => {
    const report = await parse('running-heads.pdf');
    const sentence = 'The customs office at Sinuiju reported that rice shipments fell by a third';
    const start = report.text.indexOf(sentence);
    expect(start).toBeGreaterThan(0);
    expect(pagesOf(report, start, start + sentence.length)).toEqual([2, 3]);
    const page3 = report.pages[2];
    expect(report.text.slice(page3?.start, page3?.end)).toMatch(/^fell by a third in the week/);
    const page2 = report.pages[1];
    expect(report.text.slice(page2?.start, page2?.end)).toMatch(
      /^Officials in Hyesan.*rice shipments$/s,
    );
    expect(report.pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(report.pages.at(-1)?.end).toBe(report.text.length);
  });

  it('takes title, author and creation date from the document information', async () => {
    const { metadata } = await parse('running-heads.pdf');
    expect(metadata.title).toBe('Rice Prices in the Northern Provinces');
    expect(metadata.byline).toBe('Lee Soo-min');
    expect(metadata.publishedAt).toBe('2023-11-02');
    // No Lang in the catalog: the text's own language.
    expect(metadata.language).toBe('en');
  });
});

describe('pages without a text layer', () => {
  it('lists them, with an empty span, and takes the title from XMP', async () => {
    const report = await parse('partly-scanned.pdf');
    expect(report.text).toBe('A typed cover note before the scanned pages.');
    expect(report.pagesWithoutText).toEqual([2]);
    expect(report.pages).toEqual([
      { page: 1, start: 0, end: report.text.length },
      { page: 2, start: report.text.length, end: report.text.length },
    ]);
    expect(report.metadata.title).toBe('Cover Note From XMP');
  });

  it('refuses a PDF with no text on any page: OCR is not available yet', async () => {
    const error = await parse('scanned.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejection);
    expect((error as ImportRejection).reason).toBe('empty');
    expect((error as Error).message).toBe(
      'scanned.pdf: no page of this PDF has a text layer (it looks scanned); OCR is not available yet',
    );
  });
});

describe('PDF dates', () => {
  it('reads the date as written, and only a whole one', () => {
    expect(pdfDate("D:20240315233000+09'00'")).toBe('2024-03-15');
    expect(pdfDate('D:20240315')).toBe('2024-03-15');
    expect(pdfDate('D:2024')).toBeUndefined();
    expect(pdfDate('D:20240231')).toBeUndefined();
    expect(pdfDate(undefined)).toBeUndefined();
  });
});
