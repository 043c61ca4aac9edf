import { beforeEach, describe, expect, test } from 'vitest';
import type { Sandbox } from 'voucherkit/sandbox';
import { VoucherifyError, type VoucherifyServer } from 'voucherkit/server';
import { sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;
const trackingId = 'track_9B0kB92+bJa8a/PegaWREw==';

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

describe('customers', () => {
  test('upsert creates once per source_id, get reads by id or by source_id (a tracking id with / + =)', async () => {
    const created = await server.customers.upsert({ source_id: trackingId, email: 'ada@example.com' });
    const again = await server.customers.upsert({ source_id: trackingId, name: 'Ada' });
    expect(again.id).toBe(created.id);
    expect(sandbox.state.customers.size).toBe(1);

    expect(await server.customers.get(created.id)).toMatchObject({ id: created.id, source_id: trackingId, name: 'Ada' });
    expect((await server.customers.get(trackingId)).id).toBe(created.id);
    // The `/` of the tracking id must stay inside one path segment.
    expect(sent.at(-1)!.url.pathname).toBe(`/v1/customers/${encodeURIComponent(trackingId)}`);
  });

  test('update changes only the fields sent, and never the ids', async () => {
    const created = await server.customers.upsert({ source_id: 'ada@example.com', name: 'Ada', metadata: { tier: 'gold' } });
    const updated = await server.customers.update(created.id, { email: 'ada@lovelace.dev', source_id: 'mallory', id: 'cust_x' } as never);
    expect(updated).toMatchObject({ id: created.id, source_id: 'ada@example.com', name: 'Ada', email: 'ada@lovelace.dev' });
    expect(sent.at(-1)!.body).toEqual({ email: 'ada@lovelace.dev' });
  });

  test('an unknown customer is a typed 404', async () => {
    await expect(server.customers.get('cust_nobody')).rejects.toMatchObject({ kind: 'api', status: 404, key: 'not_found' });
  });

  test('misuse rejects with a TypeError before any call', async () => {
    await expect(server.customers.get('')).rejects.toThrow(TypeError);
    await expect(server.customers.update('cust_1', undefined as never)).rejects.toThrow(/fields to change/);
    await expect(server.customers.upsert(null as never)).rejects.toThrow(/needs a customer/);
    expect(sent).toEqual([]);
  });
});

describe('rollback and getRedemption', () => {
  test('rolls back a redeem by its parent redemption, giving the use back', async () => {
    ({ sandbox, sent, server } = sandboxServer({ vouchers: [{ code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 500 }, redemption: { quantity: 1 } }] }));

    const first = await server.redeem({ code: 'ONCE', trackingId: null, order: { source_id: 'o1', amount: 5000 } });
    await expect(server.redeem({ code: 'ONCE', trackingId: null, order: { source_id: 'o2', amount: 5000 } })).rejects.toMatchObject({
      key: 'quantity_exceeded',
    });
    const rollback = await server.rollback(first.parentRedemption!.id, { reason: 'order cancelled', trackingId });
    expect(rollback.parentRollback).toMatchObject({ object: 'redemption_rollback', redemption: first.parentRedemption!.id, reason: 'order cancelled' });
    expect(sent.at(-1)!.url.searchParams.get('reason')).toBe('order cancelled');
    expect(sent.at(-1)!.url.searchParams.get('tracking_id')).toBe(trackingId);

    expect(await server.getRedemption(first.redemptions[0]!.id)).toMatchObject({ object: 'redemption', status: 'ROLLED_BACK' });
    expect(await server.getRedemption(rollback.parentRollback!.id)).toMatchObject({ object: 'redemption_rollback' });
    await expect(server.redeem({ code: 'ONCE', trackingId: null, order: { source_id: 'o3', amount: 5000 } })).resolves.toBeDefined();
  });

  test('rolling back twice is a typed error, and an unknown id a 404', async () => {
    const redeemed = await server.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'o1', amount: 5000 } });
    await server.rollback(redeemed.parentRedemption!.id);
    const error = await server.rollback(redeemed.parentRedemption!.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'api', status: 400, key: 'already_rolled_back' });
    await expect(server.getRedemption('r_nope')).rejects.toMatchObject({ status: 404, key: 'not_found' });
    await expect(server.rollback('')).rejects.toThrow(TypeError);
    await expect(server.getRedemption(' ')).rejects.toThrow(TypeError);
  });
});

describe('redeemVoucher (deprecated single-voucher redemption)', () => {
  test('sends the tracking id as the tracking_id query parameter and customer.source_id, never in the body', async () => {
    const result = await server.redeemVoucher('SAVE10', { trackingId, order: { source_id: 'o_legacy', amount: 5000 } });
    const request = sent.at(-1)!;
    expect(request.url.pathname).toBe('/v1/vouchers/SAVE10/redemption');
    expect(request.url.searchParams.get('tracking_id')).toBe(trackingId);
    expect(request.body).not.toHaveProperty('tracking_id');
    expect(request.body).toMatchObject({ customer: { source_id: trackingId }, order: { source_id: 'o_legacy', amount: 5000 } });
    expect(result.redemption.voucher?.code).toBe('SAVE10');
    expect(result.customerId).toMatch(/^cust_/);
    expect(result.order).toMatchObject({ totalDiscountAmount: 1000 });
    expect((await server.customers.get(result.customerId!)).source_id).toBe(trackingId);
  });

  test('a rejected code is a typed api error and a hang an unknown outcome', async () => {
    await expect(server.redeemVoucher('EXPIRED', { trackingId: null })).rejects.toMatchObject({ kind: 'api', key: 'voucher_expired' });
    sandbox.setFaults({ kind: 'hang' });
    await expect(server.redeemVoucher('SAVE10', { trackingId: null, timeoutMs: 30 })).rejects.toMatchObject({
      kind: 'timeout',
      key: 'outcome_unknown',
    });
  });
});
