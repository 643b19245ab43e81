// Parses report files in a thread of its own (see parse-pool.ts), one at a time and in order, so
// that the pool knows which file a timeout or crash belongs to. Messages: {id, job} in;
// {id, report} or {id, rejection} or {id, error} out.
import { parentPort } from 'node:worker_threads';
import { ImportRejection, prepareReport, readReportFile } from './index.ts';
import type { ParseJob } from './parse-pool.ts';

if (!parentPort) throw new Error('parse-worker runs as a worker thread');
const port = parentPort;
let previous: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  previous = previous.then(async () => {
    try {
      const report =
        'path' in job
          ? await readReportFile(job.path, job.metadata)
          : await prepareReport(job.bytes, job.name, job.metadata);
      port.postMessage({ id, report });
    } catch (error) {
      port.postMessage(
        error instanceof ImportRejection
          ? { id, rejection: { reason: error.reason, message: error.message } }
          : { id, error: String((error as Error)?.message ?? error) },
      );
    }
  });
});
