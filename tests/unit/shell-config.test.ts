// The Electron shell, tested by calling what it runs: the functions that build the window, the CSP
// headers, the app:// lookup, the navigation, window-open, permission and IPC guards, the menu,
// the launch and single-instance handover, and the preload (with 'electron' stood in for).
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { SUPPORTED_EXTENSIONS } from '../../electron/core/import/index.ts';
import { MAX_FILE_BYTES } from '../../shared/limits.ts';
import {
  claimSingleInstance,
  deskFromArgv,
  filesFromArgv,
  REPORT_EXTENSIONS,
  type FocusableWindow,
} from '../../electron/main/launch.ts';
import { menuTemplate } from '../../electron/main/menu.ts';
import {
  appFileFor,
  appHeaders,
  contractHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  refuseNavigation,
  windowOpenHandler,
} from '../../electron/main/security.ts';
import { readUploads } from '../../electron/main/uploads.ts';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  windowOptions,
} from '../../electron/main/window-config.ts';
import { api, type DeskApi } from '../../shared/api.ts';
import { channelOf, EVENT_CHANNEL, METHOD_NAMES } from '../../shared/methods.ts';
import { ROOT, tempDir } from './helpers.ts';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ channel, input })),
  listeners: new Map<string, (...args: unknown[]) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.set(channel, listener),
    off: (channel: string) => electron.listeners.delete(channel),
  },
}));

