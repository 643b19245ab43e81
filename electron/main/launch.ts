// What a launch asks of the app: the report files named on its command line (a file opened with
// the app, or dropped on its icon) and the desk given with --desk=. Also what a second launch
// hands the first one. Pure: argv and the working directory in, paths out.
import { extname, resolve } from 'node:path';
import { REPORT_EXTENSIONS } from '../../shared/formats.ts';

/** The report files the desk imports, by extension: the importer's own list. */
export { REPORT_EXTENSIONS };

/** The report files among command-line arguments, as absolute paths; flags and others are left out. */
export function reportFiles(args: readonly string[], workingDirectory: string): string[] {
  return args
    .filter(
      (arg) =>
        !arg.startsWith('-') &&
        (REPORT_EXTENSIONS as readonly string[]).includes(extname(arg).toLowerCase()),
    )
    .map((arg) => resolve(workingDirectory, arg));
}

/**
 * The report files of a launch's argv. argv[0] is the executable; Chromium may add switches of its
 * own anywhere after it, so only arguments that name a report file count.
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return reportFiles(argv.slice(1), workingDirectory);
}

/** The desk named by `--desk=PATH`, resolved against the working directory. */
export function deskFromArgv(
  argv: readonly string[],
  workingDirectory: string,
): string | undefined {
  const path = argv.find((arg) => arg.startsWith('--desk='))?.slice('--desk='.length);
  return path ? resolve(workingDirectory, path) : undefined;
}

/** The window the first instance brings forward when the app is launched again. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export function bringForward(window: FocusableWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** What `requestSingleInstanceLock` and the 'second-instance' event need of Electron's app. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(
    event: 'second-instance',
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
}

/**
 * Makes this the only running instance. False: another holds the lock, and this one should quit
 * (the other receives our argv). True: a later launch brings `window()` forward and hands its
 * report files to `importFiles`.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  window: () => FocusableWindow | null,
  importFiles: (paths: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const open = window();
    if (open) bringForward(open);
    const files = filesFromArgv(argv, workingDirectory);
    if (files.length > 0) importFiles(files);
  });
  return true;
}
