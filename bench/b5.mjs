#!/usr/bin/env node
// B5 alone (`node bench/b5.mjs`, after `npm run build`): builds the pages, runs the layout-shift section and prints
// its markdown, without touching results.md. For work on the field's layout; `npm run bench` runs every section.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildPages } from './browser/buildPages.mjs';
import { startCountingSandbox } from './browser/countingSandbox.mjs';
import { launchBrowser } from './browser/launchBrowser.mjs';
import { anchorsModules, outDir, root } from './browser/paths.mjs';
import { startStaticServer } from './browser/staticServer.mjs';
import { runB5 } from './sections/b5LayoutShift.mjs';

if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(anchorsModules, '@voucherify/react-widget'))) {
  console.error('dist/ or the anchors are missing: run `npm run build` (and `npm run bench` once, which installs bench/anchors)');
  process.exit(2);
}
const ssrModule = await buildPages();
const pages = await startStaticServer(join(outDir, 'pages'));
const sandbox = await startCountingSandbox({ allowedOrigin: pages.origin });
const browser = await launchBrowser();
try {
  const { markdown } = await runB5({ browser, origin: pages.origin, sandbox, overrides: pages.overrides, ssrModule });
  console.log(markdown);
} finally {
  await browser.close();
  await sandbox.close();
  await pages.close();
}
