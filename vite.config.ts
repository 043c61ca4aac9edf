import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import type { BrowserContextOptions } from 'playwright-core';
import { defineConfig, type Plugin } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { bundleStylesheet } from './scripts/stylesheet.mjs';
import { promotionCommands } from './test/browser/commands/promotionSandbox.js';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** Tests, stories and the demo import the package by its public names, never by deep paths. */
export const publicAliases = [
  { find: /^voucherkit$/, replacement: src('index.ts') },
  { find: /^voucherkit\/core$/, replacement: src('core/index.ts') },
  { find: /^voucherkit\/schemas$/, replacement: src('schemas/index.ts') },
  { find: /^voucherkit\/server$/, replacement: src('server/index.ts') },
  { find: /^voucherkit\/sandbox$/, replacement: src('sandbox/index.ts') },
  { find: /^voucherkit\/sandbox\/msw$/, replacement: src('sandbox/sandboxHandlers.ts') },
  { find: /^voucherkit\/messages\/([a-z]{2})$/, replacement: src('messages/$1.ts') },
  { find: /^voucherkit\/styles\.css$/, replacement: src('react/styles.css') },
  { find: /^voucherkit\/promotions\.css$/, replacement: src('react/promotions.css') },
];

/** Debian's chromium, never a downloaded one. A factory: two projects must not share one object (TOOLCHAIN P8). */
export const chromiumBrowser = (contextOptions?: BrowserContextOptions) => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    ...(contextOptions ? { contextOptions } : {}),
  }),
  instances: [{ browser: 'chromium' as const }],
});

/** Screenshot tests turn forced colours (Windows high contrast) on and off for the page under test. */
const emulateForcedColors: BrowserCommand<[active: boolean]> = async ({ page }, active) => {
  await page.emulateMedia({ forcedColors: active ? 'active' : 'none' });
};

/** The stylesheets are published as `voucherkit/styles.css` and `voucherkit/promotions.css`, each one file with its parts inlined: no JS module imports them. */
const copyStylesheet = (): Plugin => ({
  name: 'voucherkit:stylesheet',
  apply: 'build',
  generateBundle() {
    for (const fileName of ['styles.css', 'promotions.css']) {
      this.emitFile({ type: 'asset', fileName, source: bundleStylesheet(src(`react/${fileName}`)) });
    }
  },
});

/**
 * js-cookie's ESM build makes its API with a top-level `init()` call that touches nothing but is not marked pure, so any
 * bundle whose module graph reaches js-cookie keeps it: with `sideEffects` ignored, even one that imports only
 * `calculateDiscount` from voucherkit/core (issue 13). The build takes js-cookie's own file as is, adds the mark to
 * that one call and emits it as dist/vendor/js-cookie.js: unused, it now drops out of every bundle.
 */
const pureJsCookie = (): Plugin => ({
  name: 'voucherkit:pure-js-cookie',
  apply: 'build',
  transform(code, id) {
    if (!/[\\/]js-cookie[\\/]dist[\\/]js\.cookie\.mjs$/.test(id)) return null;
    const marked = code.replace('var api = init(defaultConverter', 'var api = /* @__PURE__ */ init(defaultConverter');
    if (marked === code) this.error('js-cookie changed: its top-level `var api = init(defaultConverter` was not found to mark pure');
    return { code: marked, map: null };
  },
});

