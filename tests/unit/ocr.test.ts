// OCR (issue 12) on generated fixtures (scripts/ocr-fixtures.ts): tesseract.js recognises known
// English text offline, with exact word spans; nothing is fetched; an extra traineddata file the
// analyst names is read.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createOcrEngine,
  fromBlocks,
  ocrThreadUrl,
  type OcrEngine,
  type OcrResult,
} from '../../electron/core/import/ocr.ts';
import { KOREAN_TEXT, MEMO_TEXT } from '../../scripts/ocr-fixtures.ts';
import { wordsFound } from './ocr-helpers.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/ocr/${name}`, import.meta.url)));

function checkSpans(result: OcrResult): void {
  for (const word of result.words) expect(result.text.slice(word.start, word.end)).toBe(word.text);
}

describe('OCR engine', () => {
  let engine: OcrEngine;
  const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
  beforeAll(async () => {
    vi.stubGlobal('fetch', fetchSpy);
    vi.spyOn(https, 'request');
    vi.spyOn(https, 'get');
    vi.spyOn(http, 'request');
    vi.spyOn(http, 'get');
    engine = await createOcrEngine();
  });
  afterAll(async () => {
    await engine.terminate();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('recognises English text in a PNG, with each word’s span in the text', async () => {
    const result = await engine.recognize(fixture('flood-memo.png'));
    expect(wordsFound(MEMO_TEXT, result.text)).toBeGreaterThanOrEqual(0.9);
    // One paragraph a line, as the desk stores text.
    expect(result.text.split('\n')).toHaveLength(2);
    expect(result.confidence).toBeGreaterThan(80);
    expect(result.words.length).toBeGreaterThan(20);
    checkSpans(result);
  });

  it('recognises the same text in a JPEG', async () => {
    const result = await engine.recognize(fixture('flood-memo.jpg'));
    expect(wordsFound(MEMO_TEXT, result.text)).toBeGreaterThanOrEqual(0.9);
    checkSpans(result);
  });

  it('fetched nothing: no fetch, no http(s) request from this thread', () => {
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(https.request).not.toHaveBeenCalled();
    expect(https.get).not.toHaveBeenCalled();
    expect(http.request).not.toHaveBeenCalled();
    expect(http.get).not.toHaveBeenCalled();
  });
});

describe('OCR thread', () => {
  it('refuses to download language data it was not given', async () => {
    // tesseract's own protocol: load the core, then a language with no data and no local path,
    // which tesseract.js would fetch from its CDN.
    const worker = new Worker(ocrThreadUrl());
    const send = (action: string, payload: unknown): Promise<{ status: string; data: unknown }> =>
      new Promise((resolve) => {
        const onMessage = (m: { action: string; status: string; data: unknown }): void => {
          if (m.action !== action || m.status === 'progress') return;
          worker.off('message', onMessage);
          resolve(m);
        };
        worker.on('message', onMessage);
        worker.postMessage({ workerId: 'w', jobId: action, action, payload });
      });
    try {
      expect((await send('load', { options: { lstmOnly: true } })).status).toBe('resolve');
      const reply = await send('loadLanguage', {
        langs: 'kor',
        options: { cacheMethod: 'none', gzip: true },
      });
      expect(reply.status).toBe('reject');
      expect(String(reply.data)).toContain('OCR never downloads anything');
    } finally {
      await worker.terminate();
    }
  });
});

describe('extra language data', () => {
  const KOREAN = '/usr/share/tesseract-ocr/5/tessdata/kor.traineddata';
  // Debian's tesseract-ocr-kor puts it there (apt-get install tesseract-ocr-kor); the test is
  // skipped where it is not installed. korean-note.png is drawn in Debian's fonts-nanum.
  it.skipIf(!existsSync(KOREAN))(
    'reads a traineddata file the analyst names: Korean, beside English',
    async () => {
      const engine = await createOcrEngine({ extraLanguageFiles: [KOREAN] });
      try {
        const korean = await engine.recognize(fixture('korean-note.png'));
        // Hangul words come out whole; OCR may slip a syllable, so most words, not all.
        expect(wordsFound(KOREAN_TEXT, korean.text)).toBeGreaterThanOrEqual(0.8);
        checkSpans(korean);
        const english = await engine.recognize(fixture('flood-memo.png'));
        expect(wordsFound(MEMO_TEXT, english.text)).toBeGreaterThanOrEqual(0.9);
      } finally {
        await engine.terminate();
      }
    },
  );

  it('reads no Korean with English alone (the Korean came from the named file)', async () => {
    const engine = await createOcrEngine();
    try {
      const result = await engine.recognize(fixture('korean-note.png'));
      expect(wordsFound(KOREAN_TEXT, result.text)).toBe(0);
    } finally {
      await engine.terminate();
    }
  });

  it('names a language file it cannot read', async () => {
    await expect(
      createOcrEngine({ extraLanguageFiles: ['/nowhere/kor.traineddata'] }),
    ).rejects.toThrow('/nowhere/kor.traineddata: the OCR language data cannot be read');
    await expect(createOcrEngine({ extraLanguageFiles: ['/tmp/notes.txt'] })).rejects.toThrow(
      'must be a file named like "kor.traineddata"',
    );
  });
});

describe('recognised text', () => {
  it('is one paragraph a line, words cleaned, spans exact', () => {
    const result = fromBlocks([
      {
        paragraphs: [
          {
            lines: [
              {
                words: [
                  { text: 'Two', confidence: 90 },
                  { text: 'ships\u0007', confidence: 40 },
                ],
              },
              { words: [{ text: 'ran', confidence: 80 }] },
            ],
          },
          {
            lines: [
              {
                words: [
                  { text: ' ', confidence: 10 },
                  { text: 'aground', confidence: 70 },
                ],
              },
            ],
          },
        ],
      },
    ]);
    expect(result.text).toBe('Two ships ran\naground');
    expect(result.confidence).toBe(70);
    checkSpans(result);
  });
});
