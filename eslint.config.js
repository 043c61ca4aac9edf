// ESLint flat config (`npm run lint`, a step of `npm test`): ESLint's and typescript-eslint's recommended rules (not
// the type-checked set: on this tree it takes ~5× the time and 2.5 GB) and React's hooks rules. Layout is Prettier's.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    // Build output and caches (ESLint does not read .gitignore; it skips node_modules itself).
    '**/dist/',
    'storybook-static/',
    'coverage/',
    '.vitest-reports/',
    'test-results/',
    'screenshots/',
    'bench/.out/',
    '.cache/',
    '**/.next/',
    '**/build/',
    '**/.react-router/',
    '**/next-env.d.ts',
    '**/.e2e-*/', // what the e2e tests write into the fixtures
    // Trees that hold nothing but their own installs.
    'bench/anchors/',
    'test/react18/node_modules/',
    // Vendor: MSW's generated service worker (npx msw init).
    '.storybook/public/mockServiceWorker.js',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Names starting with _ are unused on purpose, and `const { id: _id, ...rest } = x` is how a field is left out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A missing dependency is a stale-value bug, not a style point: an error like the other hooks rules.
      'react-hooks/exhaustive-deps': 'error',
      // Only says whether React Compiler could keep a useMemo as written; nothing here is built with React Compiler.
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
  {
    files: ['test/**', 'stories/**'],
    rules: {
      // Tests read JSON bodies of any shape field by field, and shims stand in for untyped third-party APIs.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['bench/pages/**'],
    languageOptions: { globals: { __STRICT_MODE__: 'readonly' } }, // a Vite `define` (bench/browser/buildPages.mjs)
    rules: {
      // The bench pages count renders: their probes write to window and read refs during render on purpose.
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
    },
  },
]);
