import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Sandbox } from 'voucherkit/sandbox';
import { createMemoryRedeemStore, createRedeemOnce, type RedeemParams, type VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

const order = (orderId: string) => ({ source_id: orderId, amount: 6000, items: [{ source_id: 'sku_mug', quantity: 3, price: 2000 }] });
const nothing = {
  redeemed: false,
  redemptions: [],
  parentRedemption: null,
  order: {
    amount: 6000,
    discountAmount: 0,
    itemsDiscountAmount: 0,
    totalDiscountAmount: 0,
    totalAmount: 6000,
    appliedDiscountAmount: 0,
    totalAppliedDiscountAmount: 0,
  },
  customerId: null,
  trackingId: null,
  inapplicable: [],
  raw: null,
};

describe('redeem without a code (an order with no voucher is normal)', () => {
  test.each<[string, Partial<RedeemParams>]>([
    ['codes: []', { codes: [] }],
    ['no code at all', {}],
    [
      'codes: [] beside a tracking cookie',
      { codes: [], request: new Request('https://shop.test', { headers: { cookie: 'voucherify_tracking_id=track_abc' } }) },
    ],
  ])('%s resolves redeemed: false with the order at full price and sends nothing', async (_, extra) => {
    const result = await server.redeem({ order: order('order_1'), ...extra });
    expect(result).toEqual(nothing);
    expect(sent).toEqual([]);
    expect(redeemedCodes(sandbox)).toEqual([]);
  });

  test('an order without an amount has no totals (null), as when Voucherify does not say', async () => {
    const result = await server.redeem({ codes: [], order: { source_id: 'order_2' } });
    expect(result).toMatchObject({ redeemed: false, order: null, redemptions: [] });
  });

  test('a redeem with a code says redeemed: true', async () => {
    const result = await server.redeem({ code: 'SAVE10', trackingId: null, order: order('order_3') });
    expect(result.redeemed).toBe(true);
    expect(result.order?.totalAmount).toBe(5000);
  });

  test('misuse is still a TypeError before any call: no order id, a bad amount, a bad tracking id, a blank code', async () => {
    await expect(server.redeem({ codes: [], order: { amount: 100 } })).rejects.toThrow(/order id as `order.source_id`/);
    await expect(server.redeem({ codes: [], order: { source_id: 'x', amount: Number.NaN } })).rejects.toThrow(/`order.amount`/);
    await expect(server.redeem({ codes: [], order: order('x'), trackingId: 'x'.repeat(257) })).rejects.toThrow(/trackingId must be/);
    await expect(server.redeem({ codes: 'SAVE10' as never, order: order('x') })).rejects.toThrow(/`codes`/);
    // A blank string is a form bug to see, not "no code": send `codes: []` or leave `code` out.
    await expect(server.redeem({ code: '', order: order('x') })).rejects.toThrow(/empty/);
    await expect(server.redeem({ codes: [''], order: order('x') })).rejects.toThrow(/empty/);
    expect(sent).toEqual([]);
  });

  test('an aborted signal still stops the call', async () => {
    const controller = new AbortController();
    controller.abort(new Error('left'));
    await expect(server.redeem({ codes: [], order: order('x'), signal: controller.signal })).rejects.toThrow('left');
  });
});

describe('redeemOnce without a code', () => {
  test('resolves redeemed: false, sends nothing and claims nothing in the store', async () => {
    const store = createMemoryRedeemStore();
    const claim = vi.spyOn(store, 'claim');
    const save = vi.spyOn(store, 'save');
    const redeemOnce = createRedeemOnce(server, { store });
    expect(await redeemOnce({ codes: [], order: order('order_4') })).toEqual(nothing);
    expect(await redeemOnce({ order: order('order_4') })).toEqual(nothing);
    expect(claim).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  test('a retry of the same order with a code is a new request: it redeems, no idempotency_conflict', async () => {
    const redeemOnce = createRedeemOnce(server);
    await redeemOnce({ codes: [], trackingId: null, order: order('order_5') });
    const result = await redeemOnce({ codes: ['SAVE10'], trackingId: null, order: order('order_5') });
    expect(result.redeemed).toBe(true);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('misuse is a TypeError naming redeemOnce, before any call', async () => {
    const redeemOnce = createRedeemOnce(server);
    await expect(redeemOnce({ codes: [], order: { amount: 100 } })).rejects.toThrow(/^redeemOnce needs your order id/);
    await expect(redeemOnce({ codes: [], order: { source_id: 'x', amount: -1 } })).rejects.toThrow(/^redeemOnce: `order.amount`/);
    expect(sent).toEqual([]);
  });
});

describe('RedeemResult.redeemed in stored records', () => {
  test('a record stored before `redeemed` existed (a shared store across an upgrade) is answered as redeemed: true', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const params = { code: 'SAVE10', trackingId: null, order: order('order_6') };
    await redeemOnce(params);
    const record = await store.claim('order_6', { state: 'pending', fingerprint: 'x', owner: 'test' });
    if (record?.state !== 'redeemed') throw new Error('expected the stored redeem');
    const { redeemed: _, ...older } = record.result;
    await store.save('order_6', { ...record, result: older as typeof record.result }, record.owner);
    const again = await redeemOnce(params);
    expect(again.redeemed).toBe(true);
    expect(again.redemptions).toHaveLength(1);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });
});
