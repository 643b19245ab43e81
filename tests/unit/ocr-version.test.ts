// A new version of a report read by OCR carries its own OCR mark (issue 12): the reader says its
// text was recognised, and with what confidence, whichever version is current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeskService } from '../../electron/core/service.ts';
import { FIXTURES, tempDesk } from './helpers.ts';

const upload = (name: string, bytes: Buffer) => ({ name, data: bytes.toString('base64') });

describe('a new version read by OCR', () => {
  it('is marked as OCR with its own confidence', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    try {
      const text = 'Flood memo\n\nThe river rose in the night.\n';
      const first = await desk.call('reports.import', {
        files: [upload('memo.txt', Buffer.from(text))],
      });
      expect(first).toMatchObject({ ok: true, value: [{ status: 'imported' }] });
      const id = db.prepare('SELECT id FROM reports').pluck().get() as number;
      expect(await desk.call('reports.ocr', { id })).toEqual({ ok: true, value: null });
      const scan = readFileSync(join(FIXTURES, 'ocr', 'flood-memo.png'));
      const version = await desk.call('reports.importVersion', {
        id,
        file: upload('memo-scan.png', scan),
      });
      expect(version).toMatchObject({ ok: true });
      expect(await desk.call('reports.ocr', { id })).toMatchObject({
        ok: true,
        value: { confidence: expect.any(Number) as unknown },
      });
    } finally {
      await desk.close();
    }
  }, 60_000);
});
