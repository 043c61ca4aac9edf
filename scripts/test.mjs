#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint (ESLint), format (Prettier's check), library build, the static
// Storybook build, every Vitest project (node, jsdom on React 19 and 18, Chromium, end-to-end, stories, the
// reliability matrix, printed as a table), the packed-tarball checks and the size budgets. It ends with the plain
// line `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumMissing } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.vitest-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules/.bin', name);

// $CHROMIUM_PATH, Debian's chromium, else a Chromium Playwright installed (macOS, Windows): scripts/chromium.mjs.
if (chromiumMissing) {
  console.error(chromiumMissing);
  process.exit(1);
}

// Side trees with their own lockfiles (peer ranges that cannot share the root's): React 18 for the react18
// project, the anchors the size bench measures against, and the example apps and bundler fixture the e2e project
// builds (the Next.js fixtures borrow examples/next-app's install), and the server runtimes (wrangler, edge-runtime). Installed here so `npm ci && npm test` is enough.
for (const dir of [
  'test/react18',
  'bench/anchors',
  'examples/next-app',
  'examples/express',
  'test/fixtures/bundlers/react-router-loader',
  'test/fixtures/runtimes',
]) {
  if (existsSync(join(root, dir, 'node_modules'))) continue;
  console.log(`\n▶ installing ${dir} (its own lockfile)`);
  const { status } = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: join(root, dir), stdio: 'inherit' });
  if (status !== 0) process.exit(1);
}

const checks = [];
function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const passed = status === 0;
  console.log(`${passed ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  checks.push({ name, passed });
  return passed;
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
const built = step('build', bin('vite'), ['build', '--logLevel', 'warn']) && step('declarations', bin('tsc'), ['-p', 'tsconfig.build.json']);

const vitestJson = join(reports, 'vitest.json');
// Before Vitest: the reliability matrix scans the fresh storybook-static for server secrets.
step('storybook build', bin('storybook'), ['build', '-o', join(root, 'storybook-static'), '--quiet']);
// The matrix reporter prints the issue 10 fault matrix (the reliability projects' rows) as one table.
step('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=./test/reliability/matrixReporter.ts',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (built) step('size budgets', process.execPath, [join(root, 'bench/size.mjs'), '--check', '--json', join(reports, 'size.json')]);

let passed = checks.filter((c) => c.passed && c.name !== 'vitest').length;
let failed = checks.filter((c) => !c.passed && c.name !== 'vitest').length;
let skipped = 0;
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A run that collected no test, or crashed outside a test, must not read as green.
  if (report.numTotalTests === 0 || (!report.success && report.numFailedTests === 0)) failed += 1;
} else {
  failed += 1;
}

console.log('\nChecks:');
for (const c of checks) console.log(`  ${c.passed ? 'pass' : 'FAIL'}  ${c.name}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
