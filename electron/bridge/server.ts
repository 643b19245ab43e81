import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import type { DeskBackend } from '../core/service.ts';

export interface BridgeOptions {
  service: DeskBackend;
  /** The built renderer (index.html and assets) to serve at `/`; omitted: API only. */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; by default a new random one per run. */
  token?: string;
  /** Largest request body accepted (default 96 MiB); tests lower it. */
  maxBodyBytes?: number;
  /** How long a request body may take to arrive (default 30 s); tests shorten it. */
  bodyTimeoutMs?: number;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Requests may carry uploads (base64 report files): bounded so a client cannot exhaust memory. */
const MAX_BODY_BYTES = 96 * 1024 * 1024;

/** A body still arriving after this is refused (408): a slow client must not hold a connection. */
const BODY_TIMEOUT_MS = 30_000;

/**
 * Deepest nesting of arrays and objects accepted in a request; the contract needs a handful.
 * Deeper input would pass JSON.parse but overflow the stack in the structured clone to the desk
 * worker or in validation.
 */
const MAX_JSON_DEPTH = 64;

/** A request the bridge refuses, with the status and the short message the client sees. */
class RequestError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the desk to a browser on this machine only: binds 127.0.0.1, answers only requests whose
 * Host is this server (no DNS rebinding) and whose Origin, if any, is this server (no other site's
 * pages), and runs API calls only with this run's token, compared in constant time.
 */
export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;

  const server = createServer(
    {
      // Node's own limits back up the body deadline: headers within 10 s, the whole request a
      // little after the body deadline, checked every second rather than every 30.
      headersTimeout: Math.min(10_000, bodyTimeoutMs + 5_000),
      requestTimeout: bodyTimeoutMs + 5_000,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (error instanceof RequestError) {
          // Connection: close, so a client still sending learns the answer before the socket goes.
          return send(
            res,
            error.status,
            { ok: false, error: { code: error.code, message: error.message } },
            error.status === 408 || error.status === 413,
          );
        }
        // Details for the log only: an exception's text may name files and internals.
        console.error(`bridge: ${req.method ?? '?'} ${req.url ?? '?'} failed`, error);
        send(res, 500, {
          ok: false,
          error: {
            code: 'internal',
            message: 'the desk could not answer; the details are in its log',
          },
        });
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!allowedHosts().includes(req.headers.host ?? ''))
      return refuse(res, 403, 'this server answers only to its own address');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin))
      return refuse(res, 403, 'requests from other sites are refused');
    const url = parseUrl(req.url ?? '/', req.headers.host ?? '');

    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req)) return refuse(res, 401, 'missing or wrong desk token');
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
      if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST requests');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'API calls send application/json');
      }
      const method = decodePath(url.pathname.slice('/api/'.length));
      const input = parseJson(
        (await readBody(req, maxBodyBytes, bodyTimeoutMs)) || '{}',
        MAX_JSON_DEPTH,
      );
      const result = await options.service.call(method, input);
      return send(res, !result.ok && result.error.code === 'unknown-method' ? 404 : 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'not allowed');
    return serveStatic(url.pathname, res);
  }

  function hasToken(req: IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers['x-desk-token'] ?? ''));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = options.service.onEvent((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`),
    );
    req.on('close', unsubscribe);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    if (!options.staticDir) return refuse(res, 404, 'no UI is served here');
    const root = resolve(options.staticDir);
    const wanted = normalize(join(root, decodePath(pathname === '/' ? '/index.html' : pathname)));
    if (wanted !== root && !wanted.startsWith(root + sep)) return refuse(res, 404, 'not found');
    const file =
      existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    createReadStream(file).pipe(res);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(json);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, {
    ok: false,
    error: { code: status === 401 ? 'unauthorized' : 'refused', message },
  });
}

function parseUrl(path: string, host: string): URL {
  try {
    return new URL(path, `http://${host}`);
  } catch {
    throw new RequestError(400, 'invalid-input', 'the address is malformed');
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw new RequestError(400, 'invalid-input', 'the address holds a malformed % escape');
  }
}

/** Parses a request body, refusing one nested deeper than `maxDepth` before building it. */
export function parseJson(text: string, maxDepth: number): unknown {
  if (nestsDeeperThan(text, maxDepth)) {
    throw new RequestError(
      400,
      'invalid-input',
      `the request is too deeply nested (more than ${maxDepth} levels)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError(400, 'invalid-input', 'the request body is not valid JSON');
  }
}

/**
 * True when brackets and braces outside strings nest deeper than `maxDepth`. Strings are skipped
 * with indexOf, so a body that is mostly one long base64 upload costs little to scan.
 */
export function nestsDeeperThan(json: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      let close = i;
      for (;;) {
        close = json.indexOf('"', close + 1);
        if (close === -1) return false; // unterminated: JSON.parse says so
        let backslashes = 0;
        while (json.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = close;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const mib = (bytes: number, digits: number): string =>
  `${(bytes / 1024 / 1024).toFixed(digits)} MiB`;

/**
 * Reads a request body within `maxBytes` and `timeoutMs`. An oversized body is read to its end
 * and discarded before the 413 is sent: closing a socket with unread data resets it, and the
 * client would see "connection reset" instead of the answer. The deadline bounds that too.
 */
function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.removeAllListeners('data');
      reject(
        new RequestError(
          408,
          'timeout',
          `the request did not arrive within ${timeoutMs / 1000} s; try again`,
        ),
      );
    }, timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      clearTimeout(timer);
      if (size <= maxBytes) return resolveBody(Buffer.concat(chunks).toString('utf8'));
      const limit = mib(maxBytes, Number.isInteger(maxBytes / 1024 / 1024) ? 0 : 1);
      reject(
        new RequestError(413, 'too-large', `the upload is ${mib(size, 1)}; the limit is ${limit}`),
      );
    });
    // The client gave up mid-body: nobody is left to read an answer.
    req.on('error', () => {
      clearTimeout(timer);
      reject(new RequestError(400, 'aborted', 'the request was cut off'));
    });
  });
}
