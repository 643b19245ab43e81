import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The layering rule's messages for `code` as if it stood at `path`. */
async function layering(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layering/allowed-imports')
    .map((m) => m.message);
}

describe('layering: each zone imports only what its allow-list names', () => {
  it('refuses Node, Electron and the backend in the renderer', async () => {
    const messages = await layering(
      'renderer/src/ui/format.ts',
      `import { readFileSync } from 'node:fs';\nimport { openDesk } from '../../../electron/core/db/connection.ts';\nexport const x = [readFileSync, openDesk];\n`,
    );
    expect(messages).toEqual([
      expect.stringContaining('renderer may not import "node:"'),
      expect.stringContaining('renderer may not import from core'),
    ]);
  });

  it('keeps shared pure and core free of Electron and the UI', async () => {
    expect(
      await layering(
        'shared/limits.ts',
        `import { useState } from 'react';\nexport const x = useState;\n`,
      ),
    ).toEqual([expect.stringContaining('shared may not import "react"')]);
    expect(
      await layering(
        'electron/core/paths.ts',
        `import { app } from 'electron';\nimport { menuTemplate } from '../main/menu.ts';\nexport const x = [app, menuTemplate];\n`,
      ),
    ).toEqual([
      expect.stringContaining('core may not import "electron"'),
      expect.stringContaining('core may not import from main'),
    ]);
  });

  it('lets each zone import what it is allowed', async () => {
    expect(
      await layering(
        'electron/cli/main.ts',
        `import { serve } from '../bridge/serve.ts';\nimport { openDesk } from '../core/db/connection.ts';\nimport { api } from '../../shared/api.ts';\nexport const x = [serve, openDesk, api];\n`,
      ),
    ).toEqual([]);
  });
});
