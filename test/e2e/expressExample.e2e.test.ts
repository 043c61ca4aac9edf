// examples/express as a user runs it: installed from its own lockfile, compiled by strict tsc, started with node,
// redeeming through its route against the embedded sandbox.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from 'voucherkit/core';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { assertVoucherkitInstalled, expressDir, run } from './exampleApps.js';

let sandbox: SandboxServer;
let app: ChildProcess;
let appUrl: string;

beforeAll(async () => {
  assertVoucherkitInstalled(expressDir); // installed and refreshed by exampleApps.globalSetup.ts
  const compiled = await run(process.execPath, [join(expressDir, 'node_modules/typescript/bin/tsc'), '-p', expressDir], { cwd: expressDir });
  expect(compiled.status, compiled.output).toBe(0);
  sandbox = await startSandboxServer();
  app = spawn(process.execPath, [join(expressDir, 'dist/server.js')], {
    cwd: expressDir,
    env: {
      ...process.env,
      PORT: '0',
      VOUCHERIFY_API_URL: sandbox.url,
      VOUCHERIFY_APP_ID: SANDBOX_KEYS.applicationId,
      VOUCHERIFY_SECRET_KEY: SANDBOX_KEYS.secretKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(app.stdout!, 'data')) as [Buffer];
  appUrl = /listening on (http:\/\/\S+)/.exec(line.toString())?.[1] ?? '';
  expect(appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
}, 180_000);

afterAll(async () => {
  app?.kill();
  await sandbox?.close();
});

/** A shopper: a cart session from the app, and a tracking id Voucherify issued to the browser's validation. */
async function shopper(code = 'SAVE10') {
  const cartResponse = await fetch(`${appUrl}/api/cart`);
  const cartCookie = cartResponse.headers.getSetCookie()[0]!.split(';')[0]!;
  const cart = (await cartResponse.json()) as { total: number };
  const client = createVoucherifyClient({ clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken, apiUrl: sandbox.url });
  await client.validate({ code, order: { amount: cart.total } });
  const trackingId = client.tracker.getSnapshot().trackingId!;
  const cookie = `${cartCookie}; voucherify_tracking_id=${encodeURIComponent(trackingId)}`;
  const checkout = (codes: string[]) =>
    fetch(`${appUrl}/api/checkout`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ codes }) });
  return { cart, trackingId, checkout };
}

describe('examples/express', () => {
  it('redeems a code against the server’s cart, for the customer whose source_id is the cookie’s tracking id', async () => {
    const { cart, trackingId, checkout } = await shopper();
    expect(cart.total).toBe(6_750);
    const response = await checkout(['SAVE10']);
    const body = (await response.json()) as { orderId: string; redeemed: string[]; total: number; customer: { sourceId: string } };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.redeemed).toEqual(['SAVE10']);
    expect(body.total).toBe(5_750);
    expect(body.orderId).toMatch(/^order_/);
    expect(body.customer.sourceId).toBe(trackingId);
  });

  it('answers 409 with the reason when a code does not apply, and charges nothing', async () => {
    const { checkout } = await shopper();
    const response = await checkout(['EXPIRED']);
    const body = (await response.json()) as { error: string };
    expect(response.status, JSON.stringify(body)).toBe(409);
    expect(body.error).toMatch(/\S/);
  });

  it('places an order without a code: nothing redeemed, the cart’s total', async () => {
    const { checkout } = await shopper();
    const response = await checkout([]);
    const body = (await response.json()) as { redeemed: string[]; total: number; customer: unknown };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ redeemed: [], total: 6_750, customer: null });
  });

  it('refuses a body without a list of codes with 400', async () => {
    const response = await fetch(`${appUrl}/api/checkout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"codes":"SAVE10"}' });
    expect(response.status).toBe(400);
  });
});
