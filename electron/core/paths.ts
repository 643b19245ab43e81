import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Source Desk';

/**
 * Where the desktop app keeps its data: Electron's `userData` folder for this app name, computed
 * here so the CLI and the app agree without Electron. `SOURCE_DESK_HOME` moves it.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.SOURCE_DESK_HOME) return env.SOURCE_DESK_HOME;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

export function defaultDeskPath(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  return join(userDataDir(env, platform), 'desk.sqlite');
}
