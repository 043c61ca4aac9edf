import { beforeEach, describe, expect, test } from 'vitest';
import type { Sandbox } from 'voucherkit/sandbox';
import type { VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

describe('validate (server side)', () => {
  test('returns the core ValidationResult computed on the server order, and redeems nothing', async () => {
    const result = await server.validate({ code: 'HALFCAP', order: { amount: 10_000 } });
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.discount).toMatchObject({ type: 'PERCENT', percent_off: 50, amount_limit: 2000 });
    expect(result.order).toMatchObject({ amount: 10_000, totalDiscountAmount: 2000, totalAmount: 8000 });
    expect(sent[0]!.url.pathname).toBe('/v1/validations');
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('an invalid code is a result, not an error', async () => {
    const result = await server.validate({ code: 'EXPIRED', order: { amount: 5000 } });
    expect(result).toMatchObject({ valid: false, rejection: { key: 'voucher_expired' } });
  });

  test('sends the tracking id read from the request, and strips client discounts from the order', async () => {
    // The cookie holds the VIP's id as Voucherify issued it (hashed from the identity), never the raw e-mail.
    const vip = (await server.validate({ code: 'SAVE10', trackingId: 'vip@example.com', order: { amount: 5000 } })).trackingId;
    expect(vip).toMatch(/^track_/);
    const request = new Request('https://shop.test', { headers: { cookie: `voucherify_tracking_id=${encodeURIComponent(vip!)}` } });
    const result = await server.validate({ code: 'VIPONLY', request, order: { amount: 5000, discount_amount: 4000 } as never });
    expect(result.valid).toBe(true);
    expect(sent[1]!.body).toMatchObject({ tracking_id: vip, customer: { source_id: vip } });
    expect(sent[1]!.body?.order).toEqual({ amount: 5000 });
  });

  test('locks the code with a validation session and hands back its key for redeem', async () => {
    const result = await server.validate({ code: 'SAVE10', order: { amount: 5000 }, session: { type: 'LOCK' } });
    expect(result.sessionKey).toEqual(expect.any(String));
    await server.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'o_lock', amount: 5000 }, session: { key: result.sessionKey! } });
    expect(sent.at(-1)!.body?.session).toEqual({ type: 'LOCK', key: result.sessionKey });
  });
});