describe('the window', () => {
  it('is isolated and sandboxed, with no Node in the page, and carries the preload', () => {
    const options = windowOptions('/app/preload/index.cjs', true);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(options.show).toBe(false);
  });

  it('has DevTools in a development run only', () => {
    expect(windowOptions('/p', true).webPreferences?.devTools).toBe(false);
    expect(windowOptions('/p', false).webPreferences?.devTools).toBe(true);
  });

  it('loads the UI from app://desk, which is the only origin counted as the app', () => {
    expect(APP_ENTRY).toBe('app://desk/index.html');
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    for (const url of ['file:///etc/passwd', 'app://other/index.html', 'https://desk/', 'nonsense'])
      expect(isAppUrl(url)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const dir = resolve('/opt/source-desk/renderer');

  it('serves files of the renderer folder, index.html for /', () => {
    expect(appFileFor(dir, 'app://desk/')).toBe(join(dir, 'index.html'));
    expect(appFileFor(dir, 'app://desk/assets/index-1.js')).toBe(join(dir, 'assets/index-1.js'));
  });

  it('serves nothing outside it, from another host, or for a malformed escape', () => {
    expect(appFileFor(dir, 'app://desk/..%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // The URL parser already folds dot segments: these stay inside the folder.
    expect(appFileFor(dir, 'app://desk/%2e%2e/%2e%2e/etc/passwd')).toBe(join(dir, 'etc/passwd'));
    expect(appFileFor(dir, 'app://evil/index.html')).toBeNull();
    expect(appFileFor(dir, 'app://desk/%E0%A4%A')).toBeNull();
  });

  it('answers with the CSP and no sniffing, scripts as JavaScript', () => {
    const headers = appHeaders(new Headers({ 'Content-Type': 'text/plain' }), '/r/assets/a.js');
    expect(headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(headers.get('Content-Type')).toBe('text/javascript');
    expect(
      appHeaders(new Headers({ 'Content-Type': 'text/css' }), '/r/a.css').get('Content-Type'),
    ).toBe('text/css');
  });
});

describe('the CSP', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows only the app’s own scripts and styles: no inline script, no eval, no wildcard', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const values of directives.values())
      for (const value of values) expect(value).not.toMatch(/unsafe|\*|^https?:|^blob:/);
  });

  it('refuses plugins, framing, <base> and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });
});

describe('navigation, new windows and permissions', () => {
  it('navigation and <webview> attachment are prevented', () => {
    const event = { preventDefault: vi.fn() };
    refuseNavigation(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('no window opens; only a web link is offered to the browser, after asking', () => {
    const confirm = vi.fn();
    const handler = windowOpenHandler(confirm);
    for (const url of ['https://www.dailynk.com/english/', 'http://example.org/'])
      expect(handler({ url })).toEqual({ action: 'deny' });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://desk/x',
      'smb://host/share',
    ])
      expect(handler({ url })).toEqual({ action: 'deny' });
    expect(confirm.mock.calls).toEqual([
      ['https://www.dailynk.com/english/'],
      ['http://example.org/'],
    ]);
  });

  it('every permission request is refused and every check fails', () => {
    const callback = vi.fn();
    denyPermissionRequest({}, 'media', callback);
    denyPermissionRequest({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('IPC', () => {
  const mainFrame = { url: 'app://desk/index.html' };
  const desk = { call: vi.fn(() => Promise.resolve({ ok: true as const, value: 'answer' })) };
  const handler = contractHandler('reports.list', () => desk);

  it('passes a call from the app’s own top frame to the desk', async () => {
    await expect(handler({ senderFrame: mainFrame, sender: { mainFrame } }, {})).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    expect(desk.call).toHaveBeenCalledWith('reports.list', {});
  });

  it('refuses a call from a subframe, another origin or a destroyed frame, without calling the desk', () => {
    desk.call.mockClear();
    const refused = {
      ok: false,
      error: { code: 'rejected', message: 'calls are accepted only from the Source Desk window' },
    };
    const subframe = { url: 'app://desk/index.html' };
    expect(handler({ senderFrame: subframe, sender: { mainFrame } }, {})).toEqual(refused);
    const foreign = { url: 'https://evil.example/' };
    expect(handler({ senderFrame: foreign, sender: { mainFrame: foreign } }, {})).toEqual(refused);
    expect(handler({ senderFrame: null, sender: { mainFrame } }, {})).toEqual(refused);
    expect(desk.call).not.toHaveBeenCalled();
  });

  it('says so when the desk is not open yet', () => {
    const early = contractHandler('reports.list', () => null);
    expect(early({ senderFrame: mainFrame, sender: { mainFrame } }, {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('the preload', () => {
  beforeAll(async () => {
    await import('../../electron/preload/index.ts');
  });

  it('exposes one object, window.desk: the contract’s methods and onEvent, not ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['desk']);
    const desk = electron.exposed.get('desk') as Record<string, unknown>;
    expect(Object.keys(desk).sort()).toEqual([...Object.keys(api), 'onEvent'].sort());
    expect(Object.values(desk).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends each method on its own channel, and unsubscribes event listeners', async () => {
    const desk = electron.exposed.get('desk') as DeskApi;
    await expect(desk['reports.get']({ id: 3 })).resolves.toEqual({
      channel: channelOf('reports.get'),
      input: { id: 3 },
    });
    const seen: unknown[] = [];
    const off = desk.onEvent((e) => seen.push(e));
    electron.listeners.get(EVENT_CHANNEL)?.({}, { type: 'desk.changed', reason: 'open' });
    expect(seen).toEqual([{ type: 'desk.changed', reason: 'open' }]);
    off();
    expect(electron.listeners.has(EVENT_CHANNEL)).toBe(false);
  });

  it('its method list is exactly the contract’s', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(api).sort());
  });
});

describe('the menu', () => {
  const actions = { importReports: vi.fn(), openDesk: vi.fn(), about: vi.fn() };
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);
  const labelled = (items: MenuItemConstructorOptions[], label: string) =>
    items
      .flatMap((item) => (Array.isArray(item.submenu) ? item.submenu : []))
      .find((item) => item.label === label);

  it('has no DevTools in a packaged build, and has them in development', () => {
    expect(roles(menuTemplate(true, actions))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate(false, actions))).toContain('toggleDevTools');
  });

  it('File › Import… and Open desk… run their actions', () => {
    const template = menuTemplate(true, actions);
    const click = (label: string) =>
      (labelled(template, label)?.click as (() => void) | undefined)?.();
    click('Import…');
    click('Open desk…');
    click('About Source Desk');
    expect(actions.importReports).toHaveBeenCalledOnce();
    expect(actions.openDesk).toHaveBeenCalledOnce();
    expect(actions.about).toHaveBeenCalledOnce();
  });
});

describe('launch and single instance', () => {
  it('takes the report files from argv, resolved, leaving out the executable, flags and others', () => {
    const argv = [
      '/opt/Source Desk/source-desk',
      '--no-sandbox',
      'notes/a.txt',
      '/abs/b.HTML',
      'out/main/index.js',
      '--desk=/tmp/d.sqlite',
      'c.md',
      'picture.gif',
    ];
    expect(filesFromArgv(argv, '/home/ana')).toEqual([
      '/home/ana/notes/a.txt',
      '/abs/b.HTML',
      '/home/ana/c.md',
    ]);
    expect(deskFromArgv(argv, '/home/ana')).toBe('/tmp/d.sqlite');
    expect(deskFromArgv(['x', '--desk=case.sqlite'], '/home/ana')).toBe('/home/ana/case.sqlite');
    expect(deskFromArgv(['x'], '/home/ana')).toBeUndefined();
  });

  it('knows the same report extensions as the importer', () => {
    expect([...REPORT_EXTENSIONS].sort()).toEqual([...SUPPORTED_EXTENSIONS].sort());
  });

  function fakeApp(locked: boolean) {
    const emitter = new EventEmitter();
    return Object.assign(emitter, { requestSingleInstanceLock: vi.fn(() => locked) });
  }
  function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
  }

  it('a second instance does not get the lock, and should quit', () => {
    const app = fakeApp(false);
    const importFiles = vi.fn();
    expect(claimSingleInstance(app, () => null, importFiles)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('a second launch brings the first window forward and hands it its files', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    const importFiles = vi.fn();
    expect(claimSingleInstance(app, () => window, importFiles)).toBe(true);
    app.emit('second-instance', {}, ['/usr/bin/source-desk', 'report.md', '--flag'], '/work');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(importFiles).toHaveBeenCalledWith(['/work/report.md']);
    // A launch without files only brings the window forward.
    app.emit('second-instance', {}, ['/usr/bin/source-desk'], '/work');
    expect(importFiles).toHaveBeenCalledOnce();
    expect(window.calls).toEqual(['restore', 'show', 'focus', 'restore', 'show', 'focus']);
  });
});

describe('files handed to the app', () => {
  it('are read for the desk; a missing, oversized or folder path is a rejected line of its own', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'Some report text.');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(MAX_FILE_BYTES + 200 * 1024, 0x61));
    // A Word file of the same size is within its own format's limit: it goes to the importer.
    writeFileSync(join(dir, 'big.docx'), Buffer.alloc(MAX_FILE_BYTES + 200 * 1024, 0x61));
    const { files, rejected } = await readUploads([
      join(dir, 'good.txt'),
      join(dir, 'missing.txt'),
      join(dir, 'huge.txt'),
      join(dir, 'big.docx'),
      dir,
    ]);
    expect(files.map((f) => f.name)).toEqual(['good.txt', 'big.docx']);
    expect(files[0]).toEqual({
      name: 'good.txt',
      data: Buffer.from('Some report text.').toString('base64'),
    });
    expect(rejected).toEqual([
      { file: 'missing.txt', status: 'rejected', message: 'no such file or folder' },
      {
        file: 'huge.txt',
        status: 'rejected',
        message: 'the file is 16.2 MiB; the limit is 16.0 MiB',
      },
      {
        file: expect.any(String) as unknown,
        status: 'rejected',
        message: 'a folder where a file was expected',
      },
    ]);
  });
});

describe('packaging', () => {
  it('flips the fuses, in a configuration electron-builder itself accepts', async () => {
    const { getConfig, validateConfiguration } =
      await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util');
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).not.toBe(false);
  });
});
