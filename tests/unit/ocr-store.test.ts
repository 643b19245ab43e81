// A report read by OCR keeps that mark (issue 12, migration 012): the Report API's ocrConfidence,
// and reports.ocr with the pages OCR read and the low-confidence words as spans.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getReport, getReportOcr, storeReport } from '../../electron/core/db/reports.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { preparedReport, tempDesk } from './helpers.ts';

const upload = (dir: string, name: string) => ({
  name,
  data: readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)).toString('base64'),
});

describe('OCR marks in the desk', () => {
  it('an image, a partly scanned PDF and a text file, each as OCR left it', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    try {
      const imported = await desk.call('reports.import', {
        files: [
          upload('ocr', 'flood-memo.png'),
          upload('ocr', 'partly-scanned-text.pdf'),
          { name: 'plain.txt', data: Buffer.from('A typed report, no OCR.').toString('base64') },
        ],
      });
      if (!imported.ok) throw new Error(imported.error.message);
      const [image, pdf, text] = imported.value.map((r) => r.reportId as number);
      expect(imported.value.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);

      const got = async (id: number | undefined) => {
        const r = await desk.call('reports.get', { id: id as number });
        if (!r.ok) throw new Error(r.error.message);
        return r.value.report;
      };
      expect((await got(image)).ocrConfidence).toBeGreaterThan(80);
      expect((await got(image)).format).toBe('image');
      expect((await got(pdf)).ocrConfidence).toBeGreaterThan(80);
      expect((await got(text)).ocrConfidence).toBeNull();

      expect(await desk.call('reports.ocr', { id: image as number })).toMatchObject({
        ok: true,
        value: { pages: null, confidence: expect.any(Number), lowConfidence: expect.any(Array) },
      });
      expect(await desk.call('reports.ocr', { id: pdf as number })).toMatchObject({
        ok: true,
        value: { pages: [2] },
      });
      expect(await desk.call('reports.ocr', { id: text as number })).toEqual({
        ok: true,
        value: null,
      });
      expect(await desk.call('reports.ocr', { id: 999 })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    } finally {
      await desk.close();
    }
  });

  it('keeps the low-confidence words as spans, in order', () => {
    const { db } = tempDesk();
    const report = {
      ...preparedReport('Blurred scan', 'Tbe harbour autbority reported'),
      format: 'image' as const,
      ocr: {
        pages: null,
        confidence: 71.5,
        lowConfidence: [
          { start: 12, end: 22, confidence: 41 },
          { start: 0, end: 3, confidence: 38.5 },
        ],
      },
    };
    const stored = storeReport(db, report);
    if (stored.status !== 'imported') throw new Error('not imported');
    expect(getReport(db, stored.id)?.ocrConfidence).toBe(71.5);
    expect(getReportOcr(db, stored.id)).toEqual({
      confidence: 71.5,
      pages: null,
      lowConfidence: [
        { start: 0, end: 3, confidence: 38.5 },
        { start: 12, end: 22, confidence: 41 },
      ],
    });
  });
});
