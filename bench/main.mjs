#!/usr/bin/env node
// `npm run bench`: what a shopper and a merchant feel, beside @voucherify/react-widget in the same run.
// B1 size (bench/size.mjs), then the pages are built once and Chromium runs B2 requests, B3 renders, B4 latency,
// B5 layout shift and B6 hydration against a counting loopback sandbox. Writes bench/results.md and prints it.
// Needs dist/ (`npm run build`; the npm script does it first). Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildPages } from './browser/buildPages.mjs';
import { startCountingSandbox } from './browser/countingSandbox.mjs';
import { launchBrowser } from './browser/launchBrowser.mjs';
import { anchorsDir, anchorsModules, benchDir, outDir, root } from './browser/paths.mjs';
import { startStaticServer } from './browser/staticServer.mjs';
import { runB1 } from './sections/b1Size.mjs';
import { runB2 } from './sections/b2Requests.mjs';
import { runB3 } from './sections/b3Renders.mjs';
import { runB4 } from './sections/b4Latency.mjs';
import { runB5 } from './sections/b5LayoutShift.mjs';
import { runB6 } from './sections/b6Hydration.mjs';
import { runNodeClientSpeed } from './sections/nodeClientSpeed.mjs';

const started = performance.now();
const seconds = (since) => (performance.now() - since) / 1000;
const timings = [];
/** Runs one step and notes its wall time, so results.md shows where the minutes go. */
async function step(name, fn) {
  const start = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  const result = await fn();
  timings.push([name, seconds(start)]);
  return result;
}

// `--build` (what `npm run bench` passes): build dist/ here, so its time counts in the runtime budget.
if (process.argv.includes('--build')) {
  await step('npm run build (dist/)', () => execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] }));
}
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (or `npm run bench`, which builds)');
  process.exit(2);
}
// The anchors' own tree (React 17 and the widget): installed from its lockfile, never into the root tree.
if (!existsSync(join(anchorsModules, 'react-dom/package.json')) || !existsSync(join(anchorsModules, '@voucherify/react-widget'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: anchorsDir, stdio: 'inherit' });
}
mkdirSync(outDir, { recursive: true });

const b1 = await step('B1 size', () => runB1());
const ssrModule = await step('page builds (Vite)', () => buildPages());
const pages = await startStaticServer(join(outDir, 'pages'));
const sandbox = await startCountingSandbox({ allowedOrigin: pages.origin });
const browser = await launchBrowser();
const chromium = browser.version();
const session = { browser, origin: pages.origin, sandbox, overrides: pages.overrides, ssrModule };
const sections = [b1];
try {
  sections.push(await step('B2 requests', () => runB2(session)));
  sections.push(await step('B3 renders', () => runB3(session)));
  sections.push(await step('B4 latency', () => runB4(session)));
  sections.push(await step('B5 layout shift', () => runB5(session)));
  sections.push(await step('B6 hydration', () => runB6(session)));
} finally {
  await browser.close();
  await sandbox.close();
  await pages.close();
}
const nodeSpeed = await step('Node client speed (bench/run.mjs)', () => runNodeClientSpeed());
const total = seconds(started);

const header = [
  '# voucherkit bench: what a shopper feels, beside @voucherify/react-widget',
  '',
  `Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB),`,
  `Node ${process.version}, Chromium ${chromium}, React 19 (voucherkit) and React 17 (widget 2.0.2).`,
  'Absolute times are context only (the machine is shared and noisy); compare the ratios, measured in the same run.',
  `\`npm run bench\` took ${total.toFixed(0)} s here${process.argv.includes('--build') ? ', the build of dist/ included' : ' (dist/ built before)'}; the budget is 6 minutes.`,
].join('\n');
const footer = [
  '## Runtime',
  '',
  ['| step | seconds |', '| --- | ---: |', ...timings.map(([name, s]) => `| ${name} | ${s.toFixed(1)} |`), `| **total** | **${total.toFixed(1)}** |`].join(
    '\n',
  ),
].join('\n');
const markdown = [header, ...sections.map((s) => s.markdown), nodeSpeed.markdown, footer].join('\n\n') + '\n';
writeFileSync(join(benchDir, 'results.md'), markdown);
// Raw samples beside the build output, for anyone who wants to re-cut the figures.
writeFileSync(
  join(outDir, 'raw.json'),
  JSON.stringify(
    sections.map((s) => s.raw ?? s.runs),
    null,
    1,
  ),
);
console.log(markdown);
