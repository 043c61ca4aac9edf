// The secret and the server code must never reach a browser bundle. These build real bundles with esbuild
// from the sources, resolving the public names the way a bundler resolves the published package.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
};
const serverMarkers = ['X-App-Token', 'sandbox-secret-key', 'createVoucherifyServer', 'voucherkit-server'];

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
        const target = typeof entry === 'string' ? entry : Object.entries(entry).find(([key]) => conditions.includes(key))?.[1];
        if (!target) return { errors: [{ text: `no condition of ${conditions.join(', ')} matches ${args.path}` }] };
        return { path: join(root, target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')) };
      });
    },
  };
}

async function bundle(contents: string, platform: 'browser' | 'node') {
  const conditions = platform === 'browser' ? ['browser', 'import', 'default'] : ['node', 'import', 'default'];
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
    const serverExport = pkg.exports['./server'] as Record<string, string>;
    expect(Object.keys(serverExport)[0]).toBe('types');
    expect(serverExport.browser).toBe('./dist/server/browserGuard.js');
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

  test('the guard still throws where a runtime loads it without bundling', () => {
    const guard = readFileSync(join(root, 'src/server/browserGuard.ts'), 'utf8');
    const body = guard.replace(/^import .*$/m, '').replace(/^export const/m, 'const');
    expect(() => new Function(body)()).toThrow(/imported into a browser bundle/);
  });
});
