import { Worker } from 'node:worker_threads';
import type { CallOutput, DeskCall, DeskEvent, Result } from '../../../shared/api.ts';
import type { WorkerData } from './desk-worker.ts';

/** How long a closing desk may take to finish its work before it is stopped. */
const CLOSE_GRACE_MS = 2_000;

export interface DeskClient {
  /** Typed per method as the service's own `call`, whose result the worker passes back as it is. */
  call: DeskCall;
  onEvent(listener: (event: DeskEvent) => void): () => void;
  /** True when the desk file was created by this start. */
  created: boolean;
  close(): Promise<void>;
}

/** Starts the desk in a worker thread (`entry`: the built or source desk-worker module). */
export function startDeskWorker(entry: string | URL, data: WorkerData): Promise<DeskClient> {
  const worker = new Worker(entry, { workerData: data });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: DeskEvent) => void>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on(
      'message',
      (message: {
        id?: number;
        result?: Result<unknown>;
        event?: DeskEvent;
        ready?: boolean;
        created?: boolean;
        failed?: string;
      }) => {
        if (message.failed) {
          void worker.terminate();
          reject(new Error(message.failed));
        } else if (message.ready) {
          resolve({
            created: !!message.created,
            call: (method, input) => {
              const id = nextId++;
              return new Promise<Result<CallOutput<typeof method>>>((done) => {
                // The worker's service parsed the value by the method's output schema.
                pending.set(id, done as (result: Result<unknown>) => void);
                worker.postMessage({ id, method, input });
              });
            },
            onEvent(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            close: () =>
              new Promise<void>((done) => {
                // A clean close lets SQLite checkpoint; a desk that does not stop in time (a
                // long write) is terminated, which WAL makes safe: the last commit stands.
                const force = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
                worker.once('exit', () => {
                  clearTimeout(force);
                  done();
                });
                worker.postMessage('close');
              }),
          });
        } else if (message.event)
          listeners.forEach((listener) => listener(message.event as DeskEvent));
        else if (message.id !== undefined && message.result) {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        }
      },
    );
    worker.on('exit', (code) => {
      for (const done of pending.values())
        done({
          ok: false,
          error: { code: 'internal', message: `the desk stopped (exit ${code})` },
        });
      pending.clear();
    });
  });
}
