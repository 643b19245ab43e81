import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, platform } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server.ts';
import { loadDemoCase } from '../../electron/core/seeds.ts';
import { createDeskService } from '../../electron/core/service.ts';
import { tempDesk, tempDir } from './helpers.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

let bridge: Bridge;
let staticDir: string;

beforeEach(async () => {
  const { db, file } = tempDesk();
  await loadDemoCase(db);
  staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
  bridge = await startBridge({ service: createDeskService({ db, path: file }), staticDir });
});
afterEach(() => bridge.close());

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'Content-Type': 'application/json' };

/** Whether a TCP connection to host:port opens ('connected') or the error code it fails with. */
function reach(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('loopback bridge', () => {
  it('prints a URL on 127.0.0.1 carrying the token in the fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call that carries the token', async () => {
    const r = await send('/api/reports.list', {
      headers: { ...json, 'x-desk-token': bridge.token },
      body: '{}',
    });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body) as { ok: boolean; value: { ids: number[] } };
    expect(body.ok).toBe(true);
    expect(body.value.ids).toHaveLength(3);
  });

  it('refuses an API call without the token, or with a wrong one: 401', async () => {
    expect((await send('/api/reports.list', { headers: json, body: '{}' })).status).toBe(401);
    const wrong = bridge.token.slice(0, -1) + (bridge.token.endsWith('A') ? 'B' : 'A');
    expect(
      (await send('/api/reports.list', { headers: { ...json, 'x-desk-token': wrong }, body: '{}' }))
        .status,
    ).toBe(401);
    expect((await send('/api/events', { method: 'GET' })).status).toBe(401);
  });

  it('refuses a request addressed to another host name (DNS rebinding): 403', async () => {
    const r = await send('/api/reports.list', {
      headers: { ...json, 'x-desk-token': bridge.token, Host: `attacker.example:${bridge.port}` },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect((await send('/', { method: 'GET', headers: { Host: 'attacker.example' } })).status).toBe(
      403,
    );
  });

  it('refuses a request from a foreign Origin, even with the token: 403', async () => {
    const r = await send('/api/reports.list', {
      headers: { ...json, 'x-desk-token': bridge.token, Origin: 'https://attacker.example' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    const same = await send('/api/reports.list', {
      headers: { ...json, 'x-desk-token': bridge.token, Origin: `http://127.0.0.1:${bridge.port}` },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    // Reachable on 127.0.0.1; refused on every other address of this machine: the other
    // interfaces' addresses, IPv6 loopback, and (Linux routes all of 127/8 to loopback) 127.0.0.2,
    // which a server bound to 0.0.0.0 or :: would answer.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.address.startsWith('fe80') && i.address !== '127.0.0.1')
      .map((i) => i?.address as string);
    const probes = [
      ...new Set([...others, '::1', ...(platform() === 'linux' ? ['127.0.0.2'] : [])]),
    ];
    expect(await reach('127.0.0.1', bridge.port)).toBe('connected');
    for (const host of probes)
      expect([host, await reach(host, bridge.port)]).not.toEqual([host, 'connected']);
  });

  it('rejects unknown methods and invalid arguments with a clear error', async () => {
    const headers = { ...json, 'x-desk-token': bridge.token };
    const unknown = await send('/api/reports.drop', { headers, body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'unknown method "reports.drop"' },
    });
    const invalid = JSON.parse(
      (await send('/api/reports.get', { headers, body: '{"id":"one"}' })).body,
    ) as {
      error: { code: string; message: string };
    };
    expect(invalid.error.code).toBe('invalid-input');
    expect(invalid.error.message).toMatch(/^reports\.get: id: /);
    expect(
      (await send('/api/reports.list', { headers: { 'x-desk-token': bridge.token }, body: '{}' }))
        .status,
    ).toBe(415);
  });

  it('serves the UI with the CSP, and nothing outside its folder', async () => {
    const page = await send('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await send('/..%2f..%2fetc%2fpasswd', { method: 'GET' });
    expect(escape.body).not.toContain('root:');
  });
});
