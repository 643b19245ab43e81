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
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Requests may carry uploads (base64 report files): bounded so a client cannot exhaust memory. */
const MAX_BODY_BYTES = 96 * 1024 * 1024;

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

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!allowedHosts().includes(req.headers.host ?? ''))
      return refuse(res, 403, 'this server answers only to its own address');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().includes(origin))
      return refuse(res, 403, 'requests from other sites are refused');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req)) return refuse(res, 401, 'missing or wrong desk token');
      if (url.pathname === '/api/events' && req.method === 'GET') return streamEvents(req, res);
      if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST requests');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(res, 415, 'API calls send application/json');
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let input: unknown;
      try {
        input = JSON.parse((await readBody(req)) || '{}');
      } catch (error) {
        return send(res, 400, {
          ok: false,
          error: { code: 'invalid-input', message: (error as Error).message },
        });
      }
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
    const wanted = normalize(
      join(root, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)),
    );
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

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, {
    ok: false,
    error: { code: status === 401 ? 'unauthorized' : 'refused', message },
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`the request is over ${MAX_BODY_BYTES / 1024 / 1024} MiB`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
