#!/usr/bin/env node
// Launcher for the `source-desk` command. The command is TypeScript run by Node's own type
// stripping (Node 22.18+, or 22.12+ with a flag), so a checkout needs no build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `source-desk needs Node.js 22.12 or newer (Node 24 LTS recommended); this is ${process.version}.`,
  );
  process.exit(1);
}
// `source-desk claims | head`: the reader went away, so stop quietly, as a Unix tool does on SIGPIPE.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
const main = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));
if (process.features.typescript) {
  const { run } = await import(main);
  process.exitCode = await run(process.argv.slice(2));
} else {
  const child = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}
