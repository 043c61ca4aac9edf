// THE flow of the library, over real HTTP on 127.0.0.1 with no mocks between the pieces: the browser-side
// core client validates and gets a tracking id, the browser's cookie carries it to the merchant's server,
// readTrackingId reads it, redeem sends it as customer.source_id, and the customer can be fetched.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTracker, createVoucherifyClient, type CookieStore } from 'voucherkit/core';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { createVoucherifyServer, readTrackingId } from 'voucherkit/server';

let api: SandboxServer;
beforeAll(async () => {
  api = await startSandboxServer({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await api.close();
});

/** What js-cookie would keep in `document.cookie`: the value URI-encoded, as src/core/cookieStore writes it. */
function browserCookieJar() {
  let raw: string | null = null;
  const store: CookieStore = {
    read: () => (raw === null ? null : decodeURIComponent(raw)),
    write: (value) => {
      raw = encodeURIComponent(value);
    },
    remove: () => {
      raw = null;
    },
  };
  return { store, header: () => (raw === null ? '' : `voucherify_tracking_id=${raw}`) };
}

test('validate in the browser → cookie → readTrackingId → redeem → the redemption and customer carry the tracking id', async () => {
  expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const jar = browserCookieJar();
  const browser = createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    apiUrl: api.url,
    origin: 'http://shop.localhost',
    tracker: createTracker({ store: jar.store }),
  });
  const validation = await browser.validate({ code: 'SAVE10', order: { amount: 6000 } });
  expect(validation.valid).toBe(true);
  const trackingId = browser.tracker.getSnapshot().trackingId;
  expect(trackingId).toMatch(/^track_/);
  expect(validation.trackingId).toBe(trackingId);

  // The checkout POST to the merchant's backend carries the browser's cookie.
  const cookie = jar.header();
  expect(cookie).toBe(`voucherify_tracking_id=${encodeURIComponent(trackingId!)}`);
  const checkout = new Request('http://shop.localhost/api/checkout', { method: 'POST', headers: { cookie }, body: '{"code":"SAVE10"}' });

  const server = createVoucherifyServer({ applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey, apiUrl: api.url });
  const read = readTrackingId(checkout);
  expect(read).toBe(trackingId);
  const redeemed = await server.redeem({ code: 'SAVE10', trackingId: read, order: { source_id: 'order_e2e', amount: 6000 } });

  const record = api.sandbox.state.redemptions.get(redeemed.redemptions[0]!.id)!;
  expect((record.customer as { source_id?: string }).source_id).toBe(trackingId);
  expect(record.tracking_id).toBe(trackingId);
  expect(redeemed.customerId).toBe(record.customer_id);
  expect(redeemed.order).toMatchObject({ totalDiscountAmount: 1000, totalAmount: 5000 });

  const customer = await server.customers.get(redeemed.customerId!);
  expect(customer).toMatchObject({ id: redeemed.customerId, source_id: trackingId });
  // And by the tracking id itself, since it is the customer's source_id.
  expect((await server.customers.get(trackingId!)).id).toBe(redeemed.customerId);
});
