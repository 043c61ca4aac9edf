import { describe, expect, test } from 'vitest';
import { readTrackingIdResult } from 'voucherkit/server';
import { redeemedCodes, sandboxServer } from './sandboxFetch.js';

// Which ids the server helper forwards: a cookie is the shopper's to edit, so only ids Voucherify issued
// (`track_…`) are read from it; an id the merchant's own server code passes is trusted as given.

const order = (id: string, amount = 6000) => ({ source_id: id, amount });
const FORGED_COOKIE = 'voucherify_tracking_id=vip%40example.com';
const cookieRequest = (cookie: string) => new Request('https://shop.test/checkout', { method: 'POST', headers: { cookie } });

describe('a forged tracking cookie never names a customer', () => {
  test('readTrackingIdResult refuses a cookie that holds an e-mail and says why', () => {
    expect(readTrackingIdResult(FORGED_COOKIE)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('redeem with the cookie vip%40example.com sends neither customer.source_id nor tracking_id from it', async () => {
    const { server, sent, sandbox } = sandboxServer();
    const error = await server.redeem({ code: 'VIPONLY', request: cookieRequest(FORGED_COOKIE), order: order('order_forged') }).catch((e: unknown) => e);
    const posted = sent.filter((request) => request.url.pathname === '/v1/redemptions');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body?.tracking_id).toBeUndefined();
    expect((posted[0]!.body?.customer as { source_id?: string } | undefined)?.source_id).toBeUndefined();
    expect(posted[0]!.url.searchParams.has('tracking_id')).toBe(false);
    expect(JSON.stringify(posted[0]!.body)).not.toContain('vip@example.com');
    // The customer-only code is refused: the shopper is anonymous, not the VIP.
    expect(error).toMatchObject({ kind: 'api' });
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('validate with the forged cookie does not send it either', async () => {
    const { server, sent } = sandboxServer();
    const result = await server.validate({ code: 'VIPONLY', request: cookieRequest(FORGED_COOKIE), order: order('order_v') });
    expect(result.valid).toBe(false);
    expect(JSON.stringify(sent.map((request) => [request.url.search, request.body]))).not.toContain('vip');
  });
});

describe("an explicit id from the merchant's server code stays free", () => {
  test.each(['vip@example.com', 'Customer 42', 'crm:0001/ä'])('redeem sends the explicit trackingId %s as given', async (trackingId) => {
    const { server, sent } = sandboxServer();
    await server.redeem({ code: 'SAVE10', trackingId, order: order('order_explicit') });
    const posted = sent.filter((request) => request.url.pathname === '/v1/redemptions');
    expect(posted[0]!.body).toMatchObject({ customer: { source_id: trackingId }, tracking_id: trackingId });
  });

  test('the explicit id wins over a cookie', async () => {
    const { server, sent } = sandboxServer();
    await server.redeem({ code: 'SAVE10', trackingId: 'user 42', request: cookieRequest(FORGED_COOKIE), order: order('order_both') });
    const posted = sent.filter((request) => request.url.pathname === '/v1/redemptions');
    expect(posted[0]!.body).toMatchObject({ tracking_id: 'user 42' });
  });

  test.each([
    ['a number', 42],
    ['an empty string', ''],
    ['257 characters', 'x'.repeat(257)],
    ['a control character', 'user\n42'],
  ])('an explicit trackingId that is %s is a TypeError naming the field, before any call', async (_name, trackingId) => {
    const { server, sent } = sandboxServer();
    await expect(server.redeem({ code: 'SAVE10', trackingId: trackingId as string, order: order('order_bad') })).rejects.toThrow(TypeError);
    await expect(server.validate({ code: 'SAVE10', trackingId: trackingId as string })).rejects.toThrow(/trackingId/);
    expect(sent).toEqual([]);
  });
});
