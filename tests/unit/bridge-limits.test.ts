// The loopback bridge's answers to hostile or broken requests (issue 7, item 8): short 4xx
// messages for client errors, a generic 500 for the rest, a deadline on bodies, and a 413 that
// reaches the client.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nestsDeeperThan, startBridge, type Bridge } from '../../electron/bridge/server.ts';
import type { DeskBackend } from '../../electron/core/service.ts';
import type { CallOutput } from '../../shared/api.ts';
import { tempDir } from './helpers.ts';

let bridge: Bridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
  vi.restoreAllMocks();
});

/** Stands in for the desk worker: its input is structured-cloned, as postMessage does. */
function fakeDesk(call: (method: string, input: unknown) => unknown = () => null): DeskBackend & {
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    call: (method, input) => {
      calls.push(method);
      structuredClone(input);
      return Promise.resolve({ ok: true, value: call(method, input) as CallOutput<typeof method> });
    },
    onEvent: () => () => undefined,
  };
}

async function start(
  service: DeskBackend,
  options: { maxBodyBytes?: number; bodyTimeoutMs?: number; staticDir?: string } = {},
): Promise<Bridge> {
  bridge = await startBridge({ service, token: 't'.repeat(32), ...options });
  return bridge;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { ok: boolean; error?: { code: string; message: string } };
}

/** A real HTTP request; the body is written in 1 MiB chunks as a browser's upload would be. */
function post(b: Bridge, path: string, body: string | Buffer, method = 'POST'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: b.port,
        path,
        method,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': data.length,
          'x-desk-token': b.token,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    const chunk = 1024 * 1024;
    for (let at = 0; at < data.length; at += chunk) req.write(data.subarray(at, at + chunk));
    req.end();
  });
}

describe('bridge: client errors', () => {
  it('a malformed % escape in the address is a 400 naming it, in the API and for pages', async () => {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
    const b = await start(fakeDesk(), { staticDir });
    const api = await post(b, '/api/reports.%E0%A4%A', '{}');
    expect(api.status).toBe(400);
    expect(api.body).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'the address holds a malformed % escape' },
    });
    const page = await post(b, '/%E0%A4%A', '', 'GET');
    expect(page.status).toBe(400);
    expect(page.body.error?.message).toBe('the address holds a malformed % escape');
  });

  it('a 200,000-deep JSON body is a 400 and never reaches the desk', async () => {
    const desk = fakeDesk();
    const b = await start(desk);
    const deep = `{"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = await post(b, '/api/claims.list', deep);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'the request is too deeply nested (more than 64 levels)',
      },
    });
    expect(desk.calls).toEqual([]);
  });

  it('a body that is not JSON is a 400 that does not quote it back', async () => {
    const b = await start(fakeDesk());
    const r = await post(b, '/api/claims.list', '{"a": <script>');
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({
      code: 'invalid-input',
      message: 'the request body is not valid JSON',
    });
  });

  it('counts only brackets outside strings when judging depth', () => {
    expect(nestsDeeperThan('[[["a"]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[["a"]]]]', 3)).toBe(true);
    expect(nestsDeeperThan(`{"s":"${'['.repeat(100)}\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
    expect(nestsDeeperThan(`["\\\\", ${'['.repeat(5)}]`, 3)).toBe(true);
    expect(nestsDeeperThan('["unterminated', 3)).toBe(false);
  });
});

describe('bridge: unexpected failures', () => {
  it('answer 500 with a generic message; the details go to the log only', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const b = await start({
      call: () =>
        Promise.reject(new Error('SQLITE_CORRUPT in /home/analyst/secret-case/desk.sqlite')),
      onEvent: () => () => undefined,
    });
    const r = await post(b, '/api/claims.list', '{}');
    expect(r.status).toBe(500);
    expect(r.body).toEqual({
      ok: false,
      error: { code: 'internal', message: 'the desk could not answer; the details are in its log' },
    });
    expect(JSON.stringify(r.body)).not.toContain('secret-case');
    expect(String(log.mock.calls[0]?.[1])).toContain('secret-case');
  });
});

describe('bridge: request bodies are bounded', () => {
  it('an oversized upload gets a 413 with a message the client actually receives', async () => {
    const desk = fakeDesk();
    const b = await start(desk, { maxBodyBytes: 1024 * 1024 });
    const body = JSON.stringify({
      files: [{ name: 'big.txt', data: 'A'.repeat(3 * 1024 * 1024) }],
    });
    const r = await post(b, '/api/reports.import', body);
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
    expect(r.body).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'the upload is 3.0 MiB; the limit is 1 MiB' },
    });
    expect(desk.calls).toEqual([]);
  });

  it('a browser-style fetch of an upload over the real 96 MiB limit reads the 413', async () => {
    const b = await start(fakeDesk());
    const body = Buffer.alloc(97 * 1024 * 1024, 0x41);
    const response = await fetch(`http://127.0.0.1:${b.port}/api/reports.import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-desk-token': b.token },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'the upload is 97.0 MiB; the limit is 96 MiB' },
    });
  });

  it('a body that trickles in is refused with a 408 at the deadline, not held for minutes', async () => {
    const b = await start(fakeDesk(), { bodyTimeoutMs: 400 });
    const started = Date.now();
    const answer = await new Promise<{ head: string; closed: boolean }>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: b.port }, () => {
        socket.write(
          [
            'POST /api/claims.list HTTP/1.1',
            `Host: 127.0.0.1:${b.port}`,
            'Content-Type: application/json',
            `x-desk-token: ${b.token}`,
            'Content-Length: 1000',
            '',
            '{"a":',
          ].join('\r\n'),
        );
      });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve({ head: text, closed: true }));
      socket.on('error', reject);
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(answer.head).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.head).toContain('"code":"timeout"');
    expect(answer.closed).toBe(true);
  }, 8000);
});
