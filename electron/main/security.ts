// The shell's guards as functions of their inputs: the app:// file lookup, the navigation,
// new-window and permission handlers, and the IPC sender check. index.ts only attaches them.
import { extname, join, normalize, sep } from 'node:path';
import type { Result } from '../../shared/api.ts';
import { APP_HOST, CONTENT_SECURITY_POLICY, isAppUrl, isExternalLink } from './window-config.ts';

/**
 * The file of the built UI an app:// request names, or null: another host, a malformed escape,
 * or a path that leaves the renderer folder.
 */
export function appFileFor(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  if (url.host !== APP_HOST) return null;
  const file = normalize(join(rendererDir, path));
  return file.startsWith(rendererDir + sep) ? file : null;
}

/** Headers of an app:// answer: the file's own, plus the CSP and no MIME sniffing. */
export function appHeaders(upstream: Headers, file: string): Headers {
  const headers = new Headers(upstream);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  if (extname(file) === '.js') headers.set('Content-Type', 'text/javascript');
  return headers;
}

/** 'will-navigate' and 'will-attach-webview': the window never leaves the app's UI. */
export function refuseNavigation(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * The window-open handler: no new window ever; a web link is offered to the system browser
 * through `confirmExternal` (which asks the user first).
 */
export function windowOpenHandler(
  confirmExternal: (url: string) => void,
): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    if (isExternalLink(url)) confirmExternal(url);
    return { action: 'deny' };
  };
}

/** Permission requests (camera, notifications, …): always refused. */
export function denyPermissionRequest(
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** Permission checks: never granted. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** True when an IPC call comes from the top frame of the app's own page. */
export function isTrustedSender(event: {
  senderFrame: { url: string } | null;
  sender: { mainFrame: unknown };
}): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url);
}

type Sender = Parameters<typeof isTrustedSender>[0];

/** The ipcMain handler of one contract method: only the app's own top frame may call the desk. */
export function contractHandler(
  method: string,
  desk: () => { call(method: string, input: unknown): Promise<Result<unknown>> } | null,
): (event: Sender, input: unknown) => Promise<Result<unknown>> | Result<unknown> {
  return (event, input) => {
    if (!isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'rejected', message: 'calls are accepted only from the Source Desk window' },
      };
    }
    const open = desk();
    if (!open)
      return { ok: false, error: { code: 'internal', message: 'the desk is not open yet' } };
    return open.call(method, input);
  };
}
