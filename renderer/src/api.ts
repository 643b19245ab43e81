// Picks the transport: window.desk in Electron (preload), the loopback bridge in a browser.
// Callers use `call(method, input)` and never know which is underneath.
import type {
  DeskApi,
  DeskEvent,
  ErrorCode,
  Input,
  Method,
  Output,
  Result,
} from '../../shared/api.ts';

declare global {
  interface Window {
    desk?: DeskApi;
  }
}

/** The desk's error codes, and `unreachable`: the desk did not answer at all. */
export type ApiErrorCode = ErrorCode | 'unreachable';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

const TOKEN_KEY = 'source-desk-token';

/** The bridge's per-run token arrives in the URL fragment (never sent to a server); keep it for reloads. */
function bridgeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function bridgeClient(): DeskApi {
  const token = bridgeToken();
  const listeners = new Set<(event: DeskEvent) => void>();
  let streaming = false;
  const stream = async (): Promise<void> => {
    streaming = true;
    try {
      const response = await fetch('/api/events', { headers: { 'x-desk-token': token } });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (chunk.startsWith('data: ')) {
            const event = JSON.parse(chunk.slice(6)) as DeskEvent;
            listeners.forEach((listener) => listener(event));
          }
        }
      }
    } catch {
      // The desk went away (server stopped); events stop with it.
    } finally {
      streaming = false;
    }
  };
  const call = async (method: Method, input: unknown): Promise<Result<unknown>> => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify(input ?? {}),
    });
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `the desk answered ${response.status}` },
      };
    }
  };
  return new Proxy({} as DeskApi, {
    get(_target, name: string) {
      if (name === 'onEvent') {
        return (listener: (event: DeskEvent) => void) => {
          listeners.add(listener);
          if (!streaming) void stream();
          return () => listeners.delete(listener);
        };
      }
      return (input: unknown) => call(name as Method, input);
    },
  });
}

const desk: DeskApi = window.desk ?? bridgeClient();

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const fn = desk[method] as (input: Input<M>) => Promise<Result<Output<M>>>;
  let result: Result<Output<M>>;
  try {
    result = await fn(input);
  } catch (error) {
    throw new ApiError('unreachable', `The desk did not answer (${(error as Error).message}).`);
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}

export const onDeskEvent = (listener: (event: DeskEvent) => void): (() => void) =>
  desk.onEvent(listener);

/** Reads dropped or picked files for `reports.import`. */
export async function toUploads(files: Iterable<File>): Promise<{ name: string; data: string }[]> {
  const uploads = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    uploads.push({ name: file.name, data: btoa(binary) });
  }
  return uploads;
}
