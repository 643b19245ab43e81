import { Worker } from 'node:worker_threads';
import type { ReportMetadata } from '../../../shared/api.ts';
import { ImportRejection, type RejectionReason } from './errors.ts';
import type { PreparedReport } from './index.ts';
import { OCR_PAGE_TIME_LIMIT_MS, PARSE_MEMORY_LIMIT_MB, PARSE_TIME_LIMIT_MS } from './limits.ts';

/**
 * Where the parse worker is: beside this module, as TypeScript in a checkout (run by Node's type
 * stripping) or as the bundle's own entry (electron.vite.config.ts builds parse-worker.js).
 */
export const PARSE_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js',
  import.meta.url,
);

/** One file to parse: read from a path, or bytes already in memory (an upload). */
export type ParseJob = (
  | { path: string; metadata?: ReportMetadata }
  | { name: string; bytes: Uint8Array; metadata?: ReportMetadata }
) & {
  /** Traineddata files OCR reads besides English (ocr.ts). */
  ocrLanguageFiles?: string[];
};

/** Told of a file's OCR as it goes: page `index` (from 1) of the `count` it recognises. */
export type OcrProgress = (index: number, count: number) => void;

export interface ParsePool {
  /** Resolves with the report, or rejects with an ImportRejection naming what went wrong. */
  parse(job: ParseJob, onOcr?: OcrProgress): Promise<PreparedReport>;
  /**
   * Stops the OCR of the file being recognised now, if any: that file is rejected as cancelled,
   * the worker replaced, and the files behind it go on. Returns the file's name, or null.
   */
  cancelOcr(): string | null;
  /** Stops the worker at once, even mid-parse; files not yet parsed are rejected. */
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  entry?: URL;
  timeLimitMs?: number;
  /** Longest OCR may take over one page; each page starts this clock again. */
  ocrPageTimeLimitMs?: number;
  memoryLimitMb?: number;
}

type Reply = {
  id: number;
  /** OCR of the file has reached page `index` of `count` (the file is not done). */
  progress?: { index: number; count: number };
  report?: PreparedReport;
  rejection?: { reason: RejectionReason; message: string };
  error?: string;
};

interface Pending {
  id: number;
  job: ParseJob;
  onOcr?: OcrProgress;
  /** The page OCR is on, once it has started on this file. */
  ocr?: { index: number; count: number };
  resolve(report: PreparedReport): void;
  reject(error: Error): void;
}

/**
 * Files handed to the worker ahead of the one it is parsing. Enough for a whole group and more:
 * while the desk's thread writes one group, it reads no replies and sends nothing, and the worker
 * must still have the next group to parse.
 */
const AHEAD = 1024;

/**
 * A parse thread that untrusted files cannot take down or hold: it parses files one at a time, in
 * order; a file that runs past the time limit, exhausts the worker's memory or crashes it is
 * rejected on its own, the worker is replaced, and the files behind it go on.
 */
export function startParsePool(options: ParsePoolOptions = {}): ParsePool {
  const entry = options.entry ?? PARSE_WORKER;
  const timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  const ocrPageTimeLimitMs = options.ocrPageTimeLimitMs ?? OCR_PAGE_TIME_LIMIT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? PARSE_MEMORY_LIMIT_MB;
  const queue: Pending[] = [];
  /** Sent to the current worker, oldest (the one being parsed) first. */
  const sent: Pending[] = [];
  let worker: Worker | null = null;
  let timer: NodeJS.Timeout | undefined;
  let nextId = 1;
  let closed = false;

  const startWorker = (): Worker => {
    const w = new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
    w.on('message', (reply: Reply) => {
      if (w !== worker) return;
      const head = sent[0];
      if (!head || head.id !== reply.id) return;
      if (reply.progress) {
        // OCR of a page has begun: it gets its own time, however long the file has taken.
        head.ocr = reply.progress;
        restartClock();
        head.onOcr?.(reply.progress.index, reply.progress.count);
        return;
      }
      sent.shift();
      if (reply.report) head.resolve(reply.report);
      else if (reply.rejection)
        head.reject(new ImportRejection(reply.rejection.reason, reply.rejection.message));
      else head.reject(failure(reply.error));
      restartClock();
      pump();
    });
    w.on('error', (error: Error & { code?: string }) => {
      if (w !== worker) return;
      blameHead(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportRejection(
              'too-complex',
              `parsing needed more memory than the limit of ${memoryLimitMb} MiB; the parse was stopped`,
            )
          : failure(error.message),
      );
    });
    w.on('exit', (code) => {
      if (w !== worker) return;
      blameHead(new ImportRejection('parse-failed', `the parser stopped (exit ${code})`));
    });
    return w;
  };

  /** The file being parsed failed the worker: reject it, replace the worker, resend the rest. */
  const blameHead = (error: Error): void => {
    const dead = worker;
    worker = null;
    clearTimeout(timer);
    void dead?.terminate();
    sent.shift()?.reject(error);
    queue.unshift(...sent.splice(0));
    pump();
  };

  const restartClock = (): void => {
    clearTimeout(timer);
    const head = sent[0];
    if (!head) return;
    const ocr = head.ocr;
    timer = setTimeout(
      () =>
        blameHead(
          new ImportRejection(
            'too-complex',
            ocr
              ? `recognising page ${ocr.index} of ${ocr.count} by OCR took longer than the limit of ${ocrPageTimeLimitMs / 1000} s a page; it was stopped`
              : `parsing took longer than the limit of ${timeLimitMs / 1000} s; the parse was stopped`,
          ),
        ),
      ocr ? ocrPageTimeLimitMs : timeLimitMs,
    );
  };

  const pump = (): void => {
    if (closed) return;
    while (queue.length > 0 && sent.length < AHEAD) {
      worker ??= startWorker();
      const next = queue.shift() as Pending;
      const wasIdle = sent.length === 0;
      sent.push(next);
      worker.postMessage({ id: next.id, job: next.job });
      if (wasIdle) restartClock();
    }
  };

  return {
    parse(job, onOcr) {
      if (closed) return Promise.reject(new Error('the import was stopped'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, job: plain(job), onOcr, resolve, reject });
        pump();
      });
    },
    cancelOcr() {
      const head = sent[0];
      if (!head?.ocr) return null;
      const name = 'path' in head.job ? head.job.path : head.job.name;
      blameHead(
        new ImportRejection(
          'cancelled',
          `OCR was cancelled at page ${head.ocr.index} of ${head.ocr.count}; the file was not imported`,
        ),
      );
      return name;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      const stopped = new Error('the import was stopped');
      for (const p of [...sent.splice(0), ...queue.splice(0)]) p.reject(stopped);
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}

/** What the worker's own failure (an exception, not a rejection) means for the file. */
function failure(message = 'the parser failed'): ImportRejection {
  // V8's message for a recursion too deep for the stack: the file nests deeper than a limit caught.
  if (/call stack size/i.test(message))
    return new ImportRejection('too-complex', 'the file nests too deeply for the parser');
  return new ImportRejection('parse-failed', `the parser failed (${message})`);
}

/** Metadata may hold undefined fields, which structured clone keeps; JSON drops them. */
function plain(job: ParseJob): ParseJob {
  return job.metadata ? { ...job, metadata: JSON.parse(JSON.stringify(job.metadata)) } : job;
}
