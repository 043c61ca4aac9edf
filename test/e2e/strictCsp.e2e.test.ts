// Strict CSP (issue 21): the server-rendered provider and field hydrate and apply a code on a page served with
//   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' <API origin>
// in Chromium, with zero `securitypolicyviolation` events (seen in the page from before its first byte is parsed,
// and as reports the browser posts to the server). No 'unsafe-inline' for styles, no 'unsafe-eval' for scripts:
// what PCI DSS 4.0 §6.4.3 pages run with. The page is this folder's App, server-rendered here with renderToString,
// its client bundled from src/ with esbuild, and voucherkit's stylesheet served as a file.
import { bundleStylesheet } from '../../scripts/stylesheet.mjs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { App, type CspPageConfig } from './strictCsp/App.js';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

let sandbox: SandboxServer;
let server: Server;
let origin: string;
let browser: Browser;
let clientJs: string;
const stylesheet = bundleStylesheet(fromHere('../../src/react/styles.css'));
/** Reports Chromium posted to `report-uri` (a second witness beside the in-page listener). */
const reports: unknown[] = [];
const pages: Page[] = [];

const policy = () => [`default-src 'self'`, `script-src 'self'`, `style-src 'self'`, `connect-src 'self' ${sandbox.url}`, `report-uri /csp-report`].join('; ');

/** The server-rendered document; `fieldStyle` is the control: a merchant-provided inline style. */
function documentHtml(config: CspPageConfig, fieldStyle: boolean): string {
  const markup = renderToString(createElement(App, { config, fieldStyle }));
  const data = (name: string, value: string) => `data-${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout (strict CSP)</title>',
    '<link rel="stylesheet" href="/voucherkit.css">',
    '<script type="module" src="/client.js"></script></head><body>',
    `<div id="root" ${data('api-url', config.apiUrl)} ${data('client-application-id', config.clientApplicationId)} ${data('client-token', config.clientToken)}${fieldStyle ? ' data-field-style="true"' : ''}>${markup}</div>`,
    '</body></html>',
  ].join('');
}

beforeAll(async () => {
  sandbox = await startSandboxServer();
  const bundle = await build({
    entryPoints: [fromHere('./strictCsp/client.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The package's root entry from src/, as Vitest's alias resolves it for the server half.
    plugins: [{ name: 'voucherkit', setup: (b) => b.onResolve({ filter: /^voucherkit$/ }, () => ({ path: fromHere('../../src/index.ts') })) }],
  });
  clientJs = bundle.outputFiles[0]!.text;
  const config: CspPageConfig = { apiUrl: sandbox.url, clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken };
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'POST' && url.pathname === '/csp-report') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        reports.push(JSON.parse(body || 'null'));
        response.writeHead(204).end();
      });
      return;
    }
    const send = (type: string, body: string, headers: Record<string, string> = {}) =>
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    if (url.pathname === '/')
      send('text/html; charset=utf-8', documentHtml(config, url.searchParams.has('field-style')), { 'content-security-policy': policy() });
    else if (url.pathname === '/client.js') send('text/javascript; charset=utf-8', clientJs);
    else if (url.pathname === '/voucherkit.css') send('text/css; charset=utf-8', stylesheet);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await sandbox?.close();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  reports.length = 0;
});

/** A fresh page whose every CSP violation is recorded from before the document is parsed. */
async function openCheckout(query = '') {
  const context = await browser.newContext();
  // Nothing but the page's server and the sandbox: both on 127.0.0.1.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  const cspConsole: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspConsole.push(message.text());
  });
  // Injected by the DevTools protocol, which the page's CSP does not govern.
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push({ directive: event.violatedDirective, blockedURI: event.blockedURI, sample: event.sample, source: event.sourceFile }),
      true,
    );
  });
  const response = await page.goto(`${origin}/${query}`);
  expect(response?.headers()['content-security-policy']).toBe(policy());
  await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
  const violations = () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations.slice());
  return { page, errors, cspConsole, violations };
}

describe('strict Content-Security-Policy', () => {
  it('hydrates the server-rendered provider and field and applies a code with zero violations', async () => {
    const { page, errors, cspConsole, violations } = await openCheckout();
    expect(await page.evaluate(() => (window as unknown as { __recoverableErrors: string[] }).__recoverableErrors)).toEqual([]);

    // The stylesheet applies from its file: the theme's panel is hidden until the toggle opens it.
    await page.getByRole('button', { name: 'Have a promo code?' }).click();
    const input = page.getByRole('textbox', { name: 'Promo code' });
    await input.fill('SAVE10');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('SAVE10 applied');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe('$40.00');
    // The theme came from the stylesheet (no inline style could have drawn it): the chip has its border.
    const chipBorder = await page.locator('.voucher-field__chip').evaluate((chip) => getComputedStyle(chip).borderStyle);
    expect(chipBorder).not.toBe('none');

    // No style attribute and no <style> element anywhere on the page after the apply.
    expect(await page.locator('[style]').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
    // Reports are posted asynchronously: give them a moment before asserting there are none.
    await page.waitForTimeout(300);
    expect(await violations()).toEqual([]);
    expect(reports).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('control: the same page with a merchant-provided `style` on the field is refused, so the listener does see violations', async () => {
    const { violations } = await openCheckout('?field-style');
    await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain('style-src-attr');
    await expect.poll(() => reports.length).toBeGreaterThan(0);
  });
});
