import { beforeEach, describe, expect, test } from 'vitest';
import { createTracker, createVoucherifyClient, VoucherifyError } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { createVoucherifyServer, isRedeemOutcomeUnknown, type VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, sandboxFetch, type SentRequest } from './sandboxFetch.js';

const { applicationId, secretKey, clientApplicationId, clientToken } = SANDBOX_KEYS;
const order = (id: string, amount = 6000) => ({ source_id: id, amount, items: [{ source_id: 'sku_tee', quantity: 2, price: amount / 2 }] });

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;

/** A tracking id the way a shopper's browser gets one: a client-side validation that issues it. */
async function browserTrackingId(): Promise<string> {
  const client = createVoucherifyClient({
    clientApplicationId,
    clientToken,
    tracker: createTracker({ consent: false }),
    fetch: (input, init) => sandbox.handle(new Request(input, init)),
  });
  const result = await client.validate({ code: 'SAVE10', order: { amount: 6000 } });
  expect(result.trackingId).toMatch(/^track_/);
  return result.trackingId!;
}

const redemptionsPosted = () => sent.filter((request) => request.url.pathname === '/v1/redemptions');

beforeEach(() => {
  sandbox = createSandbox();
  const wire = sandboxFetch(sandbox);
  sent = wire.sent;
  server = createVoucherifyServer({ applicationId, secretKey, apiUrl: 'https://sandbox.test', fetch: wire.fetch });
});

