// OCR for scans and images (issue 12): tesseract.js, run in Node, with its language data read from
// files installed with the app (@tesseract.js-data/eng, from the npm registry) or a traineddata
// file the analyst names (e.g. Debian's tesseract-ocr-kor). Nothing is ever downloaded: the data
// is handed to tesseract as bytes, nothing is cached beside the app, and tesseract's thread runs
// with fetch refused (ocr-guard.ts). Rules and figures: docs/import-limits.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportRejection } from './errors.ts';
import { guardOcrThread } from './ocr-guard.ts';
import { cleanLine } from './normalise.ts';

/** Words recognised with less confidence than this (0–100) are shown to the analyst as doubtful. */
export const LOW_CONFIDENCE = 60;

/** One recognised word: its span in the recognised text (UTF-16 units, end exclusive). */
export interface OcrWord {
  text: string;
  /** Tesseract's confidence in the word, 0–100. */
  confidence: number;
  start: number;
  end: number;
}

export interface OcrResult {
  /** In the desk's normal form: one paragraph a line. */
  text: string;
  /** Mean of the words' confidences (0–100); 0 when no word was recognised. */
  confidence: number;
  words: OcrWord[];
}

export interface OcrOptions {
  /**
   * Traineddata files to read besides English (e.g. /usr/share/tesseract-ocr/5/tessdata/kor.traineddata);
   * each file's name before ".traineddata" is its language code.
   */
  extraLanguageFiles?: readonly string[];
  /** Tesseract's progress within a page, 0–1. */
  onProgress?(fraction: number): void;
}

export interface OcrEngine {
  /** Recognises the text of one image (PNG, JPEG, or anything tesseract's Leptonica decodes). */
  recognize(image: Uint8Array): Promise<OcrResult>;
  /** Stops tesseract's thread, even mid-page. */
  terminate(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** Where the English language data installed with the app is (LSTM "best_int" models). */
export function englishDataFile(): string {
  return join(
    dirname(require.resolve('@tesseract.js-data/eng/package.json')),
    '4.0.0_best_int',
    'eng.traineddata.gz',
  );
}

/**
 * The thread tesseract runs in: its own worker script behind the fetch refusal (ocr-guard.ts),
 * as a data: URL built from the guard's source, so no file of ours need be found beside a bundle.
 */
export function ocrThreadUrl(): URL {
  const script = pathToFileURL(require.resolve('tesseract.js/src/worker-script/node/index.js'));
  const code = [
    `import { parentPort } from 'node:worker_threads';`,
    `(${guardOcrThread.toString()})(parentPort);`,
    `await import(${JSON.stringify(script.href)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

interface Language {
  code: string;
  data: Uint8Array;
}

function readLanguage(path: string): Language {
  const code = basename(path).replace(/\.traineddata(?:\.gz)?$/, '');
  if (!/^[A-Za-z_]{2,}$/.test(code) || code === basename(path)) {
    throw new ImportRejection(
      'unreadable',
      `${path}: OCR language data must be a file named like "kor.traineddata"`,
    );
  }
  try {
    return { code, data: readFileSync(path) };
  } catch (error) {
    throw new ImportRejection(
      'unreadable',
      `${path}: the OCR language data cannot be read (${(error as Error).message})`,
    );
  }
}

/** Starts tesseract with English and any extra languages; recognise pages with it, then terminate. */
export async function createOcrEngine(options: OcrOptions = {}): Promise<OcrEngine> {
  const languages = [
    readLanguage(englishDataFile()),
    ...(options.extraLanguageFiles ?? []).map(readLanguage),
  ];
  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker(languages, OEM.LSTM_ONLY, {
    // A URL, which Node's Worker takes as tesseract hands it on (its types say string).
    workerPath: ocrThreadUrl() as unknown as string,
    // Read in Node from tesseract.js-core itself; named so that no default (a CDN) is ever in play.
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    // Data comes as bytes (above): no langPath to read or fetch from, and no cache written.
    cacheMethod: 'none',
    gzip: true,
    logger: (m) => {
      if (m.status === 'recognizing text') options.onProgress?.(m.progress);
    },
    errorHandler: () => undefined,
  });
  return {
    async recognize(image) {
      const { data } = await worker.recognize(Buffer.from(image), {}, { text: true, blocks: true });
      return fromBlocks(data.blocks ?? []);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

interface BlockLike {
  paragraphs: { lines: { words: { text: string; confidence: number }[] }[] }[];
}

/**
 * The text as the desk stores it, one paragraph a line (its lines joined by spaces), and each
 * word's span in it. Built from the words, so every span is exact.
 */
export function fromBlocks(blocks: readonly BlockLike[]): OcrResult {
  let text = '';
  const words: OcrWord[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      let first = true;
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const clean = cleanLine(word.text).replace(/\s+/g, ' ');
          if (clean === '') continue;
          if (!first) text += ' ';
          else if (text !== '') text += '\n';
          first = false;
          words.push({
            text: clean,
            confidence: word.confidence,
            start: text.length,
            end: text.length + clean.length,
          });
          text += clean;
        }
      }
    }
  }
  const confidence =
    words.length === 0 ? 0 : words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
  return { text, confidence, words };
}

/**
 * Traineddata files named in SOURCE_DESK_OCR_LANGUAGES (paths separated as in PATH: ':' on Linux
 * and macOS, ';' on Windows), read beside English by every import: how the analyst points the
 * desk at, say, Debian's /usr/share/tesseract-ocr/5/tessdata/kor.traineddata.
 */
export function ocrLanguageFilesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.SOURCE_DESK_OCR_LANGUAGES ?? '')
    .split(delimiter)
    .map((p) => p.trim())
    .filter(Boolean);
}

let shared: { key: string; engine: Promise<OcrEngine> } | undefined;

/**
 * One engine per thread, started on the first page to recognise and kept for the next files
 * (tesseract takes about half a second to start); a different set of languages starts another.
 */
export async function sharedOcrEngine(
  extraLanguageFiles: readonly string[] = ocrLanguageFilesFromEnv(),
): Promise<OcrEngine> {
  const key = JSON.stringify(extraLanguageFiles);
  if (shared?.key !== key) {
    await closeSharedOcrEngine();
    const engine = createOcrEngine({ extraLanguageFiles });
    shared = { key, engine };
    // A failed start is not kept: the next file tries again.
    engine.catch(() => {
      if (shared?.engine === engine) shared = undefined;
    });
  }
  return shared.engine;
}

/** Stops the shared engine's thread, if one was started. */
export async function closeSharedOcrEngine(): Promise<void> {
  const old = shared;
  shared = undefined;
  await old?.engine.then((e) => e.terminate()).catch(() => undefined);
}
