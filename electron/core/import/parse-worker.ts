// Parses report files in a thread of its own, so that reading and parsing the next files overlaps
// with writing the previous ones to the desk. Messages: {id, path, metadata} in; {id, report} or
// {id, rejection} or {id, error} out.
import { parentPort } from 'node:worker_threads';
import { ImportRejection, readReportFile } from './index.ts';

if (!parentPort) throw new Error('parse-worker runs as a worker thread');
const port = parentPort;
port.on(
  'message',
  (message: { id: number; path: string; metadata: Record<string, string> } | 'close') => {
    if (message === 'close') return port.close();
    readReportFile(message.path, message.metadata).then(
      (report) => port.postMessage({ id: message.id, report }),
      (error: unknown) =>
        port.postMessage(
          error instanceof ImportRejection
            ? { id: message.id, rejection: { reason: error.reason, message: error.message } }
            : { id: message.id, error: String((error as Error)?.message ?? error) },
        ),
    );
  },
);
