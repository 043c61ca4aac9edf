// The secret and the server code must never reach a browser bundle. These build real bundles with esbuild
// from the sources, resolving the public names the way a bundler resolves the published package.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
type ExportTarget = string | { [condition: string]: ExportTarget };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, ExportTarget> };
const serverMarkers = ['X-App-Token', 'sandbox-secret-key', 'createVoucherifyServer', 'voucherkit-server'];

/** The first key in `conditions` wins at each level, nested objects included (Node's and every bundler's rule). */
function resolveTarget(entry: ExportTarget, conditions: readonly string[]): string | undefined {
  if (typeof entry === 'string') return entry;
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'default' || conditions.includes(key)) {
      const target = resolveTarget(value, conditions);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

/**
 * Resolves `voucherkit` and its subpaths through package.json `exports` with the given conditions (first
 * matching key wins, as Node and bundlers do), then maps the built file `./dist/x.js` onto its source `src/x.ts`.
 */
function voucherkitFromExports(conditions: readonly string[]): Plugin {
  return {
    name: 'voucherkit-exports',
    setup(context) {
      context.onResolve({ filter: /^voucherkit(\/.*)?$/ }, (args) => {
        const entry = pkg.exports[args.path === 'voucherkit' ? '.' : `.${args.path.slice('voucherkit'.length)}`];
        if (entry === undefined) return { errors: [{ text: `${args.path} is not exported` }] };
        const target = resolveTarget(entry, conditions);
        if (!target) return { errors: [{ text: `no condition of ${conditions.join(', ')} matches ${args.path}` }] };
        return { path: join(root, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')) };
      });
    },
  };
}

async function bundle(contents: string, platform: 'browser' | 'node' | 'neutral', conditions = platform === 'node' ? ['node'] : ['browser']) {
  conditions = [...conditions, 'import', 'default'];
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform,
    format: 'esm',
    conditions,
    // The React peers are the app's, not ours; everything of ours (and zod, js-cookie) is bundled.
    external: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-query'],
    loader: { '.css': 'empty' },
    plugins: [voucherkitFromExports(conditions)],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('a browser bundle', () => {
  test('of voucherkit and voucherkit/core contains no server code and no secret', async () => {
    const text = await bundle("import * as ui from 'voucherkit'; import * as core from 'voucherkit/core'; console.log(ui, core);", 'browser');
    expect(text).toContain('X-Client-Token'); // the client really is in there
    for (const marker of serverMarkers) expect(text, marker).not.toContain(marker);
  });

  test('the same check finds the server code when it is there (the grep can fail)', async () => {
    const text = await bundle("import * as server from 'voucherkit/server'; console.log(server);", 'node');
    for (const marker of ['X-App-Token', 'createVoucherifyServer', 'voucherkit-server']) expect(text, marker).toContain(marker);
  });

  test('resolves voucherkit/server to the guard under the browser condition, and the build fails saying it is server-only', async () => {
    const serverExport = pkg.exports['./server'] as Record<string, ExportTarget>;
    expect(Object.keys(serverExport)[0]).toBe('types');
    expect(resolveTarget(serverExport, ['browser'])).toBe('./dist/server/browserGuard.js');
    // `browser` must come before `default`, or bundlers never see it.
    expect(Object.keys(serverExport).indexOf('browser')).toBeLessThan(Object.keys(serverExport).indexOf('default'));

    await expect(bundle("import 'voucherkit/server';", 'browser')).rejects.toThrow(/Could not resolve "\.\/voucherkit-server-is-server-only\./);
    // The same code on the server builds: only the browser condition reaches the guard.
    await expect(bundle("import { createVoucherifyServer } from 'voucherkit/server'; console.log(createVoucherifyServer);", 'node')).resolves.toContain(
      'X-App-Token',
    );
  });

  test('fails the build when browser code imports a server function by name, with the server-only message', async () => {
    await expect(bundle("import { createVoucherifyServer } from 'voucherkit/server'; console.log(createVoucherifyServer);", 'browser')).rejects.toThrow(
      /voucherkit-server-is-server-only\.import-it-in-server-code-never-in-client-code/,
    );
  });

  test.each(['browserGuard', 'browserGuardDevelopment'])('%s still throws where a runtime loads it without bundling', async (guard) => {
    const result = await build({
      entryPoints: [join(root, `src/server/${guard}.ts`)],
      bundle: true,
      write: false,
      format: 'esm',
      external: ['./voucherkit-server-is-server-only.*'],
      logLevel: 'silent',
    });
    // What a loader that skips the missing import would run: the module body without its import and export lines.
    const body = result.outputFiles[0]!.text.replace(/^import .*$/gm, '').replace(/^export \{[^}]*\};?/gm, '');
    expect(() => new Function(body)()).toThrow(/imported into a browser bundle/);
  });
});

// Issue 22: server runtimes whose bundlers also send `browser` (wrangler, edge bundlers) must get the server entry,
// from a condition listed before `browser`; browser code, web workers included, must still be refused. Each row is
// the condition list the tool sends (its docs; esbuild adds `import` and `default`), bundled on the platform it uses.
describe('voucherkit/server under each tool’s export conditions', () => {
  const serverCode =
    "import { createVoucherifyServer, readTrackingId } from 'voucherkit/server'; console.log(createVoucherifyServer, readTrackingId('voucherify_tracking_id=track_x'));";
  const servers: Array<[string, 'browser' | 'node' | 'neutral', string[]]> = [
    ['wrangler’s defaults (workerd, worker, browser)', 'browser', ['workerd', 'worker', 'browser']],
    ['wrangler with custom conditions on the neutral platform', 'neutral', ['workerd', 'worker', 'browser']],
    ['an edge bundle (edge-light, worker, browser) on the neutral platform', 'neutral', ['edge-light', 'worker', 'browser']],
    ['Next.js edge server components (react-server, edge-light, worker, browser)', 'browser', ['react-server', 'edge-light', 'worker', 'browser']],
    ['Deno (deno, node)', 'neutral', ['deno', 'node']],
    ['Bun (bun, node)', 'neutral', ['bun', 'node']],
    ['Node (node)', 'node', ['node']],
    ['Vite SSR (module, node, development)', 'node', ['module', 'node', 'development']],
  ];
  test.each(servers)('builds for %s', async (_name, platform, conditions) => {
    const text = await bundle(serverCode, platform, conditions);
    expect(text).toContain('X-App-Token');
    expect(text).not.toContain('imported into a browser bundle');
  });

  const clients: Array<[string, string[]]> = [
    ['a browser (browser)', ['browser']],
    ['a browser web worker (worker, browser)', ['worker', 'browser']],
    ['a Vite production client build (module, browser, production)', ['module', 'browser', 'production']],
    ['webpack or Rspack for the web (webpack, production, browser, module)', ['webpack', 'production', 'browser', 'module']],
  ];
  test.each(clients)('fails the build for %s, naming the module server-only', async (_name, conditions) => {
    await expect(bundle(serverCode, 'browser', conditions)).rejects.toThrow(/voucherkit-server-is-server-only\.import-it-in-server-code-never-in-client-code/);
  });

  test('a dev server’s browser pre-bundle (module, browser, development) builds the guard that throws, without the server code', async () => {
    const text = await bundle("import * as server from 'voucherkit/server'; console.log(server);", 'browser', ['module', 'browser', 'development']);
    expect(text).toContain('imported into a browser bundle');
    for (const marker of serverMarkers) expect(text, marker).not.toContain(marker);
  });
});
