// OCR in the background (issue 12): each page it recognises has its own time limit, past the parse
// limit; its progress reaches the UI as events; it can be cancelled; and the desk answers other
// calls while it runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/api.ts';
import { startParsePool } from '../../electron/core/import/parse-pool.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { tempDesk } from './helpers.ts';

const SLOW = new URL('../fixtures/workers/slow-ocr-parse-worker.ts', import.meta.url);
const upload = (dir: string, name: string) => ({
  name,
  data: readFileSync(new URL(`../fixtures/${dir}/${name}`, import.meta.url)).toString('base64'),
});
const job = (name: string) => ({ name, bytes: new Uint8Array(1) });

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('waited too long');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('the parse pool and OCR', () => {
  it('gives each OCR page its own time, past the parse limit', async () => {
    const pool = startParsePool({ entry: SLOW, timeLimitMs: 400, ocrPageTimeLimitMs: 600 });
    try {
      const seen: string[] = [];
      const started = Date.now();
      const report = await pool.parse(job('pages-3-ms-300.png'), (i, n) => seen.push(`${i}/${n}`));
      // 900 ms in all, over the 400 ms parse limit: each page had 600 ms.
      expect(Date.now() - started).toBeGreaterThan(800);
      expect(report.text).toBe('read pages-3-ms-300.png');
      expect(seen).toEqual(['1/3', '2/3', '3/3']);
    } finally {
      await pool.close();
    }
  });

  it('stops a page that runs past its limit, and goes on with the next file', async () => {
    const pool = startParsePool({ entry: SLOW, timeLimitMs: 5000, ocrPageTimeLimitMs: 200 });
    try {
      const slow = pool.parse(job('pages-2-ms-1000.png'));
      const next = pool.parse(job('pages-1-ms-10.png'));
      await expect(slow).rejects.toMatchObject({
        reason: 'too-complex',
        message:
          'recognising page 1 of 2 by OCR took longer than the limit of 0.2 s a page; it was stopped',
      });
      expect((await next).text).toBe('read pages-1-ms-10.png');
    } finally {
      await pool.close();
    }
  });

  it('cancels the file in OCR, and only it', async () => {
    const pool = startParsePool({ entry: SLOW });
    try {
      expect(pool.cancelOcr()).toBeNull();
      let begun = false;
      const slow = pool.parse(job('pages-5-ms-1000.png'), () => (begun = true));
      const next = pool.parse(job('pages-1-ms-10.png'));
      await until(() => begun);
      expect(pool.cancelOcr()).toBe('pages-5-ms-1000.png');
      await expect(slow).rejects.toMatchObject({
        reason: 'cancelled',
        message: 'OCR was cancelled at page 1 of 5; the file was not imported',
      });
      expect((await next).text).toBe('read pages-1-ms-10.png');
    } finally {
      await pool.close();
    }
  });
});

describe('the desk while OCR runs', () => {
  it('answers other calls, tells the progress, and imports the scan', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    const events: DeskEvent[] = [];
    desk.onEvent((e) => events.push(e));
    try {
      let settled = false;
      const importing = desk
        .call('reports.import', { files: [upload('ocr', 'scanned-text.pdf')] })
        .finally(() => (settled = true));
      await until(() => events.some((e) => e.type === 'ocr.progress'));
      const asked = performance.now();
      const list = await desk.call('reports.list', {});
      const answeredIn = performance.now() - asked;
      expect(list.ok).toBe(true);
      expect(settled).toBe(false);
      expect(answeredIn).toBeLessThan(1000);
      const result = await importing;
      expect(result).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
      expect(events.filter((e) => e.type === 'ocr.progress')).toEqual([
        { type: 'ocr.progress', file: 'scanned-text.pdf', page: 1, pages: 2 },
        { type: 'ocr.progress', file: 'scanned-text.pdf', page: 2, pages: 2 },
      ]);
    } finally {
      await desk.close();
    }
  });

  it('cancels the OCR under way: that file is rejected, the others import', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    let begun = false;
    desk.onEvent((e) => {
      if (e.type === 'ocr.progress') begun = true;
    });
    try {
      expect(await desk.call('reports.cancelOcr', {})).toEqual({
        ok: true,
        value: { cancelled: null },
      });
      const importing = desk.call('reports.import', {
        files: [
          upload('ocr', 'scanned-text.pdf'),
          { name: 'typed.txt', data: Buffer.from('A typed note.').toString('base64') },
        ],
      });
      await until(() => begun);
      expect(await desk.call('reports.cancelOcr', {})).toEqual({
        ok: true,
        value: { cancelled: 'scanned-text.pdf' },
      });
      expect(await importing).toMatchObject({
        ok: true,
        value: [
          {
            file: 'scanned-text.pdf',
            status: 'rejected',
            message: expect.stringContaining('OCR was cancelled at page 1 of 2'),
          },
          { file: 'typed.txt', status: 'imported' },
        ],
      });
    } finally {
      await desk.close();
    }
  });
});
