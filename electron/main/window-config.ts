// The shell's security settings as plain data, so tests can check them without launching Electron.
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

/** The UI is served from this origin through the app:// protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

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
