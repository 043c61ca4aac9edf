#!/usr/bin/env node
// Screenshots for design review, into screenshots/ (gitignored): the demo checkout (desktop and phone, with a
// code applied, the focus ring, the order confirmation) and stories from the static Storybook build (built
// first when storybook-static/ is missing or with --build). Everything runs on 127.0.0.1 in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { loadDemo, root } from '../examples/checkout/server/loadDemo.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const out = join(root, 'screenshots');
const staticDir = join(root, 'storybook-static');
mkdirSync(out, { recursive: true });

if (process.argv.includes('--build') || !existsSync(join(staticDir, 'index.html'))) {
  const built = spawnSync(join(root, 'node_modules/.bin/storybook'), ['build', '-o', staticDir, '--quiet'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
/** A dozen-line static server for storybook-static/, on 127.0.0.1. */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const loader = await loadDemo();
const demo = await loader.startDemo({ port: 0, sandboxPort: 0, env: {}, logLevel: 'warn', watch: false });
const storybook = await serveStatic(staticDir);
const storybookUrl = `http://127.0.0.1:${storybook.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const errors = [];
const written = [];

async function newPage(viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:)/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function shot(page, name, options = {}) {
  const path = join(out, `${name}.png`);
  await (options.element ?? page).screenshot({ path, ...(options.element ? {} : { fullPage: true }), animations: 'disabled' });
  written.push(path);
}

try {
  // The demo, desktop: a code applied, then the confirmation.
  let page = await newPage({ width: 1280, height: 860 });
  await page.goto(demo.url);
  await page.getByRole('button', { name: 'Have a promo code?' }).click();
  await page.getByRole('textbox', { name: 'Promo code' }).fill('SAVE1');
  await shot(page, 'demo-focus-ring', { element: page.getByRole('region', { name: 'Order summary' }) });
  await page.getByRole('textbox', { name: 'Promo code' }).fill('PERCENT15');
  await page.getByRole('textbox', { name: 'Promo code' }).press('Enter');
  await page.getByRole('button', { name: 'Remove code PERCENT15' }).waitFor();
  await shot(page, 'demo-applied');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
  await shot(page, 'demo-confirmation');
  await page.context().close();

  // The demo on a phone, with a rejected code.
  page = await newPage({ width: 390, height: 844 });
  await page.goto(demo.url);
  await page.getByRole('button', { name: 'Have a promo code?' }).click();
  await page.getByRole('textbox', { name: 'Promo code' }).fill('EXPIRED');
  await page.getByRole('textbox', { name: 'Promo code' }).press('Enter');
  await page.getByText('EXPIRED has expired', { exact: true }).waitFor();
  await shot(page, 'demo-mobile-rejected');
  await page.context().close();

  // Stories from the static build: the play function runs, then the picture is taken.
  const stories = [
    ['voucher-voucherfield--applied-percent-capped', (frame) => frame.getByRole('button', { name: 'Remove code HALFCAP' })],
    ['voucher-voucherfield-rejections--minimum-spend-not-met', (frame) => frame.getByText('Add $14.50 more to use MIN50', { exact: true })],
    ['voucher-voucherfield-appearance--themed', (frame) => frame.getByRole('button', { name: 'Remove code PERCENT15' })],
    ['voucher-voucherfield-appearance--right-to-left', (frame) => frame.getByRole('button', { name: 'הסרה של הקוד SAVE10' })],
    ['voucher-usevoucherinput--custom-markup', (frame) => frame.getByRole('textbox', { name: 'Gift card or discount code' })],
  ];
  for (const [id, ready] of stories) {
    page = await newPage({ width: 720, height: 420 });
    await page.goto(`${storybookUrl}/iframe.html?id=${id}&viewMode=story`);
    await ready(page).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300); // let the focus move and the chip settle after the play function
    await shot(page, `story-${id}`);
    await page.context().close();
  }

  // The Storybook UI with the autodocs page of VoucherField.
  page = await newPage({ width: 1440, height: 1000 });
  await page.goto(`${storybookUrl}/?path=/docs/voucher-voucherfield--docs`);
  await page.frameLocator('#storybook-preview-iframe').getByRole('heading', { name: 'VoucherField', level: 1 }).waitFor({ timeout: 60_000 });
  await shot(page, 'storybook-docs-voucherfield', { element: page.locator('body') });
  await page.context().close();
} finally {
  await browser.close();
  await new Promise((resolve) => storybook.close(resolve));
  await demo.close();
  await loader.close();
}

for (const path of written) console.log(`wrote ${path}`);
if (errors.length > 0) {
  console.error(`\nPage errors:\n${errors.join('\n')}`);
  process.exit(1);
}
