// Files dropped on the window or chosen in its picker reach the desk as bytes ('reports.import'):
// Word files and web archives import as from a path, with their original bytes kept; a hostile
// one is that file's rejection, the others go on, and a new version of a report keeps its own
// original beside the first.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDeskService } from '../../electron/core/service.ts';
import { docx, para, REPORT_DOCX, xxeDocx } from '../fixtures/docx/build.ts';
import { PAGE_MHTML } from '../fixtures/mhtml/build.ts';
import { tempDesk } from './helpers.ts';

const upload = (name: string, bytes: Buffer) => ({ name, data: bytes.toString('base64') });
const hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('a drop of Word files and web archives', () => {
  it('imports each with its original kept; a hostile file is its own rejected line', async () => {
    const { db, file } = tempDesk();
    const desk = createDeskService({ db, path: file });
    try {
      const word = REPORT_DOCX();
      const archive = PAGE_MHTML();
      const result = await desk.call('reports.import', {
        files: [
          upload('rice.docx', word),
          upload('entity.docx', xxeDocx('file:///etc/hostname')),
          upload('rice.mhtml', archive),
        ],
      });
      expect(result).toMatchObject({
        ok: true,
        value: [
          { file: 'rice.docx', status: 'imported', title: 'Rice prices climb in Hyesan' },
          {
            file: 'entity.docx',
            status: 'rejected',
            message: expect.stringMatching(
              /^the Word file entity\.docx: its part word\/document\.xml declares a DOCTYPE/,
            ),
          },
          { file: 'rice.mhtml', status: 'imported' },
        ],
      });
      expect(
        db.prepare('SELECT r.format, r.original_sha256 FROM reports r ORDER BY r.id').all(),
      ).toEqual([
        { format: 'docx', original_sha256: hex(word) },
        { format: 'mhtml', original_sha256: hex(archive) },
      ]);
      expect(db.prepare('SELECT sha256 FROM originals ORDER BY sha256').pluck().all()).toEqual(
        [hex(word), hex(archive)].sort(),
      );
      // The report as the window reads it, its format among the contract's.
      const got = await desk.call('reports.get', { id: 1 });
      expect(got).toMatchObject({ ok: true, value: { report: { format: 'docx' } } });

      // A new version from another Word file: its original is kept beside the first.
      const revised = docx({
        body:
          para('Rice prices climb in Hyesan markets') +
          para(
            'Rice prices in the markets of Hyesan rose by a quarter over the past month, traders said.',
          ),
      });
      const version = await desk.call('reports.importVersion', {
        id: 1,
        file: upload('rice-v2.docx', revised),
      });
      expect(version).toMatchObject({ ok: true });
      expect(
        db
          .prepare(
            'SELECT version, original_sha256 FROM report_versions WHERE report_id = 1 ORDER BY version',
          )
          .all(),
      ).toEqual([
        { version: 1, original_sha256: hex(word) },
        { version: 2, original_sha256: hex(revised) },
      ]);
      expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(3);
    } finally {
      await desk.close();
    }
  });
});
