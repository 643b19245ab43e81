// The Electron composition root: it attaches the shell's pure parts (window-config, security,
// launch, menu, uploads) to Electron and starts the desk. No SQL and no parsing here: the desk
// runs in a worker thread (electron/core/worker) so the window never waits on SQLite.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeskEvent, ImportResult } from '../../shared/api.ts';
import { channelOf, EVENT_CHANNEL, METHOD_NAMES } from '../../shared/methods.ts';
import { defaultDeskPath } from '../core/paths.ts';
import { startDeskWorker, type DeskClient } from '../core/worker/client.ts';
import {
  claimSingleInstance,
  deskFromArgv,
  filesFromArgv,
  REPORT_EXTENSIONS,
  reportFiles,
} from './launch.ts';
import { menuTemplate } from './menu.ts';
import {
  appFileFor,
  appHeaders,
  contractHandler,
  denyPermissionCheck,
  denyPermissionRequest,
  refuseNavigation,
  windowOpenHandler,
} from './security.ts';
import { readUploads } from './uploads.ts';
import { APP_ENTRY, APP_SCHEME, windowOptions } from './window-config.ts';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '../renderer');
const seeds = app.isPackaged ? join(process.resourcesPath, 'seeds') : undefined;

let desk: DeskClient | null = null;
let window: BrowserWindow | null = null;
/** Files handed over before the window could show their results. */
let pending: string[] | null = filesFromArgv(process.argv, process.cwd());

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

/** Imports files by path and shows the per-file results in the window. */
async function importFiles(paths: string[]): Promise<void> {
  if (pending) return void pending.push(...paths);
  if (!window || !desk || paths.length === 0) return;
  const { files, rejected } = await readUploads(paths);
  let results: ImportResult[] = rejected;
  if (files.length > 0) {
    const result = await desk.call('reports.import', { files });
    if (!result.ok) return dialog.showErrorBox('Import failed', result.error.message);
    results = [...(result.value as ImportResult[]), ...rejected];
  }
  const event: DeskEvent = { type: 'import.results', results };
  window.webContents.send(EVENT_CHANNEL, event);
}

async function importFromDialog(): Promise<void> {
  if (!window) return;
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import reports',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Reports', extensions: REPORT_EXTENSIONS.map((e) => e.slice(1)) }],
  });
  if (!canceled) await importFiles(filePaths);
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

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', refuseNavigation);
    contents.on('will-attach-webview', refuseNavigation);
    contents.setWindowOpenHandler(windowOpenHandler((url) => void confirmExternal(url)));
  });
  for (const method of METHOD_NAMES)
    ipcMain.handle(
      channelOf(method),
      contractHandler(method, () => desk),
    );
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response?.ok) return new Response('not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: appHeaders(response.headers, file),
    });
  });
}

function createWindow(): void {
  window = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs'), app.isPackaged));
  window.once('ready-to-show', () => {
    window?.show();
    const handedOver = pending ?? [];
    pending = null;
    void importFiles(handedOver);
  });
  window.on('closed', () => {
    window = null;
    // Files handed over while no window is open wait for the next one (macOS keeps running).
    pending = [];
  });
  void window.loadURL(APP_ENTRY);
}

async function start(): Promise<void> {
  lockDown();
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(app.isPackaged, {
        importReports: () => void importFromDialog(),
        openDesk: () => void openDeskFromDialog(),
        about: () =>
          void dialog.showMessageBox({
            message: 'Source Desk',
            detail: `Version ${app.getVersion()}. An offline desk for verifying sources.`,
          }),
      }),
    ),
  );
  try {
    await openDesk(deskFromArgv(process.argv, process.cwd()) ?? defaultDeskPath());
  } catch (error) {
    dialog.showErrorBox('Cannot open the desk', (error as Error).message);
    app.exit(1);
    return;
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

/** The window a second launch brings forward: a new one if the desk is open but none is. */
function windowForHandover(): BrowserWindow | null {
  if (!window && desk) createWindow();
  return window;
}

// A second launch hands its files to the first instance and quits before opening anything.
if (!claimSingleInstance(app, windowForHandover, (paths) => void importFiles(paths))) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  // macOS opens documents through this event rather than argv.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void importFiles(reportFiles([path], process.cwd()));
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void desk?.close();
  });
}
