#!/usr/bin/env node
// B2 alone (`node bench/b2.mjs`, after `npm run build`): builds the pages B2 loads, runs the requests section (the
// promotion rows included) and prints its markdown, without touching results.md. Request counts are exact on any
// machine; `npm run bench` runs every section.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPages } from './browser/buildPages.mjs';
import { startCountingSandbox } from './browser/countingSandbox.mjs';
import { launchBrowser } from './browser/launchBrowser.mjs';
import { anchorsModules, outDir, root } from './browser/paths.mjs';
import { startStaticServer } from './browser/staticServer.mjs';
import { runB2 } from './sections/b2Requests.mjs';

if (!existsSync(join(root, 'dist/index.js')) || !existsSync(join(anchorsModules, '@voucherify/react-widget'))) {
  console.error('dist/ or the anchors are missing: run `npm run build` (and `npm run bench` once, which installs bench/anchors)');
  process.exit(2);
}
await buildPages(['ours', 'oursStrict', 'widget', 'widgetStrict', 'promotions', 'promotionsStrict']);
const pages = await startStaticServer(join(outDir, 'pages'));
const sandbox = await startCountingSandbox({ allowedOrigin: pages.origin });
const browser = await launchBrowser();
try {
  const { markdown, runs } = await runB2({ browser, origin: pages.origin, sandbox, overrides: pages.overrides });
  // Every request of every step (method, path, arrival time), to see what a count is made of.
  writeFileSync(join(outDir, 'b2.json'), JSON.stringify(runs, null, 1));
  console.log(markdown);
} finally {
  await browser.close();
  await sandbox.close();
  await pages.close();
}
