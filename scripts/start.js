#!/usr/bin/env node
// npm start: builds the app and opens the desktop window. Electron fetches its runtime on first
// launch; where that cannot be had (an offline machine), the same desk is served to the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules/electron');
const passthrough = process.argv.slice(2);

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (!binary) {
  // First launch: let Electron's own installer fetch the runtime (quietly; it fails fast offline).
  spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, [root, ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's runtime is not installed and could not be downloaded (offline?): serving the desk to your browser instead.",
  );
  // `serve` takes the desk the window would open (`--desk=PATH`), not the window's other arguments.
  const desk = passthrough.find((arg) => arg.startsWith('--desk='))?.slice('--desk='.length);
  const child = spawn(
    process.execPath,
    [join(root, 'bin/source-desk.js'), 'serve', ...(desk ? ['--db', desk] : [])],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
