import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDeskWorker } from '../core/worker/client.ts';
import { startBridge } from './server.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The renderer as electron-vite builds it. */
export const RENDERER_DIR = resolve(here, '../../out/renderer');

/** Opens a desk in a worker (a new desk gets the demo case) and serves it with the built UI on loopback. */
export async function serve(dbPath: string, port = 0, staticDir = RENDERER_DIR) {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(
      `the UI is not built (${staticDir} has no index.html): run "npm run build" first`,
    );
  }
  const desk = await startDeskWorker(new URL('../core/worker/desk-worker.ts', import.meta.url), {
    path: dbPath,
    demoOnCreate: true,
  });
  try {
    const bridge = await startBridge({ service: desk, staticDir, port });
    return {
      ...bridge,
      close: async () => {
        await bridge.close();
        await desk.close();
      },
    };
  } catch (error) {
    await desk.close();
    throw error;
  }
}
