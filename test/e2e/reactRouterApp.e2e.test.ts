// Issue 22: a React Router 7 app (test/fixtures/bundlers/react-router-loader) in `react-router dev` and from its
// production build, driven in Debian's Chromium: the page hydrates with no warning, the field applies a code against
// the sandbox (served over HTTP), and the route's action redeems it through voucherkit/server with the cookie's
// tracking id as customer.source_id. Dev pre-bundles voucherkit/server for the client (the development guard) while
// the loader and action run the real module in Vite's SSR; the build strips them from the client bundle.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { assertVoucherkitInstalled, bundlerFixturesDir, run } from './exampleApps.js';
import { freePort } from '../support/freePort.js';

const dir = join(bundlerFixturesDir, 'react-router-loader');
const reactRouterBin = join(dir, 'node_modules/@react-router/dev/bin.js');
// Its own build directory and pre-bundle cache: bundlerGuard.e2e.test.ts builds and runs dev in the same fixture.
const buildDirectory = '.e2e-build/build';
const viteCacheDir = join(dir, '.e2e-vite');
const TRACKING_COOKIE = 'voucherify_tracking_id';

let sandbox: SandboxServer;
let browser: Browser;
const ports = { dev: 0, production: 0 };
const origin = (mode: keyof typeof ports) => `http://127.0.0.1:${ports[mode]}`;

beforeAll(async () => {
  assertVoucherkitInstalled(dir); // installed and refreshed by exampleApps.globalSetup.ts
  ports.dev = await freePort();
  ports.production = await freePort();
  // The browser validates against the sandbox directly, so it must accept the apps' origins (and only them).
  sandbox = await startSandboxServer({ sandbox: createSandbox({ allowedOrigins: [origin('dev'), origin('production')] }) });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The keys and the sandbox's URL, as the app's server reads them from process.env. */
const appEnv = () => ({
  VOUCHERIFY_APP_ID: SANDBOX_KEYS.applicationId,
  VOUCHERIFY_SECRET_KEY: SANDBOX_KEYS.secretKey,
  VOUCHERIFY_CLIENT_APP_ID: SANDBOX_KEYS.clientApplicationId,
  VOUCHERIFY_CLIENT_TOKEN: SANDBOX_KEYS.clientToken,
  VOUCHERIFY_API_URL: sandbox.url,
});

/** The running app's latest output, for a failure message. */
let appOutput = '';

/** Starts the app and waits until its page answers. */
async function startApp(name: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<ChildProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    appOutput = output.slice(-4_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      console.log(`${name} answering in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return child;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  child.kill();
  throw new Error(`${name} did not answer within 60 s:\n${output}`);
}

/** Opens the page and waits until React has hydrated it (the route sets a marker in an effect). */
async function openHydrated(page: Page, url: string, timeout = 30_000): Promise<void> {
  const seen: string[] = [];
  page.on('console', (message) => seen.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  await page.goto(url);
  await page
    .waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, { timeout })
    .catch((error: Error) => {
      throw new Error(`${url} did not hydrate: ${error.message}\n${seen.join('\n')}\n${appOutput}`);
    });
}

/** Hydrate, apply SAVE10 through the field, place the order: the action redeems with the cookie's tracking id. */
function describeApp(mode: keyof typeof ports) {
  it('hydrates with no warning, applies a code through the field, and the action redeems it for the cookie’s tracking id', async () => {
    const started = Date.now();
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    try {
      await openHydrated(page, origin(mode));
      await page.getByRole('button', { name: 'Have a promo code?' }).click();
      const input = page.getByRole('textbox', { name: 'Promo code' });
      await input.fill('SAVE10');
      await input.press('Enter');
      await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();

      const cookie = (await context.cookies(origin(mode))).find((c) => c.name === TRACKING_COOKIE);
      const trackingId = decodeURIComponent(cookie?.value ?? '');
      expect(trackingId).toMatch(/^track_/);

      await page.getByRole('button', { name: 'Place order' }).click();
      const total = page.locator('[data-total]');
      await total.waitFor();
      expect(await total.textContent()).toBe('5750'); // 6,750 − SAVE10's 1,000, Voucherify's figure
      const customerId = await page.locator('[data-customer]').textContent();
      expect(customerId).toMatch(/^cust_/);
      const voucherify = createVoucherifyServer({ applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey, apiUrl: sandbox.url });
      expect((await voucherify.customers.get(customerId!)).source_id).toBe(trackingId);

      // A server render that reads the cookie (the loader's initial tracking id) hydrates without a warning too.
      await openHydrated(page, origin(mode));
      expect(problems).toEqual([]);
      console.log(`react-router ${mode}: the page flow in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await context.close();
    }
  });
}

describe('react-router dev (Vite pre-bundles voucherkit/server for the client; the loader and action run the real module)', () => {
  let app: ChildProcess | undefined;
  beforeAll(async () => {
    rmSync(viteCacheDir, { recursive: true, force: true }); // a fresh pre-bundle, as in a new app
    app = await startApp(
      'react-router dev',
      [reactRouterBin, 'dev', '--host', '127.0.0.1', '--port', String(ports.dev), '--strictPort'],
      { ...appEnv(), NODE_ENV: 'development', VITE_CACHE_DIR: viteCacheDir },
      origin('dev'),
    );
    // Vite's cold start: the first page load finds the deps of React Router's default client entry (react-dom/client,
    // react-router/dom) that the scan missed, answers 504 Outdated Optimize Dep and reloads the page. That is Vite's,
    // not voucherkit's: load once and let it settle before the checked run.
    const context = await browser.newContext();
    await openHydrated(await context.newPage(), origin('dev'), 60_000);
    await context.close();
  }, 90_000);
  afterAll(() => {
    app?.kill();
  });
  describeApp('dev');
});

describe('react-router build, served by @react-router/node', () => {
  let app: ChildProcess | undefined;
  beforeAll(async () => {
    rmSync(join(dir, '.e2e-build'), { recursive: true, force: true });
    const built = await run(process.execPath, [reactRouterBin, 'build'], { cwd: dir, env: { BUILD_DIRECTORY: buildDirectory } });
    console.log(`react-router build: ${built.seconds.toFixed(1)} s`);
    expect(built.status, built.output).toBe(0);
    app = await startApp(
      'the production server',
      [join(dir, 'server.mjs')],
      { ...appEnv(), NODE_ENV: 'production', BUILD_DIRECTORY: buildDirectory, PORT: String(ports.production) },
      origin('production'),
    );
  }, 120_000);
  afterAll(() => {
    app?.kill();
  });
  describeApp('production');
});
