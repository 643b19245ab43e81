// Parses report files in a thread of its own (see parse-pool.ts), one at a time and in order, so
// that the pool knows which file a timeout or crash belongs to. Messages: {id, job} in;
// {id, report} or {id, rejection} or {id, error} out.
import { isMarkedAsUntransferable, parentPort } from 'node:worker_threads';
import { ImportRejection, prepareReport, readReportFile, type PreparedReport } from './index.ts';
import type { ParseJob } from './parse-pool.ts';

if (!parentPort) throw new Error('parse-worker runs as a worker thread');
const port = parentPort;
let previous: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  previous = previous.then(async () => {
    try {
      // Each page OCR starts is told to the pool, which gives it its own time limit.
      const options = {
        onOcrPage: (index: number, count: number) =>
          port.postMessage({ id, progress: { index, count } }),
        ocrLanguageFiles: job.ocrLanguageFiles,
      };
      const report =
        'path' in job
          ? await readReportFile(job.path, job.metadata, options)
          : await prepareReport(job.bytes, job.name, job.metadata, options);
      port.postMessage({ id, report }, transferable(report));
    } catch (error) {
      port.postMessage(
        error instanceof ImportRejection
          ? { id, rejection: { reason: error.reason, message: error.message } }
          : { id, error: String((error as Error)?.message ?? error) },
      );
    }
  });
});

/**
 * The original's bytes are moved to the desk's thread, not copied (a Word file or an archive may
 * be tens of megabytes). Only a buffer the bytes fill alone is moved; bytes that are a view on a
 * larger or shared buffer are copied into one of their own first.
 */
function transferable(report: PreparedReport): ArrayBuffer[] {
  const original = report.original;
  if (!original) return [];
  const { buffer, byteOffset, byteLength } = original.bytes;
  if (
    buffer instanceof ArrayBuffer &&
    byteOffset === 0 &&
    byteLength === buffer.byteLength &&
    !isMarkedAsUntransferable(buffer)
  )
    return [buffer];
  // A copy (not Buffer's slice, which is a view on the same memory) into a buffer of its own.
  const own = new Uint8Array(original.bytes);
  original.bytes = own;
  return [own.buffer];
}
