// The layering rule (../shared/DESIGN.md §1), as allow-lists after VS Code's `code-layering`: each
// zone names the zones and packages it may import, and everything else is refused. A file's zone
// is its path; files outside every zone (tests, scripts, configs) are not checked.
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Zone → what it may import: zones of this repository, and packages (`node:` for Node's own). */
export const ZONES = {
  shared: { path: 'shared/', zones: ['shared'], packages: ['zod', 'approx-string-match'] },
  core: {
    path: 'electron/core/',
    zones: ['shared', 'core'],
    packages: [
      'node:',
      'better-sqlite3',
      'jsdom',
      '@mozilla/readability',
      'marked',
      'zod',
      'mammoth',
      'mhtml-to-html',
      'pdfjs-dist',
      'tesseract.js',
    ],
  },
  bridge: { path: 'electron/bridge/', zones: ['shared', 'core', 'bridge'], packages: ['node:'] },
  cli: { path: 'electron/cli/', zones: ['shared', 'core', 'bridge', 'cli'], packages: ['node:'] },
  main: {
    path: 'electron/main/',
    zones: ['shared', 'core', 'main'],
    packages: ['node:', 'electron'],
  },
  preload: { path: 'electron/preload/', zones: ['shared', 'preload'], packages: ['electron'] },
  renderer: {
    path: 'renderer/',
    zones: ['shared', 'renderer'],
    packages: ['react', 'react-dom', 'zustand', '@tanstack/react-virtual', 'pdfjs-dist'],
  },
};

function zoneOf(file) {
  const path = relative(ROOT, file).replaceAll('\\', '/');
  return Object.entries(ZONES).find(([, zone]) => path.startsWith(zone.path))?.[0];
}

/** The package an import names: `@scope/name` or `name`, `node:` for any of Node's modules. */
function packageOf(source) {
  if (source.startsWith('node:')) return 'node:';
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each zone imports only what its allow-list names.' },
    schema: [],
  },
  create(context) {
    const from = zoneOf(context.filename);
    if (!from) return {};
    const allowed = ZONES[from];
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = zoneOf(resolve(dirname(context.filename), source));
        if (target && !allowed.zones.includes(target))
          context.report({
            node,
            message: `${from} may not import from ${target} (${source}); it may import from ${allowed.zones.join(', ')}.`,
          });
        return;
      }
      const name = packageOf(source);
      if (!allowed.packages.includes(name))
        context.report({
          node,
          message: `${from} may not import "${name}"; its packages are ${allowed.packages.join(', ')}.`,
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'allowed-imports': rule } };
