// The Electron composition root: app lifecycle, the window, the menu, the app:// protocol, the
// security handlers, and the contract registered on ipcMain. No SQL and no parsing here: the desk
// runs in a worker thread (electron/core/worker) so the window never waits on SQLite.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeskEvent, Result } from '../../shared/api.ts';
import type { ImportResult } from '../../shared/model.ts';
import { channelOf, EVENT_CHANNEL, METHOD_NAMES } from '../../shared/methods.ts';
import { defaultDeskPath } from '../core/paths.ts';
import { startDeskWorker, type DeskClient } from '../core/worker/client.ts';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isExternalLink,
  WEB_PREFERENCES,
  WINDOW_OPTIONS,
} from './window-config.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const seeds = app.isPackaged ? join(process.resourcesPath, 'seeds') : undefined;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let desk: DeskClient | null = null;
let window: BrowserWindow | null = null;

async function openDesk(path: string): Promise<void> {
  const previous = desk;
  desk = await startDeskWorker(new URL('./desk-worker.js', import.meta.url), {
    path,
    seeds,
    demoOnCreate: true,
  });
  desk.onEvent((event) => window?.webContents.send(EVENT_CHANNEL, event));
  await previous?.close();
  window?.setTitle(`Source Desk — ${basename(path)}`);
  const opened: DeskEvent = { type: 'desk.changed', reason: 'open' };
  window?.webContents.send(EVENT_CHANNEL, opened);
}

/** One generic handler per contract method: only the app's own top frame may call the desk. */
function registerContract(): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(
      channelOf(method),
      (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
        const frame = event.senderFrame;
        if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url)) {
          return {
            ok: false,
            error: {
              code: 'rejected',
              message: 'calls are accepted only from the Source Desk window',
            },
          };
        }
        if (!desk)
          return { ok: false, error: { code: 'internal', message: 'the desk is not open yet' } };
        return desk.call(method, input);
      },
    );
  }
}

/** Serves the built UI from app://desk/ with the app's CSP; nothing outside the renderer folder. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    const file = normalize(
      join(rendererDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)),
    );
    if (!file.startsWith(rendererDir + sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response?.ok) return new Response('not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (extname(file) === '.js') headers.set('Content-Type', 'text/javascript');
    return new Response(response.body, { status: 200, headers });
  });
}

function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void confirmExternal(url);
      return { action: 'deny' };
    });
  });
}

async function confirmExternal(url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

async function importFromDialog(): Promise<void> {
  if (!window || !desk) return;
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import reports',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Reports', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm'] }],
  });
  if (canceled || filePaths.length === 0) return;
  const files = await Promise.all(
    filePaths.map(async (p) => ({
      name: basename(p),
      data: (await readFile(p)).toString('base64'),
    })),
  );
  const result = await desk.call('reports.import', { files });
  if (!result.ok) return dialog.showErrorBox('Import failed', result.error.message);
  const event: DeskEvent = { type: 'import.results', results: result.value as ImportResult[] };
  window.webContents.send(EVENT_CHANNEL, event);
}

async function openDeskFromDialog(): Promise<void> {
  if (!window) return;
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    title: 'Open or create a desk',
    buttonLabel: 'Open desk',
    defaultPath: defaultDeskPath(),
    filters: [{ name: 'Source Desk', extensions: ['sqlite'] }],
  });
  if (!canceled && filePath)
    await openDesk(filePath).catch((error: Error) =>
      dialog.showErrorBox('Cannot open this desk', error.message),
    );
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void importFromDialog() },
        {
          label: 'Open desk…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => void openDeskFromDialog(),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'About Source Desk',
          click: () =>
            void dialog.showMessageBox({
              message: 'Source Desk',
              detail: `Version ${app.getVersion()}. An offline desk for verifying sources.`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  window = new BrowserWindow({
    ...WINDOW_OPTIONS,
    webPreferences: { ...WEB_PREFERENCES, preload: join(here, '../preload/index.cjs') },
  });
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => (window = null));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

const deskArgument = process.argv.find((arg) => arg.startsWith('--desk='))?.slice('--desk='.length);

void app.whenReady().then(async () => {
  lockDownSessions();
  registerAppProtocol();
  registerContract();
  buildMenu();
  try {
    await openDesk(deskArgument ?? defaultDeskPath());
  } catch (error) {
    dialog.showErrorBox('Cannot open the desk', (error as Error).message);
    app.exit(1);
    return;
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void desk?.close();
});
