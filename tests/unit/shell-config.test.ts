import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isExternalLink,
  WEB_PREFERENCES,
} from '../../electron/main/window-config.ts';
import { api } from '../../shared/api.ts';
import { METHOD_NAMES } from '../../shared/methods.ts';
import { ROOT } from './helpers.ts';

const mainSource = readFileSync(join(ROOT, 'electron/main/index.ts'), 'utf8');
const preloadSource = readFileSync(join(ROOT, 'electron/preload/index.ts'), 'utf8');

describe('Electron shell configuration (read without launching Electron)', () => {
  it('every window is isolated and sandboxed, with no Node in the page', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    const windows = mainSource.match(/new BrowserWindow\(/g) ?? [];
    const secured =
      mainSource.match(/new BrowserWindow\(\{[^}]*webPreferences: \{ \.\.\.WEB_PREFERENCES,/g) ??
      [];
    expect(windows.length).toBeGreaterThan(0);
    expect(secured).toHaveLength(windows.length);
  });

  it('the CSP allows only the app’s own scripts: no inline script, no eval, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(mainSource).toContain("headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)");
  });

  it('the UI comes from app://, navigation and new windows are refused, permissions denied', () => {
    expect(APP_ORIGIN).toBe('app://desk');
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(mainSource).toContain('window.loadURL(`${APP_ORIGIN}/index.html`)');
    expect(mainSource).not.toMatch(/loadFile\(|file:\/\//);
    expect(mainSource).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(mainSource).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(mainSource).toMatch(
      /setPermissionRequestHandler\(\(_contents, _permission, callback\) =>\s*callback\(false\)/,
    );
    expect(mainSource).toContain('setPermissionCheckHandler(() => false)');
  });

  it('only http(s) links may open outside, after the user confirms', () => {
    expect(isExternalLink('https://www.dailynk.com/english/')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(mainSource).toMatch(/if \(response === 0\) await shell\.openExternal\(url\)/);
  });

  it('IPC handlers accept only the app’s own top frame, and the preload never exposes ipcRenderer', () => {
    expect(mainSource).toMatch(/frame !== event\.sender\.mainFrame \|\| !isAppUrl\(frame\.url\)/);
    expect(preloadSource).toMatch(/contextBridge\.exposeInMainWorld\('desk', api\)/);
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('the preload’s method list is exactly the contract’s', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(api).sort());
  });
});
