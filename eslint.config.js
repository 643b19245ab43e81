import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layering from './scripts/eslint-layering.js';

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
    // Each zone (shared, core, bridge, cli, main, preload, renderer) imports only from its allow-list.
    plugins: { layering },
    rules: { 'layering/allowed-imports': 'error' },
  },
  {
    // Type-aware rules for the product's code (tests are left out: they double the lint time).
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-deprecated': 'error',
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
  {
    // The store owns every call to the desk: components and their helpers use its named actions.
    // The desk's client is renderer/src/api.ts, reached by a relative path that does not go
    // through shared/ (shared/api.ts, the contract, is for everyone).
    files: ['renderer/src/App.tsx', 'renderer/src/features/**', 'renderer/src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+api(\\.ts)?$',
              message: 'Components reach the desk through the store’s named actions.',
            },
          ],
        },
      ],
    },
  },
);
