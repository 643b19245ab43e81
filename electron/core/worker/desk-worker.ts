// The desk in a worker thread: SQLite work (a 10,000-file import, a search) never blocks the
// thread that serves the UI. Messages: {id, method, input} in; {id, result} or {event} out.
import { parentPort, workerData } from 'node:worker_threads';
import { openDesk } from '../db/connection.ts';
import { loadDemoCase, seedsDir } from '../seeds.ts';
import { createDeskService } from '../service.ts';

export interface WorkerData {
  path: string;
  seeds?: string;
  /** Load the demo case into a desk this call creates. */
  demoOnCreate: boolean;
}

if (!parentPort) throw new Error('desk-worker runs as a worker thread');
const port = parentPort;
const options = workerData as WorkerData;
try {
  const { db, created } = openDesk(options.path);
  if (created && options.demoOnCreate) await loadDemoCase(db, seedsDir(options.seeds));
  const service = createDeskService({ db, path: options.path, seeds: options.seeds });
  service.onEvent((event) => port.postMessage({ event }));
  port.on('message', (message: { id: number; method: string; input: unknown } | 'close') => {
    if (message === 'close') {
      // The parse worker stops first (mid-parse if need be), so nothing writes after the close.
      void service.close().finally(() => {
        db.close();
        port.close();
      });
      return;
    }
    void service
      .call(message.method, message.input)
      .then((result) => port.postMessage({ id: message.id, result }));
  });
  port.postMessage({ ready: true, created });
} catch (error) {
  port.postMessage({ failed: (error as Error).message });
}
