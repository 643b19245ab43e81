import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Process boundaries (../shared/DESIGN.md §1): the path of a file tells which process it runs in.
const noNodeOrElectron = [
  {
    group: ['node:*', 'electron', 'better-sqlite3', 'jsdom'],
    message: 'This layer runs in the browser.',
  },
  { group: ['**/electron/**'], message: 'Reach the backend through the API contract only.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeOrElectron,
            {
              group: ['**/renderer/**'],
              message: 'shared/ imports nothing from the other layers.',
            },
            { group: ['react', 'react-dom', 'zustand'], message: 'shared/ is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: noNodeOrElectron }],
    },
  },
  {
    files: ['electron/core/**', 'electron/cli/**', 'electron/bridge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core, cli and bridge run without Electron.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'The backend never imports the UI.' }],
        },
      ],
    },
  },
);