describe('redeem', () => {
  test('carries the tracking id into customer.source_id and tracking_id, and returns the upserted customer', async () => {
    const trackingId = await browserTrackingId();
    const result = await server.redeem({ code: 'SAVE10', trackingId, order: order('order_1') });

    expect(redemptionsPosted()[0]!.body).toMatchObject({
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      customer: { source_id: trackingId },
      tracking_id: trackingId,
      order: { source_id: 'order_1', amount: 6000 },
    });
    expect(result.customerId).toMatch(/^cust_/);
    expect(result.trackingId).toBe(trackingId);
    expect(result.redemptions).toHaveLength(1);
    expect(result.parentRedemption?.id).toMatch(/^r_/);
    expect(result.order).toMatchObject({ amount: 6000, totalDiscountAmount: 1000, totalAmount: 5000 });
    expect(result.inapplicable).toEqual([]);
    const customer = sandbox.state.customers.get(result.customerId!);
    expect(customer?.source_id).toBe(trackingId);
  });

  test('reads the tracking id from the request cookie when none is given', async () => {
    const trackingId = await browserTrackingId();
    const request = new Request('https://shop.test/checkout', {
      method: 'POST',
      headers: { cookie: `voucherify_tracking_id=${encodeURIComponent(trackingId)}` },
    });
    const result = await server.redeem({ code: 'PERCENT15', request, order: order('order_2') });
    expect(redemptionsPosted()[0]!.body).toMatchObject({ customer: { source_id: trackingId }, tracking_id: trackingId });
    expect(result.trackingId).toBe(trackingId);
    expect(result.order?.totalDiscountAmount).toBe(900);
  });

  test('stacks several codes in one call', async () => {
    const result = await server.redeem({ codes: ['SAVE10', 'PERCENT15'], trackingId: null, order: order('order_3', 10_000) });
    expect(result.redemptions.map((r) => r.voucher?.code).sort()).toEqual(['PERCENT15', 'SAVE10']);
    expect(redeemedCodes(sandbox).sort()).toEqual(['PERCENT15', 'SAVE10']);
  });

  test("the merchant's authenticated customer wins; the tracking id still travels as tracking_id", async () => {
    const result = await server.redeem({
      code: 'SAVE10',
      trackingId: 'vip@example.com',
      customer: { source_id: 'vip@example.com', email: 'vip@example.com' },
      order: order('order_4'),
    });
    expect(redemptionsPosted()[0]!.body).toMatchObject({ customer: { source_id: 'vip@example.com' }, tracking_id: 'vip@example.com' });
    expect(sandbox.state.customers.get(result.customerId!)?.source_id).toBe('vip@example.com');
  });

  test('an anonymous browser id for someone else than the signed-in customer: the customer wins, without the browser id', async () => {
    const anonymous = await browserTrackingId();
    const result = await server.redeem({ code: 'SAVE10', trackingId: anonymous, customer: { source_id: 'user_42' }, order: order('order_5') });
    // Voucherify refuses two identities in one redeem (ambiguous_tracking_id, nothing written); the helper
    // then sends the authenticated customer alone. Exactly one redemption results.
    expect(redemptionsPosted().map((request) => request.body?.tracking_id)).toEqual([anonymous, undefined]);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
    expect(sandbox.state.customers.get(result.customerId!)?.source_id).toBe('user_42');
  });

  test('ignores a client-sent discount: no discount field reaches Voucherify, and the totals are its own', async () => {
    const tampered = {
      code: 'SAVE10',
      trackingId: null,
      discount: 5999,
      discount_amount: 5999,
      order: {
        ...order('order_6'),
        discount_amount: 5999,
        total_discount_amount: 5999,
        items: [{ source_id: 'sku_tee', quantity: 2, price: 3000, discount_amount: 5999, discount_quantity: 2 }],
      },
    };
    const result = await server.redeem(tampered as never);
    const body = JSON.stringify(redemptionsPosted()[0]!.body);
    expect(body).not.toMatch(/discount/i);
    expect(body).not.toContain('5999');
    expect(result.order).toMatchObject({ totalDiscountAmount: 1000, totalAmount: 5000 });
  });

  test('works without a tracking id: a missing or garbled cookie is no id, and the redeem still goes through', async () => {
    for (const [index, cookie] of ['', 'voucherify_tracking_id=%E0%A4%A', `voucherify_tracking_id=${encodeURIComponent('<script>')}`].entries()) {
      const request = new Request('https://shop.test/checkout', { headers: cookie ? { cookie } : {} });
      const result = await server.redeem({ code: 'SAVE10', request, order: order(`order_anon_${index}`) });
      expect(result.redemptions).toHaveLength(1);
    }
    for (const request of redemptionsPosted()) {
      expect(request.body).not.toHaveProperty('tracking_id');
      expect(request.body).not.toHaveProperty('customer');
    }
    expect(redeemedCodes(sandbox)).toHaveLength(3);
  });

  test.each([
    ['EXPIRED', 'voucher_expired', 400],
    ['NOTYET', 'voucher_not_active', 400],
    ['DISABLED', 'voucher_disabled', 400],
    ['USEDUP', 'quantity_exceeded', 400],
    ['NO-SUCH-CODE', 'not_found', 404],
  ])('an inapplicable code (%s) is a typed api error with the key %s and nothing is redeemed', async (code, key, status) => {
    const error = await server.redeem({ code, trackingId: null, order: order(`order_${code}`) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'api', key, status });
    expect(isRedeemOutcomeUnknown(error)).toBe(false);
    expect(redemptionsPosted()).toHaveLength(1);
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('a rule violation keeps the key: MIN50 below the minimum is order_rules_violated', async () => {
    await expect(server.redeem({ code: 'MIN50', trackingId: null, order: order('order_min', 4000) })).rejects.toMatchObject({
      kind: 'api',
      key: 'order_rules_violated',
    });
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('a 5xx is not retried and is reported as an unknown outcome, with the lookup to do', async () => {
    sandbox.setFaults({ kind: 'status', status: 503, path: '/v1/redemptions' });
    const error = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('order_503') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 503, key: 'outcome_unknown' });
    expect(isRedeemOutcomeUnknown(error)).toBe(true);
    expect((error as Error).message).toMatch(/outcome of this redeem is unknown.*order "order_503"/s);
    expect(redemptionsPosted()).toHaveLength(1);
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('a timeout rejects with kind timeout, says the outcome is unknown, and is not retried', async () => {
    sandbox.setFaults({ kind: 'hang', path: '/v1/redemptions' });
    const error = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('order_hang'), timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'timeout', key: 'outcome_unknown' });
    expect((error as VoucherifyError).message).toMatch(/did not answer within 50 ms.*unknown.*look the redemption up/s);
    expect((error as VoucherifyError).details).toMatch(/getRedemption/);
    expect((error as VoucherifyError).cause).toMatchObject({ kind: 'timeout' });
    expect(redemptionsPosted()).toHaveLength(1);
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('a malformed 200 body is an unknown outcome too (the redemption may have happened)', async () => {
    sandbox.setFaults({ kind: 'malformed_json', path: '/v1/redemptions' });
    await expect(server.redeem({ code: 'SAVE10', trackingId: null, order: order('order_json') })).rejects.toMatchObject({
      kind: 'invalid_response',
      key: 'outcome_unknown',
    });
    expect(redemptionsPosted()).toHaveLength(1);
  });

  test('a 429 is a definite failure: rate_limited with the wait, nothing redeemed, not retried', async () => {
    sandbox.setFaults({ kind: 'rate_limit', retryAfterSeconds: 3, path: '/v1/redemptions' });
    const error = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('order_429') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(isRedeemOutcomeUnknown(error)).toBe(false);
    expect(redemptionsPosted()).toHaveLength(1);
  });

  test('misuse throws a TypeError before any call', async () => {
    await expect(server.redeem({ code: '  ', order: order('x') })).rejects.toThrow(/empty/);
    await expect(server.redeem({ code: 'A'.repeat(101), order: order('x') })).rejects.toThrow(/longer than 100/);
    await expect(server.redeem({ code: 'SAVE10', order: { amount: 100 } })).rejects.toThrow(/order id as `order.source_id`/);
    await expect(server.redeem({ code: 'SAVE10', order: undefined as never })).rejects.toThrow(/server-side `order`/);
    await expect(server.redeem({ code: 'SAVE10', trackingId: 'x'.repeat(257), order: order('x') })).rejects.toThrow(/trackingId must be/);
    expect(sent).toEqual([]);
  });
});
