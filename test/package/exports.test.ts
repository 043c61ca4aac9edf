// What ships is what we test: the packed tarball, installed the way a user's project would have it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
type ExportTarget = string | { [condition: string]: ExportTarget };
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, ExportTarget>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
let work = '';
let installed = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: the test command builds before this test');
  work = mkdtempSync(join(tmpdir(), 'voucherkit-pack-'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root)) as Array<{ filename: string }>;
  installed = join(work, 'node_modules/voucherkit');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', join(work, packed!.filename), '-C', installed, '--strip-components=1'], work);
  // The consumer's own dependencies, linked from ours (no network needed).
  for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]) {
    const target = join(work, 'node_modules', name);
    mkdirSync(join(target, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), target, 'dir');
  }
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  test('ships dist, the README and package.json, and no sources, tests or worker scripts', () => {
    const files = filesUnder(installed).map((file) => file.slice(installed.length + 1));
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f))).toEqual([]);
    expect(files.some((f) => f.includes('mockServiceWorker'))).toBe(false);
    expect(files.some((f) => /\.test\.|\.stories\./.test(f))).toBe(false);
  });

  test('every export condition points at a file in the tarball', () => {
    const targetsOf = (entry: ExportTarget): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry).flatMap(targetsOf));
    const targets = Object.values(pkg.exports).flatMap(targetsOf);
    expect(targets.length).toBeGreaterThan(8);
    for (const target of targets) expect(existsSync(join(installed, target)), target).toBe(true);
    for (const [subpath, entry] of Object.entries(pkg.exports)) {
      if (typeof entry === 'object') expect(Object.keys(entry)[0], `types first in ${subpath}`).toBe('types');
    }
  });

  test.each(['voucherkit', 'voucherkit/core', 'voucherkit/server', 'voucherkit/sandbox', 'voucherkit/sandbox/msw'])(
    '%s imports in Node with no DOM',
    (name) => {
      const out = run(process.execPath, ['--input-type=module', '-e', `const m = await import('${name}'); console.log(Object.keys(m).length)`], work);
      expect(Number(out.trim())).toBeGreaterThan(0);
    },
  );

  test('every built react/ file keeps its "use client" directive, and no other entry has one', () => {
    const reactFiles = filesUnder(join(installed, 'dist/react')).filter((f) => f.endsWith('.js'));
    expect(reactFiles.length).toBeGreaterThan(3);
    for (const file of reactFiles) expect(readFileSync(file, 'utf8').trimStart(), file).toMatch(/^["']use client["'];/);
    for (const entry of ['dist/index.js', 'dist/core/index.js', 'dist/server/index.js']) {
      expect(readFileSync(join(installed, entry), 'utf8')).not.toMatch(/^["']use client["']/);
    }
  });

  test('a browser bundle of voucherkit/server fails to build, naming the module server-only', async () => {
    const bundle = build({
      stdin: { contents: "import * as server from 'voucherkit/server'; console.log(server);", resolveDir: work },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    await expect(bundle).rejects.toThrow(/Could not resolve "\.\/voucherkit-server-is-server-only\.import-it-in-server-code-never-in-client-code\.js"/);
    // The guard still carries its runtime error, for a loader that ignores the missing import.
    expect(readFileSync(join(installed, 'dist/server/browserGuard.js'), 'utf8')).toContain('throw new Error(serverOnlyMessage)');
    expect(readFileSync(join(installed, 'dist/server/serverOnlyMessage.js'), 'utf8')).toContain('was imported into a browser bundle');
  });

  // Issue 22: esbuild's own resolution of the installed tarball, with the conditions and platform each tool uses.
  const bundleServer = (platform: 'browser' | 'neutral', conditions: string[]) =>
    build({
      stdin: {
        contents: "import { createVoucherifyServer, readTrackingId } from 'voucherkit/server'; console.log(createVoucherifyServer, readTrackingId(''));",
        resolveDir: work,
      },
      bundle: true,
      write: false,
      platform,
      format: 'esm',
      conditions,
      logLevel: 'silent',
    });
  test.each([
    ['wrangler’s defaults', 'browser', ['workerd', 'worker', 'browser']],
    ['wrangler on the neutral platform', 'neutral', ['workerd', 'worker', 'browser']],
    ['an edge bundle on the neutral platform (no mainFields)', 'neutral', ['edge-light', 'worker', 'browser']],
    ['Deno on the neutral platform', 'neutral', ['deno', 'node']],
    ['Bun on the neutral platform', 'neutral', ['bun', 'node']],
  ] as const)('voucherkit/server bundles for %s, cookie included', async (_name, platform, conditions) => {
    const { outputFiles } = await bundleServer(platform, [...conditions]);
    expect(outputFiles[0]!.text).toContain('X-App-Token');
  });

  test('a web worker bundle (worker, browser) of voucherkit/server still fails, naming the module server-only', async () => {
    await expect(bundleServer('browser', ['worker', 'browser'])).rejects.toThrow(/voucherkit-server-is-server-only/);
  });

  test('only voucherkit/sandbox/msw imports msw, so the rest of the sandbox works without it (an optional peer)', () => {
    const sandboxFiles = filesUnder(join(installed, 'dist/sandbox')).filter((f) => f.endsWith('.js'));
    const importsMsw = sandboxFiles.filter((f) => /from\s*["']msw["']|import\(["']msw["']\)/.test(readFileSync(f, 'utf8')));
    expect(importsMsw.map((f) => f.slice(installed.length + 1))).toEqual(['dist/sandbox/sandboxHandlers.js']);
    const importsHandlers = sandboxFiles.filter((f) => /from\s*["']\.\/sandboxHandlers\.js["']/.test(readFileSync(f, 'utf8')));
    expect(importsHandlers).toEqual([]);
  });

  test('the CLI keeps its shebang', () => {
    expect(readFileSync(join(installed, 'dist/sandbox/cli.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  test('publint --strict finds nothing', () => {
    const out = run(join(root, 'node_modules/.bin/publint'), ['--strict', installed], root);
    expect(out).not.toMatch(/error|warning|suggestion/i);
  });

  test('are-the-types-wrong finds no problem for ESM consumers', () => {
    // ESM only by design, so the CommonJS resolutions are out of the profile; the stylesheet has no types to check.
    // attw exits non-zero on any problem in the profile, which fails `run`.
    const out = run(
      join(root, 'node_modules/.bin/attw'),
      ['--pack', root, '--profile', 'esm-only', '--exclude-entrypoints', 'styles.css', 'promotions.css'],
      root,
    );
    expect(out).toContain('voucherkit/core');
  }, 60_000);
});
