#!/usr/bin/env node
// The demo checkout's voucher field in every state, at a phone's 390 px and a desktop's 1280 px (its order summary
// is a ~330 px sidebar there), into screenshots/demo-field/ (gitignored) for design review. `--docs` also rewrites
// the README's docs/images/demo-checkout.png (1280 px, PERCENT15 applied) and docs/images/field-rejected.png (the
// order summary on a phone, EXPIRED refused). Everything runs on 127.0.0.1 in Debian's Chromium, one device pixel
// per CSS pixel, animations off and the caret hidden, so two runs give the same pictures.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadDemo, root } from '../examples/checkout/server/loadDemo.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const out = join(root, 'screenshots/demo-field');
mkdirSync(out, { recursive: true });

const loader = await loadDemo();
const demo = await loader.startDemo({ port: 0, sandboxPort: 0, env: {}, logLevel: 'warn', watch: false });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const errors = [];
const written = [];

const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 860 } };

async function newPage(viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:)/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await page.goto(demo.url);
  await page.getByRole('button', { name: 'Have a promo code?' }).waitFor();
  return page;
}

const summary = (page) => page.getByRole('region', { name: 'Order summary' });
const input = (page) => page.getByRole('textbox', { name: 'Promo code' });

async function shot(page, name, { full = false } = {}) {
  const path = join(out, `${name}.png`);
  const options = { path, animations: 'disabled', caret: 'hide' };
  await (full ? page.screenshot({ ...options, fullPage: true }) : summary(page).screenshot(options));
  written.push(path);
  return path;
}

async function enter(page, code) {
  await input(page).fill(code);
  await input(page).press('Enter');
}

try {
  for (const [label, viewport] of Object.entries(viewports)) {
    const page = await newPage(viewport);
    await shot(page, `${label}-collapsed`);
    await page.getByRole('button', { name: 'Have a promo code?' }).click();
    await input(page).fill('SAVE10');
    await shot(page, `${label}-open`);
    await shot(page, `${label}-open-page`, { full: true });
    await input(page).fill('EXPIRED');
    await input(page).press('Enter');
    await page.getByText('EXPIRED has expired', { exact: true }).waitFor();
    const rejected = await shot(page, `${label}-rejected`);
    if (label === 'phone' && process.argv.includes('--docs')) copyFileSync(rejected, join(root, 'docs/images/field-rejected.png'));
    await enter(page, 'PERCENT15');
    await page.getByRole('button', { name: 'Remove code PERCENT15' }).waitFor();
    await shot(page, `${label}-applied`);
    const full = await shot(page, `${label}-applied-page`, { full: true });
    if (label === 'desktop' && process.argv.includes('--docs')) copyFileSync(full, join(root, 'docs/images/demo-checkout.png'));
    await page.context().close();
  }
} finally {
  await browser.close();
  await demo.close();
  await loader.close();
}

for (const path of written) console.log(`wrote ${path}`);
if (errors.length > 0) {
  console.error(`\nPage errors:\n${errors.join('\n')}`);
  process.exit(1);
}
