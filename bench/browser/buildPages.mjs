// The bench's pages, built once per run with Vite's `build` API (bench-only configs, nothing shared with the
// library's vite.config.ts). Output goes to bench/.out (gitignored). voucherkit is resolved to the built dist/, as a
// user's bundler would see the package; the widget and its React 17 come from bench/anchors' own tree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { anchorsModules, outDir, pagesDir, root } from './paths.mjs';

const rootModules = join(root, 'node_modules');

/** dist/react files start with 'use client' (for RSC frameworks); a client-only page bundle drops it on purpose. */
function onLog(level, log, handler) {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
  handler(level, log);
}

/**
 * voucherkit's public entries, from dist/ through the package's `exports`: the browser condition first, then (nested,
 * as `./server`'s browser guard is) `development` in development builds, else `default`.
 */
function voucherkitAliases(development = false) {
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const pick = (entry) => (typeof entry === 'string' ? entry : pick(entry.browser ?? (development ? entry.development : undefined) ?? entry.default));
  const target = (entry) => join(root, pick(entry));
  return Object.entries(exports)
    .filter(([key]) => key !== './package.json')
    .map(([key, entry]) => ({ find: new RegExp(`^voucherkit${key.slice(1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`), replacement: target(entry) }));
}

/** React 17 for everything on the widget's page, the shared checkout parts' JSX runtime included. */
function react17Aliases(profiling) {
  return [
    { find: /^@voucherify\/react-widget\/dist\/voucherify\.css$/, replacement: join(anchorsModules, '@voucherify/react-widget/dist/voucherify.css') },
    { find: /^@voucherify\/react-widget$/, replacement: join(anchorsModules, '@voucherify/react-widget/dist/voucherifywidget.esm.js') },
    { find: /^react\/jsx-runtime$/, replacement: join(anchorsModules, 'react/jsx-runtime.js') },
    { find: /^react\/jsx-dev-runtime$/, replacement: join(anchorsModules, 'react/jsx-dev-runtime.js') },
    { find: /^react$/, replacement: join(anchorsModules, 'react/index.js') },
    // React 17 has no react-dom/client: its profiling build replaces react-dom itself, with scheduler's tracing.
    { find: /^react-dom$/, replacement: join(anchorsModules, profiling ? 'react-dom/profiling.js' : 'react-dom/index.js') },
    ...(profiling ? [{ find: /^scheduler\/tracing$/, replacement: join(anchorsModules, 'scheduler/tracing-profiling.js') }] : []),
  ];
}

/**
 * One page build.
 * @param {{ name: string, lib: 'ours' | 'widget', dir?: string, mode: 'production' | 'development', profiling?: boolean, inputs: string[] }} spec
 *   `lib` picks the aliases (voucherkit on React 19, or the widget on React 17); `dir` the folder under pages/ (`lib`'s by default)
 */
async function buildPage({ name, lib, dir = lib, mode, profiling = false, inputs }) {
  const development = mode === 'development';
  const alias =
    lib === 'ours'
      ? [
          ...voucherkitAliases(development),
          // React 19's profiling build of the client renderer: <Profiler onRender> runs in an optimised bundle.
          ...(profiling ? [{ find: /^react-dom\/client$/, replacement: join(rootModules, 'react-dom/profiling.js') }] : []),
        ]
      : // The widget's page computes its total with voucherkit's `calculateDiscount` (voucherkit/core, no React).
        [...react17Aliases(profiling), ...voucherkitAliases(development)];
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(pagesDir, dir),
    base: `/${name}/`,
    mode,
    resolve: { alias },
    define: {
      __STRICT_MODE__: String(development),
      // Explicit, so the mode alone decides which React build (and which checks) the page runs.
      'process.env.NODE_ENV': JSON.stringify(mode),
    },
    build: {
      outDir: join(outDir, 'pages', name),
      emptyOutDir: true,
      minify: !development,
      reportCompressedSize: false,
      rolldownOptions: { onLog, input: Object.fromEntries(inputs.map((file) => [file.replace(/\.html$/, ''), join(pagesDir, dir, file)])) },
    },
  });
}

/** The server-rendering half of B6, for Node: react and voucherkit's dependencies stay external. */
async function buildServerRenderer() {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(pagesDir, 'ours'),
    resolve: { alias: voucherkitAliases() },
    define: { 'process.env.NODE_ENV': '"production"', __STRICT_MODE__: 'false' },
    build: { ssr: join(pagesDir, 'ours/ssr.jsx'), outDir: join(outDir, 'ssr'), emptyOutDir: true, reportCompressedSize: false, rolldownOptions: { onLog } },
  });
  return join(outDir, 'ssr/ssr.js');
}

/** Every page the sections load, by name; each is served under `/<name>/`. */
export const PAGES = {
  ours: { name: 'ours-prod', lib: 'ours', mode: 'production', inputs: ['index.html', 'hydrate.html'] },
  oursProfiling: { name: 'ours-profiling', lib: 'ours', mode: 'production', profiling: true, inputs: ['index.html'] },
  oursStrict: { name: 'ours-dev-strict', lib: 'ours', mode: 'development', inputs: ['index.html'] },
  widget: { name: 'widget-prod', lib: 'widget', mode: 'production', inputs: ['index.html'] },
  widgetProfiling: { name: 'widget-profiling', lib: 'widget', mode: 'production', profiling: true, inputs: ['index.html'] },
  widgetStrict: { name: 'widget-dev-strict', lib: 'widget', mode: 'development', inputs: ['index.html'] },
  // docs/promotions.md's pattern (usePromotions + PromotionList): B2's promotion rows.
  promotions: { name: 'promotions-prod', lib: 'ours', dir: 'promotions', mode: 'production', inputs: ['index.html'] },
  promotionsStrict: { name: 'promotions-dev-strict', lib: 'ours', dir: 'promotions', mode: 'development', inputs: ['index.html'] },
};

/**
 * Builds every page (or only the `PAGES` keys given, without the server renderer: a one-section run) and the server
 * renderer; returns the renderer's path. Sequential: two cores, shared.
 */
export async function buildPages(only) {
  for (const [key, spec] of Object.entries(PAGES)) if (!only || only.includes(key)) await buildPage(spec);
  return only ? undefined : buildServerRenderer();
}
