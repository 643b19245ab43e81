// The shell's window settings and URL rules as plain data and pure functions, so tests call them
// without launching Electron. Only types come from 'electron' here.
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

/** The UI is served from this origin through the app:// protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/** webPreferences of every window: isolated, sandboxed, no Node in the page. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const;

export const WINDOW_OPTIONS = {
  width: 1360,
  height: 860,
  minWidth: 900,
  minHeight: 560,
  title: 'Source Desk',
  show: false,
} as const;

/**
 * The options of the desk's window: the secure preferences, the preload, and DevTools only in a
 * development run (a packaged build has no way to open them, menu or shortcut).
 */
export function windowOptions(preload: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_OPTIONS,
    webPreferences: { ...WEB_PREFERENCES, preload, devTools: !packaged },
  };
}

/** True for a URL of the app's own UI. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only web links may leave the app, and only to the system browser after the user agrees. */
export function isExternalLink(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
