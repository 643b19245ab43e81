import { Worker } from 'node:worker_threads';
import type { ReportMetadata } from '../../../shared/model.ts';
import { ImportRejection, type RejectionReason } from './errors.ts';
import type { PreparedReport } from './index.ts';

/**
 * Where the parse worker is: beside this module, as TypeScript in a checkout (run by Node's type
 * stripping) or as the bundle's own entry (electron.vite.config.ts builds parse-worker.js).
 */
export const PARSE_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './parse-worker.ts' : './parse-worker.js',
  import.meta.url,
);

export interface ParsePool {
  parse(path: string, metadata: ReportMetadata): Promise<PreparedReport>;
  close(): Promise<void>;
}

type Reply = {
  id: number;
  report?: PreparedReport;
  rejection?: { reason: RejectionReason; message: string };
  error?: string;
};

/** One parse thread: files are parsed in order, and a rejection comes back as an ImportRejection. */
export function startParsePool(entry: URL = PARSE_WORKER): ParsePool {
  const worker = new Worker(entry);
  const pending = new Map<
    number,
    { resolve(report: PreparedReport): void; reject(error: Error): void }
  >();
  let nextId = 1;
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.report) waiting.resolve(reply.report);
    else if (reply.rejection)
      waiting.reject(new ImportRejection(reply.rejection.reason, reply.rejection.message));
    else waiting.reject(new Error(reply.error ?? 'the parse worker failed'));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the parse worker stopped (exit ${code})`)));
  return {
    parse(path, metadata) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, path, metadata: JSON.parse(JSON.stringify(metadata)) });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
