// examples/next-app as a user ships it: installed from its own lockfile (voucherkit as a packed copy), built with
// Turbopack (`next build`), served by `next start` against the embedded sandbox, driven in Debian's Chromium by
// role and accessible name only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { assertVoucherkitInstalled, nextAppDir, nextBin, run } from './exampleApps.js';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const TRACKING_COOKIE = 'voucherify_tracking_id';

let sandbox: SandboxServer;
let app: ChildProcess;
let appUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: Error[] = [];
const consoleErrors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer within 60 s:\n${log()}`);
}

beforeAll(async () => {
  assertVoucherkitInstalled(nextAppDir); // installed and refreshed by exampleApps.globalSetup.ts
  const built = await run(process.execPath, [nextBin, 'build'], { cwd: nextAppDir });
  console.log(`next build (Turbopack): ${built.seconds.toFixed(1)} s`);
  expect(built.status, built.output).toBe(0);
  expect(built.output).toContain('Turbopack');

  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  // The browser validates against the sandbox directly, so it must accept the app's origin (and only it).
  sandbox = await startSandboxServer({ sandbox: createSandbox({ allowedOrigins: [appUrl] }) });
  let log = '';
  app = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: nextAppDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      VOUCHERIFY_API_URL: sandbox.url,
      VOUCHERIFY_CLIENT_APP_ID: SANDBOX_KEYS.clientApplicationId,
      VOUCHERIFY_CLIENT_TOKEN: SANDBOX_KEYS.clientToken,
      VOUCHERIFY_APP_ID: SANDBOX_KEYS.applicationId,
      VOUCHERIFY_SECRET_KEY: SANDBOX_KEYS.secretKey,
    },
  });
  app.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  app.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitUntilServing(`${appUrl}/`, app, () => log);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  app?.kill();
  await sandbox?.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // Nothing but the app and its sandbox: both on 127.0.0.1.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(`${appUrl}/checkout`);
  await page.getByRole('heading', { name: 'Checkout', level: 1 }).waitFor();
});

afterEach(async () => {
  await context.close();
  // No hydration warning, no failed request, no uncaught error.
  expect(pageErrors.splice(0)).toEqual([]);
  expect(consoleErrors.splice(0)).toEqual([]);
});

async function applyCode(code: string) {
  const input = page.getByRole('textbox', { name: 'Promo code' });
  if (!(await input.isVisible())) await page.getByRole('button', { name: 'Have a promo code?' }).click();
  await input.fill(code);
  await input.press('Enter');
}

/** The value in the table row named `label` (a row header and its cell). */
function valueOf(label: string) {
  return page
    .getByRole('row', { name: new RegExp(`^${label} `) })
    .getByRole('cell')
    .textContent();
}

async function trackingCookie(): Promise<string | undefined> {
  const cookie = (await context.cookies(appUrl)).find((candidate) => candidate.name === TRACKING_COOKIE);
  return cookie && decodeURIComponent(cookie.value);
}

describe('examples/next-app', () => {
  it('applies a code, and Remove brings the total back', async () => {
    await expect.poll(() => valueOf('Total')).toBe('$67.50');
    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).click();
    await expect.poll(() => valueOf('Total')).toBe('$67.50');
    await expect.poll(() => page.getByRole('row', { name: /^Discount / }).count()).toBe(0);
    // A rejected code after the removal shows no trace of the removed code's discount.
    await applyCode('EXPIRED');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('EXPIRED has expired');
    expect(await valueOf('Total')).toBe('$67.50');
  });

  it('keeps the applied code’s total when a later code is rejected', async () => {
    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    await applyCode('EXPIRED');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('EXPIRED has expired');
    expect(await valueOf('Total')).toBe('$57.50');
    await expect.poll(() => page.getByRole('button', { name: /^Remove code/ }).count()).toBe(1);
  });

  it('places an order without a code at the cart’s total', async () => {
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    expect(await valueOf('Redeemed codes')).toBe('none');
    expect(await valueOf('Total charged')).toBe('$67.50');
    expect(await valueOf('Order id')).toMatch(/^order_/);
  });

  it('places an order with a code: the route redeems for the customer whose source_id is the cookie’s tracking id', async () => {
    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    const trackingId = await trackingCookie();
    expect(trackingId).toMatch(/^track_/);

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    expect(await valueOf('Redeemed codes')).toBe('SAVE10');
    expect(await valueOf('Total charged')).toBe('$57.50');
    expect(await valueOf('Customer source id')).toBe(trackingId);
  });

  it('shows the route’s 409 when a code stopped applying before the order', async () => {
    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    // The merchant disables the voucher between the shopper's apply and the order.
    const voucher = sandbox.sandbox.state.vouchers.get('SAVE10')!;
    voucher.active = false;
    try {
      const answer = page.waitForResponse((response) => response.url().endsWith('/api/checkout'));
      await page.getByRole('button', { name: 'Place order' }).click();
      expect((await answer).status()).toBe(409);
      const alert = page.getByRole('alert').filter({ hasText: 'Your order was not placed' });
      await expect.poll(() => alert.textContent()).toMatch(/not placed: \S/);
      expect(await page.getByRole('heading', { name: 'Thank you, your order is placed' }).count()).toBe(0);
      // The browser logs the 409 it was answered; that one is expected, any other console error is not.
      expect(consoleErrors.splice(0)).toEqual([expect.stringContaining('status of 409')]);
    } finally {
      voucher.active = true;
    }
  });
});
