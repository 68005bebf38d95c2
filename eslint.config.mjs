import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tmp/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The domain is pure: no Electron, no file system, no storage library. Layers import downward only.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'lowdb', 'lowdb/node', 'steno', 'path', 'node:path', 'child_process', 'node:child_process'],
          patterns: [
            { group: ['**/store/**', '**/api/**', '**/main/**', '**/server/**', '**/preload/**', '**/renderer/**'], message: 'core must not import outer layers' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb'],
          patterns: [{ group: ['**/store/**', '**/main/**', '**/server/**', '**/renderer/**'], message: 'api sits between transports and core' }],
        },
      ],
    },
  },
  {
    // The renderer talks to the backend only through the typed client; it may import api/core types only.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'lowdb'],
          patterns: [{ group: ['**/electron/store/**', '**/electron/main/**', '**/electron/server/**'], message: 'the renderer reaches the backend through the API client only' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
