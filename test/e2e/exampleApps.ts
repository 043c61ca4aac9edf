// The example apps and bundler fixtures install voucherkit from this repository as a packed copy (.npmrc
// install-links), the way a user installs the tarball. These helpers install them once and keep that copy current.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const nextAppDir = join(repoRoot, 'examples/next-app');
export const expressDir = join(repoRoot, 'examples/express');
export const bundlerFixturesDir = join(repoRoot, 'test/fixtures/bundlers');
/** wrangler (workerd) and edge-runtime, for the server-runtime e2e (issue 22). */
export const runtimesDir = join(repoRoot, 'test/fixtures/runtimes');

/** `npm ci` in an app with its own lockfile when it has no node_modules yet (CI's clean clone; scripts/test.mjs does it first). */
export function ensureInstalled(dir: string): void {
  if (existsSync(join(dir, 'node_modules'))) return;
  const { status, stderr } = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, encoding: 'utf8' });
  if (status !== 0) throw new Error(`npm ci failed in ${relative(repoRoot, dir)}:\n${stderr}`);
}

/**
 * Replaces the app's installed voucherkit with the repository's current build (what `npm ci` would copy), so a
 * test never runs against a stale install. Needs `npm run build` first, as `npm test` does.
 */
export function refreshVoucherkit(dir: string): void {
  if (!existsSync(join(repoRoot, 'dist/server/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  // A `vite build` run with NODE_ENV=test (from inside Vitest) emits development JSX, which a production app cannot run.
  if (readFileSync(join(repoRoot, 'dist/react/VoucherField.js'), 'utf8').includes('jsxDEV')) {
    throw new Error('dist/ holds development JSX (built with NODE_ENV other than production): run `npm run build` again');
  }
  const target = join(dir, 'node_modules/voucherkit');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', 'README.md', 'dist']) cpSync(join(repoRoot, entry), join(target, entry), { recursive: true });
}

/** Points a fixture's node_modules at examples/next-app's install: one Next.js install for every Next fixture. */
export function borrowNextInstall(fixture: string): void {
  const link = join(fixture, 'node_modules');
  if (!existsSync(link)) symlinkSync(relative(fixture, join(nextAppDir, 'node_modules')), link, 'dir');
}

export interface CommandResult {
  status: number | null;
  output: string;
  seconds: number;
}

/** Runs a command without blocking the event loop; stdout and stderr interleaved, as a terminal shows them. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    // Vitest sets NODE_ENV=test; a Next.js build under it compiles development JSX and the server then fails.
    const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...options.env };
    const child = spawn(command, args, { cwd: options.cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, output, seconds: (Date.now() - started) / 1000 }));
  });
}

/** The Next.js CLI of examples/next-app's install. */
export const nextBin = join(nextAppDir, 'node_modules/next/dist/bin/next');

/** Fails early, and says why, when the e2e global setup could not install the current build into `dir`. */
export function assertVoucherkitInstalled(dir: string): void {
  if (!existsSync(join(dir, 'node_modules/voucherkit/dist/server/index.js'))) {
    throw new Error(`${relative(repoRoot, dir)} has no voucherkit build: run \`npm run build\`, then the e2e project again`);
  }
}