export default defineConfig({
  // Storybook merges this file; the plugin also silences react-query's "use client" warnings (TOOLCHAIN P15).
  plugins: [react(), copyStylesheet(), pureJsCookie()],
  resolve: { alias: publicAliases },
  // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the browser page and fail tests at random.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      'js-cookie',
      'zod/mini',
      'msw',
      'msw/browser',
      'axe-core',
      '@testing-library/react',
      '@testing-library/user-event',
    ],
  },
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: {
        index: src('index.ts'),
        'core/index': src('core/index.ts'),
        'schemas/index': src('schemas/index.ts'),
        'server/index': src('server/index.ts'),
        'server/browserGuard': src('server/browserGuard.ts'),
        'server/browserGuardDevelopment': src('server/browserGuardDevelopment.ts'),
        'sandbox/index': src('sandbox/index.ts'),
        'sandbox/sandboxHandlers': src('sandbox/sandboxHandlers.ts'),
        'sandbox/cli': src('sandbox/cli.ts'),
        // One entry per message pack: importing one costs only that one.
        'messages/en': src('messages/en.ts'),
        'messages/de': src('messages/de.ts'),
        'messages/fr': src('messages/fr.ts'),
        'messages/es': src('messages/es.ts'),
        'messages/it': src('messages/it.ts'),
        'messages/nl': src('messages/nl.ts'),
        'messages/pl': src('messages/pl.ts'),
        'messages/pt': src('messages/pt.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // The browser guard's deliberately missing import stays as written (src/server/browserGuard.ts).
      external: [/voucherkit-server-is-server-only/, /^node:/, /^msw($|\/)/, /^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^cookie($|\/)/, /^zod($|\/)/],
      // Modules preserved: every react/ file keeps its 'use client' (rollup#4699, rolldown#7809).
      // js-cookie is built in (see pureJsCookie): under its own name, never under a node_modules folder npm would not pack.
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: (chunk) => (/[\\/]js-cookie[\\/]/.test(chunk.facadeModuleId ?? '') ? 'vendor/js-cookie.js' : '[name].js'),
      },
    },
  },
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{core,server,sandbox,conformance,package,docs,scripts}/**/*.test.{ts,tsx}', 'test/**/*.server.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          env: { VOUCHERKIT_EXPECT_REACT: '19' },
          include: ['test/react/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.server.test.{ts,tsx}'],
        },
      },
      // The jsdom suite again, on React 18: react and react-dom come from test/react18's own tree, and the
      // libraries that import React are inlined so they get the same copy.
      ...(existsSync(fileURLToPath(new URL('./test/react18/node_modules/react-dom', import.meta.url)))
        ? [
            {
              extends: true as const,
              resolve: {
                alias: [
                  { find: /^react(-dom)?(\/.*)?$/, replacement: fileURLToPath(new URL('./test/react18/node_modules/react$1$2', import.meta.url)) },
                  {
                    find: /^@testing-library\/react$/,
                    replacement: fileURLToPath(new URL('./test/react18/node_modules/@testing-library/react', import.meta.url)),
                  },
                ],
              },
              test: {
                name: 'react18',
                environment: 'jsdom',
                env: { VOUCHERKIT_EXPECT_REACT: '18' },
                include: ['test/react/**/*.test.{ts,tsx}'],
                exclude: ['test/**/*.server.test.{ts,tsx}'],
                server: { deps: { inline: ['@tanstack/react-query'] } },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.{ts,tsx}'],
          browser: { ...chromiumBrowser(), commands: promotionCommands },
          testTimeout: 30_000,
        },
      },
      // The field's looks (issue 24): screenshots compared with the committed ones in test/visual/__screenshots__.
      // One device pixel per CSS pixel, no motion, a viewport wide enough for a 1280 px column.
      {
        extends: true,
        test: {
          name: 'visual',
          include: ['test/visual/**/*.visual.test.{ts,tsx}'],
          browser: {
            ...chromiumBrowser({ deviceScaleFactor: 1, reducedMotion: 'reduce', colorScheme: 'light' }),
            viewport: { width: 1360, height: 1000 },
            commands: { emulateForcedColors },
            expect: { toMatchScreenshot: { comparatorName: 'pixelmatch' as const, comparatorOptions: { allowedMismatchedPixels: 0 } } },
          },
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // Installs examples/* and the bundler fixtures (own lockfiles) and copies the current build into them.
          globalSetup: ['test/e2e/exampleApps.globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // The issue 10 fault matrix: each test is a row; test/reliability/matrixReporter.ts prints the table.
      {
        extends: true,
        test: { name: 'reliability', environment: 'node', include: ['test/reliability/**/*.row.test.{ts,tsx}'], testTimeout: 60_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'reliability-browser',
          include: ['test/reliability/**/*.row.browser.test.{ts,tsx}'],
          globalSetup: ['test/reliability/lockedSandbox.globalSetup.ts'],
          browser: chromiumBrowser(),
          testTimeout: 30_000,
        },
      },
      // Stories run as tests in Chromium, with addon-a11y failing on violations.
      ...(existsSync(fileURLToPath(new URL('./.storybook/main.ts', import.meta.url)))
        ? [
            {
              extends: true as const,
              plugins: [storybookTest({ configDir: '.storybook' })],
              test: { name: 'storybook', browser: chromiumBrowser(), testTimeout: 60_000 },
            },
          ]
        : []),
    ],
  },
});
