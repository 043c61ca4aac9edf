// The demo checkout, end to end, as `npm start` runs it: Vite + the embedded sandbox on 127.0.0.1, driven in
// Debian's Chromium with selectors by role and accessible name only.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { startDemo, type RunningDemo } from '../../examples/checkout/server/startDemo.js';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const TRACKING_COOKIE = 'voucherify_tracking_id';

let demo: RunningDemo;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: Error[] = [];

beforeAll(async () => {
  // `env: {}`: the sandbox, even when the machine has VOUCHERIFY_* variables for a real project.
  demo = await startDemo({ port: 0, sandboxPort: 0, env: {}, logLevel: 'warn', watch: false });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function applyCode(code: string) {
  const toggle = page.getByRole('button', { name: 'Have a promo code?' });
  // After a Remove the field stays open (focus is in the input): clicking the toggle then would close it.
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const input = page.getByRole('textbox', { name: 'Promo code' });
  await input.fill(code);
  await input.press('Enter');
}

/** The value in the table row named `label` (a row header and its cell). */
function valueOf(label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page
    .getByRole('row', { name: new RegExp(`^${escaped} `) })
    .getByRole('cell')
    .textContent();
}

/** What the page's live regions say (the field's, the promotions', the welcome offer's), joined. */
async function announced() {
  return (await page.getByRole('status').allTextContents()).join(' | ');
}

/** Reads the sandbox the way a server does (secret keys), to see what the demo's server did there. */
async function sandboxGet(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, demo.apiUrl), {
    headers: { 'X-App-Id': SANDBOX_KEYS.applicationId, 'X-App-Token': SANDBOX_KEYS.secretKey },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function trackingCookie(): Promise<string | undefined> {
  const cookie = (await context.cookies(demo.url)).find((candidate) => candidate.name === TRACKING_COOKIE);
  return cookie && decodeURIComponent(cookie.value);
}

describe('the demo checkout', () => {
  const checkoutPosts: string[] = [];

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('request', (request) => {
      if (request.url().endsWith('/api/checkout')) checkoutPosts.push(request.url());
    });
    // Nothing but the demo and its sandbox: both on 127.0.0.1.
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
    await page.goto(demo.url);
  });

  afterEach(async () => {
    checkoutPosts.length = 0;
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  it('shows the saving for a seeded code, and places an order whose customer is the cookie’s tracking id', async () => {
    expect(demo.mode).toBe('sandbox');
    await page.getByRole('heading', { name: 'Checkout', level: 1 }).waitFor();
    await applyCode('SAVE10');

    // The saving shows in the field and in the summary, from the server's totals.
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => announced()).toContain('SAVE10 applied');
    // SAVE10 and the free shipping the cart earned ($5.99), priced together by one validation.
    await expect.poll(() => valueOf('Discounts')).toBe('−$15.99');
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    // Enter applied the code; it did not submit the checkout form around the field.
    expect(checkoutPosts).toEqual([]);

    const trackingId = await trackingCookie();
    expect(trackingId).toMatch(/^track_/);

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    expect(checkoutPosts).toHaveLength(1);
    const sourceId = await valueOf('Customer source id');
    expect(sourceId).toBe(trackingId);
    await expect.poll(() => valueOf('Redemption id')).toMatch(/\S/);
    await expect.poll(() => valueOf('Customer id')).toMatch(/^cust_/);
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
  });

  it('links a personal code to the shopper’s e-mail: the hashed id goes to the cookie, the raw e-mail never does', async () => {
    await page.getByRole('textbox', { name: 'E-mail' }).fill('vip@example.com');
    await page.getByRole('textbox', { name: 'E-mail' }).blur();
    await applyCode('VIPONLY');
    await page.getByRole('button', { name: 'Remove code VIPONLY' }).waitFor();

    const trackingId = await trackingCookie();
    expect(trackingId).toMatch(/^track_/);
    expect(trackingId).not.toContain('vip@example.com');

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Customer source id')).toBe(trackingId);
    await expect.poll(() => valueOf('Redeemed code')).toBe('VIPONLY');
  });

  it('with the cookie declined, keeps the tracking id in memory only, so the server receives none', async () => {
    await page.getByRole('checkbox', { name: 'Remember my promotions on this device' }).uncheck();
    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    expect(await trackingCookie()).toBeUndefined();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Customer source id')).not.toMatch(/^track_/);
    await expect.poll(() => valueOf('Browser tracking id')).toMatch(/^track_/);
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
  });

  it('rolls the redeem back when the card is declined, says so with the rollback id, and the one-use code can be used again', async () => {
    await applyCode('LASTONE');
    await page.getByRole('button', { name: 'Remove code LASTONE' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$62.50');
    await page.getByRole('checkbox', { name: 'Simulate a declined card' }).check();
    await page.getByRole('button', { name: 'Place order' }).click();

    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Payment declined', exact: true }).waitFor();
    expect(await alert.textContent()).toContain('Your code LASTONE was not used');
    // Focus moved to the answer, as it does to the confirmation; it never falls to <body>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Payment declined');
    const rollbackId = (await valueOf('Rollback id')) ?? '';
    expect(rollbackId).toMatch(/^rr_/);

    // The sandbox holds that rollback, and the redemption it undid is rolled back.
    const rollback = await sandboxGet(`/v1/redemptions/${encodeURIComponent(rollbackId)}`);
    expect(rollback).toMatchObject({ object: 'redemption_rollback', result: 'SUCCESS' });
    expect(rollback.redemption).toMatch(/^r_/);
    expect(await sandboxGet(`/v1/redemptions/${encodeURIComponent(String(rollback.redemption))}`)).toMatchObject({ status: 'ROLLED_BACK' });

    // The code stays applied (re-checked after the decline); removed and applied again, its one use is free.
    await page.getByRole('button', { name: 'Remove code LASTONE' }).click();
    await applyCode('LASTONE');
    await expect.poll(() => announced()).toContain('LASTONE applied');
    await page.getByRole('checkbox', { name: 'Simulate a declined card' }).uncheck();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Redeemed code')).toBe('LASTONE');
    await expect.poll(() => valueOf('Total')).toBe('$62.50');
    expect(checkoutPosts).toHaveLength(2);

    // That order took the one use: the decline did not, this one did.
    await page.getByRole('button', { name: 'Start a new order' }).click();
    await applyCode('LASTONE');
    await page.getByText('LASTONE has been used the maximum number of times', { exact: true }).waitFor();
  });

  it('applies free shipping without a code, nudges toward 10% off, stacks a code with the tier, and lists the redeemed tier', async () => {
    // $67.50 of goods and $5.99 shipping: the seeded free-shipping tier applies before any code is typed.
    const promotions = page.getByRole('list', { name: /promotion/i });
    await promotions.getByText(/^Free shipping on orders over \$50/).waitFor();
    await expect.poll(() => valueOf('Shipping')).toBe('$5.99');
    await expect.poll(() => valueOf('Discounts')).toBe('−$5.99');
    await expect.poll(() => valueOf('Total')).toBe('$67.50');
    // The server's nudge (the tier's validation rule, read with the secret key): $100.01 − $73.49.
    await promotions.getByText('Add $26.52 more for 10% off orders over $100', { exact: true }).waitFor();

    await applyCode('SAVE10');
    await page.getByRole('button', { name: 'Remove code SAVE10' }).waitFor();
    await expect.poll(() => valueOf('Discounts')).toBe('−$15.99');
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    expect(await promotions.getByText(/^Free shipping on orders over \$50/).count()).toBe(1);

    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$57.50');
    await expect.poll(() => valueOf('Redeemed code')).toBe('SAVE10');
    expect(await page.getByRole('list', { name: 'Promotions applied' }).getByRole('listitem').allTextContents()).toEqual(['Free shipping on orders over $50']);
  });

  it('takes the tier away when the cart drops under $50, and says so', async () => {
    const promotions = page.getByRole('list', { name: /promotion/i });
    await promotions.getByText(/^Free shipping on orders over \$50/).waitFor();
    await page.getByRole('spinbutton', { name: 'Qty of Ceramic pour-over dripper' }).fill('0');
    // $35.50 + $5.99 shipping, nothing off.
    await expect.poll(() => valueOf('Total')).toBe('$41.49');
    await expect.poll(announced).toContain('Free shipping on orders over $50');
    await expect.poll(() => page.getByRole('row', { name: /^Discounts / }).count()).toBe(0);
  });

  it('pays part of the order with GIFT50 (the amount the shopper chose) and shows the balance left', async () => {
    await applyCode('GIFT50');
    await page.getByRole('button', { name: 'Remove code GIFT50' }).waitFor();
    const amount = page.getByRole('textbox', { name: /^Amount to use from/ });
    await amount.fill('20');
    await amount.press('Enter');
    // $73.49 − $5.99 free shipping − $20.00 from the card: the rest, by card.
    await expect.poll(() => valueOf('Total')).toBe('$47.50');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Total')).toBe('$47.50');
    await expect.poll(() => valueOf('Gift card GIFT50')).toBe('$20.00 used, $30.00 left');
    expect(await page.getByRole('list', { name: 'Promotions applied' }).getByRole('listitem').allTextContents()).toEqual(['Free shipping on orders over $50']);
  });

  it('gets the signed-in shopper a welcome code and applies it; another shopper pasting it is refused with the reason', async () => {
    const email = page.getByRole('textbox', { name: 'E-mail' });
    await email.fill('first-order@example.com');
    await email.blur();
    await page.getByRole('button', { name: 'Get 10% off your first order' }).click();
    const remove = page.getByRole('button', { name: /^Remove code WELCOME-/ });
    await remove.waitFor();
    const code = ((await remove.getAttribute('aria-label')) ?? (await remove.textContent()) ?? '').match(/WELCOME-\w+/)?.[0];
    expect(code).toMatch(/^WELCOME-/);
    // 10% of $73.49 ($7.35), then free shipping: $73.49 − $7.35 − $5.99.
    await expect.poll(() => valueOf('Total')).toBe('$60.15');
    // Asking again is the same code (join_once), never a second one.
    await page.getByRole('button', { name: 'Get 10% off your first order' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Remove code WELCOME-/ }).count()).toBe(1);

    // A fresh browser, another shopper: the code is the first shopper's only.
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const second = await other.newPage();
      second.on('pageerror', (error) => pageErrors.push(error));
      await other.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
      await second.goto(demo.url);
      await second.getByRole('textbox', { name: 'E-mail' }).fill('someone-else@example.com');
      await second.getByRole('textbox', { name: 'E-mail' }).blur();
      await second.getByRole('button', { name: 'Have a promo code?' }).click();
      await second.getByRole('textbox', { name: 'Promo code' }).fill(code!);
      await second.getByRole('textbox', { name: 'Promo code' }).press('Enter');
      await second.getByText(`${code} is personal: it works only for the account it was sent to`, { exact: true }).waitFor();
      expect(await second.getByRole('button', { name: `Remove code ${code}` }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('says why a code does not apply, and keeps the checkout usable', async () => {
    await applyCode('EXPIRED');
    const input = page.getByRole('textbox', { name: 'Promo code' });
    await page.getByText('EXPIRED has expired', { exact: true }).waitFor();
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => valueOf('Total')).toBe('$67.50');
  });

  it('redeems with the server’s prices: a cart change is re-priced on the server, not taken from the page', async () => {
    await page.getByRole('spinbutton', { name: 'Qty of Ceramic pour-over dripper' }).fill('2');
    await applyCode('PERCENT15');
    await page.getByRole('button', { name: 'Remove code PERCENT15' }).waitFor();
    // 2 × $32.00 + 2 × $14.50 + $6.50 + $5.99 shipping = $105.49: PERCENT15 takes $15.82, free shipping $5.99, and
    // the $100 tier no longer qualifies after them (the sandbox reads the amount the codes left): $83.68.
    await expect.poll(() => valueOf('Total')).toBe('$83.68');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.getByRole('heading', { name: 'Thank you, your order is placed' }).waitFor();
    await expect.poll(() => valueOf('Subtotal')).toBe('$105.49');
    await expect.poll(() => valueOf('Total')).toBe('$83.68');
  });
});

describe('the demo API', () => {
  const postCheckout = (body: unknown) =>
    fetch(new URL('/api/checkout', demo.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('ignores amounts and discounts sent by the browser', async () => {
    const response = await fetch(new URL('/api/checkout', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        checkoutId: 'tamper-test-0001',
        cart: [{ productId: 'prod_filters', quantity: 1, price: 1 }],
        codes: ['SAVE10'],
        amount: 1,
        discount: 999_999,
      }),
    });
    expect(response.status).toBe(200);
    const placed = (await response.json()) as { amount: number; discount: number; total: number; trackingId: string | null };
    // $6.50 from the catalogue and $5.99 shipping: no free shipping under $50, SAVE10 takes $10.
    expect(placed).toMatchObject({ amount: 1249, discount: 1000, total: 249, trackingId: null });
  });

  it('answers a declined card with 402 and the rollback id; the same checkout again is the same decline, never a placed order', async () => {
    const order = { checkoutId: 'decline-test-0001', cart: [{ productId: 'prod_filters', quantity: 1 }], codes: ['SAVE10'] };
    const first = await postCheckout({ ...order, simulateDecline: true });
    expect(first.status).toBe(402);
    const declined = await first.json();
    expect(declined).toMatchObject({ declined: true, released: true, orderId: 'order_decline-test-0001', codes: ['SAVE10'] });
    expect(declined.rollbackId).toMatch(/^rr_/);
    // A double submit (or a replay without the box) must not charge against the rolled-back redemption.
    const again = await postCheckout({ ...order, simulateDecline: false });
    expect(again.status).toBe(402);
    expect(await again.json()).toEqual(declined);
  });

  it('says so when the rollback fails: 502, released false, no rollback id, and the redemption to undo is logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The redeem (POST /v1/redemptions) goes through; the rollback (/v1/redemptions/{id}/rollbacks) gets a 503.
    demo.sandbox!.setFaults({ kind: 'status', status: 503, path: '/v1/redemptions/', times: 1 });
    try {
      const response = await postCheckout({
        checkoutId: 'decline-test-0003',
        cart: [{ productId: 'prod_filters', quantity: 1 }],
        codes: ['SAVE10'],
        simulateDecline: true,
      });
      expect(response.status).toBe(502);
      const body = await response.json();
      expect(body).toMatchObject({ declined: true, released: false, rollbackId: null, codes: ['SAVE10'] });
      expect(body.message).toContain('could not release your code SAVE10');
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/redemption r_\w+ was NOT rolled back/), expect.anything());
    } finally {
      demo.sandbox!.setFaults([]);
      logged.mockRestore();
    }
  });

  it('declines a card without a code and has nothing to roll back', async () => {
    const response = await postCheckout({
      checkoutId: 'decline-test-0002',
      cart: [{ productId: 'prod_filters', quantity: 1 }],
      codes: [],
      simulateDecline: true,
    });
    expect(response.status).toBe(402);
    expect(await response.json()).toMatchObject({ declined: true, released: true, rollbackId: null, codes: [] });
  });

  it('refuses a cross-site form post (not JSON)', async () => {
    const response = await fetch(new URL('/api/checkout', demo.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'codes=SAVE10',
    });
    expect(response.status).toBe(415);
  });

  it('gives the page the client-side keys only', async () => {
    const config = await (await fetch(new URL('/api/config', demo.url))).json();
    expect(Object.keys(config).sort()).toEqual(['apiUrl', 'clientApplicationId', 'clientToken', 'mode']);
    expect(JSON.stringify(config)).not.toContain('secret');
  });
});

describe('the demo’s browser bundle', () => {
  it('holds no secret key and no server code', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'voucherkit-demo-'));
    try {
      await build({
        configFile: fileURLToPath(new URL('../../examples/checkout/vite.config.ts', import.meta.url)),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, sourcemap: false },
      });
      const assets = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
      expect(assets.length).toBeGreaterThan(0);
      const code = assets.map((file) => readFileSync(join(outDir, 'assets', file), 'utf8')).join('\n');
      for (const secret of ['X-App-Token', 'VOUCHERIFY_SECRET_KEY', 'sandbox-secret-key', 'secretKey', 'voucherkit/server']) {
        expect(code, secret).not.toContain(secret);
      }
      // The page does call Voucherify's client API, so the scan looked at the right code.
      expect(code).toContain('/client/v1/validations');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
