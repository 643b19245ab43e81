// Word files (issue 12): a report imports with its text one paragraph a line and its metadata
// from docProps/core.xml; the hostile ones (an image linked to a local file, zip bombs that say
// so and that lie, too many parts, an external entity) are refused or neutralised, each with a
// message naming the file and the reason, the desk unchanged; nothing outside the file is read.
import { execFileSync } from 'node:child_process';
import { constants, openSync, closeSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import {
  MAX_BYTES_BY_FORMAT,
  prepareReport,
  readReportFile,
} from '../../electron/core/import/index.ts';
import { maxBytesFor } from '../../shared/limits.ts';
import { MAX_ZIP_ENTRIES, openBoundedZip } from '../../electron/core/import/zip.ts';
import { importPaths } from '../../electron/core/reports/import-files.ts';
import {
  declaredBombDocx,
  externalImageDocx,
  lyingBombDocx,
  manyPartsDocx,
  REPORT_DOCX,
  REPORT_DOCX_TEXT,
  xxeDocx,
  zip,
} from '../fixtures/docx/build.ts';
import { tempDesk, tempDir } from './helpers.ts';
import { createHash } from 'node:crypto';

const SECRET = 'SENTINEL-SECRET-3f9a1c';

/** What a failed import must leave as it was: every table an import writes. */
function deskState(db: Db): unknown {
  return [
    'reports',
    'texts',
    'originals',
    'report_versions',
    'report_pages',
    'audit_log',
    'outlets',
  ].map((table) => db.prepare(`SELECT count(*) AS n FROM ${table}`).get());
}

async function importOne(db: Db, name: string, bytes: Uint8Array) {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  const [result] = await importPaths(db, [file]);
  return { file, result };
}

describe('a Word file', () => {
  it('imports with one line per paragraph, line break and table cell, and the metadata of its core properties', async () => {
    const { db } = tempDesk();
    const bytes = REPORT_DOCX();
    const { result } = await importOne(db, 'rice.docx', bytes);
    expect(result).toMatchObject({ status: 'imported', title: 'Rice prices climb in Hyesan' });
    const row = db
      .prepare(
        `SELECT r.title, r.byline, r.published_at, r.language, r.format, t.body, o.sha256, o.bytes, o.media_type
         FROM reports r JOIN texts t ON t.sha256 = r.sha256 JOIN originals o ON o.sha256 = r.original_sha256`,
      )
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({
      title: 'Rice prices climb in Hyesan',
      byline: 'Kim Min-ji',
      published_at: '2026-03-14T09:30',
      language: 'en-GB',
      format: 'docx',
      body: REPORT_DOCX_TEXT,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(Buffer.compare(row.bytes as Buffer, bytes)).toBe(0);
    // The same file again: the same text, nothing added.
    const again = await importOne(db, 'rice-again.docx', bytes);
    expect(again.result?.status).toBe('duplicate');
    expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(1);
  });

  it('without core properties takes its title from its text', async () => {
    const { docx, para } = await import('../fixtures/docx/build.ts');
    const report = await prepareReport(
      docx({ body: para('Border guards doubled on the Yalu') + para('The guards were doubled.') }),
      'plain.docx',
    );
    expect(report.title).toBe('Border guards doubled on the Yalu');
    expect(report.byline).toBeNull();
  });
});

describe('hostile Word files', () => {
  it('a picture linked to a local file: the file is never opened, and the text imports without it', async () => {
    const dir = tempDir();
    const sentinel = join(dir, 'sentinel.png');
    writeFileSync(sentinel, SECRET);
    const { db } = tempDesk();
    const { result } = await importOne(db, 'linked.docx', externalImageDocx(`file://${sentinel}`));
    expect(result?.status).toBe('imported');
    const text = db.prepare('SELECT body FROM texts').pluck().get() as string;
    expect(text).toBe(
      'The provincial committee met on Tuesday to discuss the grain quotas for the coming season.',
    );
    expect(text).not.toContain(SECRET);

    // Not opened at all: a named pipe in its place. Opening it to read would block until a
    // writer came; so a writer that opens without blocking (O_NONBLOCK) fails with ENXIO exactly
    // when no reader ever opened it.
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const parse = prepareReport(externalImageDocx(`file://${fifo}`), 'linked.docx');
    const outcome = await Promise.race([
      parse.then(() => 'parsed'),
      new Promise((resolve) => setTimeout(() => resolve('waiting'), 3000)),
    ]);
    let opened = false;
    try {
      const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      opened = true; // a reader is waiting on the pipe: let it finish
      writeSync(fd, SECRET);
      closeSync(fd);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENXIO');
    }
    expect(opened).toBe(false);
    expect(outcome).toBe('parsed');
    expect((await parse).text).not.toContain(SECRET);
  });

  it('an external entity naming a local file: refused before any XML parser sees it', async () => {
    const sentinel = join(tempDir(), 'secret.txt');
    writeFileSync(sentinel, SECRET);
    const { db } = tempDesk();
    const before = deskState(db);
    const { result } = await importOne(db, 'entity.docx', xxeDocx(`file://${sentinel}`));
    expect(result).toMatchObject({
      status: 'rejected',
      message: expect.stringMatching(
        /^the Word file entity\.docx: its part word\/document\.xml declares a DOCTYPE or entities .*; it was not read$/,
      ),
    });
    expect(result?.file).toMatch(/entity\.docx$/);
    expect(deskState(db)).toEqual(before);
  });

  it('an external entity, even past that check: mammoth’s XML parser resolves nothing', async () => {
    // mammoth opening the file itself (no check of ours in the way), as a last line of defence.
    const sentinel = join(tempDir(), 'secret.txt');
    writeFileSync(sentinel, SECRET);
    const { default: mammoth } = await import('mammoth');
    const outcome = await mammoth
      .convertToHtml({ buffer: xxeDocx(`file://${sentinel}`) }, { externalFileAccess: false })
      .then(
        (r) => r.value,
        (error: Error) => `failed: ${error.message}`,
      );
    expect(outcome).not.toContain(SECRET);
  });

  it.each([
    [
      'a zip bomb that declares its size (1 GiB): refused from the directory, nothing inflated',
      'declared.docx',
      declaredBombDocx,
      /^the Word file declared\.docx: part word\/media\/fill\.bin would inflate to 1024\.0 MiB, more than the limit of 128\.0 MiB \(a zip bomb\?\); the file was not parsed$/,
    ],
    [
      'a zip bomb that lies about its size: inflation stops at the declared size',
      'lying.docx',
      () => lyingBombDocx(64),
      /^the Word file lying\.docx: part word\/document\.xml inflates past the 4,096 bytes its directory declares \(a zip bomb\?\); the file was not parsed$/,
    ],
    [
      'a zip of more parts than any Word file',
      'parts.docx',
      () => manyPartsDocx(MAX_ZIP_ENTRIES + 1),
      /^the Word file parts\.docx has 5,006 parts, more than the limit of 5,000; the file was not parsed$/,
    ],
    [
      'a file that is not a zip at all',
      'text.docx',
      () => Buffer.from('Just some text named .docx'),
      /^the Word file text\.docx is damaged \(it is not a zip file\)$/,
    ],
  ])('%s', async (_, name, build, message) => {
    const { db } = tempDesk();
    const before = deskState(db);
    const started = Date.now();
    const { result } = await importOne(db, name, build());
    expect(result).toMatchObject({ status: 'rejected', message: expect.stringMatching(message) });
    expect(deskState(db)).toEqual(before);
    // Refused at once, not after inflating anything big.
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('size: a Word file may be larger than a text file, up to its own limit, checked before reading', async () => {
    const dir = tempDir();
    const over = join(dir, 'over.docx');
    writeFileSync(over, '');
    truncateSync(over, MAX_BYTES_BY_FORMAT.docx + 1);
    await expect(readReportFile(over)).rejects.toThrow(
      /^the file is 50\.0 MiB; the limit is 50\.0 MiB$/,
    );
    // Over the text limit but within the Word one: read, and judged on what it is.
    const big = join(dir, 'big.docx');
    writeFileSync(big, '');
    truncateSync(big, MAX_BYTES_BY_FORMAT.txt + 1);
    await expect(readReportFile(big)).rejects.toThrow(/is damaged \(it is not a zip file\)/);
    expect(maxBytesFor('Report.DOCX')).toBe(MAX_BYTES_BY_FORMAT.docx);
    expect(maxBytesFor('page.mht')).toBe(MAX_BYTES_BY_FORMAT.mhtml);
    expect(maxBytesFor('notes.txt')).toBe(MAX_BYTES_BY_FORMAT.txt);
    expect(maxBytesFor('unknown.xyz')).toBe(MAX_BYTES_BY_FORMAT.txt);
  });

  it('zip limits on ratio and total, from the directory alone', () => {
    const junk = (kib: number): Buffer => Buffer.alloc(kib * 1024, 7);
    const ratio = zip([
      { name: 'word/document.xml', data: '', compressed: junk(1), declaredSize: 2 * 1024 * 1024 },
    ]);
    expect(() => openBoundedZip(ratio, 'the Word file r.docx')).toThrow(
      /^the Word file r\.docx: part word\/document\.xml would inflate 2048× \(2\.0 MiB\), more than the limit of 200× \(a zip bomb\?\); the file was not parsed$/,
    );
    const total = zip(
      Array.from({ length: 5 }, (_, i) => ({
        name: `word/media/image${i}.png`,
        data: '',
        compressed: junk(700),
        declaredSize: 120 * 1024 * 1024,
      })),
    );
    expect(() => openBoundedZip(total, 'the Word file t.docx')).toThrow(
      /^the Word file t\.docx would inflate to 600\.0 MiB, more than the limit of 512\.0 MiB \(a zip bomb\?\); the file was not parsed$/,
    );
  });
});
