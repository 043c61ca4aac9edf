// Money faults of the redeem-once guard (issue 10, defects 5–7): each one, if it came back, redeems an order twice
// or hands a shopper an older, lower total.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { orderFingerprint } from 'voucherkit/core';
import type { Sandbox } from 'voucherkit/sandbox';
import { createMemoryRedeemStore, createRedeemOnce, VoucherifyError, type RedeemRecord, type RedeemStore, type VoucherifyServer } from 'voucherkit/server';
import { collidingCode } from './fnvCollision.js';
import { redeemedCodes, checkout, redeemCalls as countRedeems, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;
const redeemCalls = () => countRedeems(sent);

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

/** A memory store whose `save` fails for the records `failing` picks, as a database that drops its connection would. */
function failingSaves(failing: (record: RedeemRecord) => boolean) {
  const memory = createMemoryRedeemStore();
  const store: RedeemStore = {
    claim: (orderId, record) => memory.claim(orderId, record),
    save(orderId, record, owner) {
      if (failing(record)) throw new Error('connection to the database lost');
      return memory.save(orderId, record, owner);
    },
    release: (orderId, owner) => memory.release(orderId, owner),
    get: (orderId) => memory.get(orderId),
  };
  return { memory, store };
}

describe('a store that fails after a successful redeem (defect 5)', () => {
  test('keeps the claim as unknown and throws redemption_not_recorded with the result; the retry redeems nothing', async () => {
    const { memory, store } = failingSaves((record) => record.state === 'redeemed');
    const redeemOnce = createRedeemOnce(server, { store });

    const error = await redeemOnce(checkout('order_save_1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'redeem_guard', key: 'redemption_not_recorded', result: { redemptions: [expect.anything()] } });
    const parentId = (error as { result: { parentRedemption: { id: string } } }).result.parentRedemption.id;
    expect((error as VoucherifyError).details).toContain(parentId);
    expect(memory.get('order_save_1')).toMatchObject({ state: 'unknown', error: { key: 'redemption_not_recorded' } });

    const retry = await redeemOnce(checkout('order_save_1')).catch((e: unknown) => e);
    expect(retry).toMatchObject({ kind: 'redeem_guard', key: 'redemption_not_recorded' });
    expect(redeemCalls()).toBe(1);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('when the store cannot even mark it unknown, the pending claim stays: the retry is told a redeem is in progress', async () => {
    const { memory, store } = failingSaves(() => true);
    const redeemOnce = createRedeemOnce(server, { store });

    await expect(redeemOnce(checkout('order_save_2'))).rejects.toMatchObject({ key: 'redemption_not_recorded' });
    expect(memory.get('order_save_2')).toMatchObject({ state: 'pending' });
    await expect(redeemOnce(checkout('order_save_2'))).rejects.toMatchObject({ key: 'redemption_in_progress' });
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('a store that fails to release after a definite failure keeps the claim and reports the definite failure', async () => {
    const memory = createMemoryRedeemStore();
    const store: RedeemStore = {
      claim: (orderId, record) => memory.claim(orderId, record),
      save: (orderId, record, owner) => memory.save(orderId, record, owner),
      release: () => Promise.reject(new Error('connection to the database lost')),
      get: (orderId) => memory.get(orderId),
    };
    const redeemOnce = createRedeemOnce(server, { store });
    await expect(redeemOnce(checkout('order_save_3', 'EXPIRED'))).rejects.toMatchObject({ key: 'voucher_expired' });
    expect(memory.get('order_save_3')).toMatchObject({ state: 'pending' });
    expect(redeemedCodes(sandbox)).toEqual([]);
  });
});

describe('a caller that stops waiting (defect 6)', () => {
  test('an abort after the request was sent stops only that caller: the redeem completes, is stored, and the retry gets it', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 80, path: '/v1/redemptions' });
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const shopper = new AbortController();
    const closedTab = redeemOnce({ ...checkout('order_abort_1'), signal: shopper.signal }).catch((e: unknown) => e);
    const doubleSubmit = redeemOnce(checkout('order_abort_1'));
    await vi.waitFor(() => expect(redeemCalls()).toBe(1));

    shopper.abort();
    expect(await closedTab).toMatchObject({ name: 'AbortError' });
    const result = await doubleSubmit;
    expect(result.redemptions).toHaveLength(1);
    expect(store.get('order_abort_1')).toMatchObject({ state: 'redeemed' });

    expect(await redeemOnce(checkout('order_abort_1'))).toEqual(result);
    expect(redeemCalls()).toBe(1);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('the only caller aborting after the send still gets its redemption stored', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 80, path: '/v1/redemptions' });
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const shopper = new AbortController();
    const closedTab = redeemOnce({ ...checkout('order_abort_2'), signal: shopper.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(redeemCalls()).toBe(1));
    shopper.abort();
    expect(await closedTab).toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(store.get('order_abort_2')).toMatchObject({ state: 'redeemed' }));
    await expect(redeemOnce(checkout('order_abort_2'))).resolves.toMatchObject({ redemptions: [expect.anything()] });
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('an abort before anything was sent sends nothing and leaves the order free', async () => {
    const memory = createMemoryRedeemStore();
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const slowClaim: RedeemStore = {
      claim: async (orderId, record) => (await gate, memory.claim(orderId, record)),
      save: (orderId, record, owner) => memory.save(orderId, record, owner),
      release: (orderId, owner) => memory.release(orderId, owner),
      get: (orderId) => memory.get(orderId),
    };
    const redeemOnce = createRedeemOnce(server, { store: slowClaim });

    const aborted = new AbortController();
    aborted.abort();
    await expect(redeemOnce({ ...checkout('order_abort_3'), signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const shopper = new AbortController();
    const closedTab = redeemOnce({ ...checkout('order_abort_4'), signal: shopper.signal }).catch((e: unknown) => e);
    shopper.abort();
    expect(await closedTab).toMatchObject({ name: 'AbortError' });
    openGate();
    await vi.waitFor(() => expect(memory.get('order_abort_4')).toBeUndefined());
    expect(memory.get('order_abort_3')).toBeUndefined();
    expect(redeemCalls()).toBe(0);
  });
});

describe('the fingerprint of a redeem-once record (defect 7)', () => {
  const items = [{ source_id: 'sku_tee', quantity: 2, price: 3000 }];

  test('a crafted code whose old 32-bit fingerprint collides, with a 100× cart, is refused instead of getting the old total', async () => {
    const redeemOnce = createRedeemOnce(server);
    const first = await redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: 'order_fp_1', amount: 6000, items } });
    expect(first.order?.totalAmount).toBeLessThan(6000);

    // The attack on the old format: same length, same FNV-1a hash, a cart 100 times larger and no items.
    const [hash, length] = orderFingerprint({ codes: ['SAVE10'], amount: 6000, items })
      .split('.')
      .map((part) => Number.parseInt(part, 36));
    const prefix = '{"amount":600000,"codes":["';
    const suffix = '"],"items":null}';
    const code = collidingCode(prefix, suffix, hash!, length! - prefix.length - suffix.length)!;
    expect(orderFingerprint({ codes: [code], amount: 600000, items: null })).toBe(orderFingerprint({ codes: ['SAVE10'], amount: 6000, items }));

    const attack = await redeemOnce({ code, trackingId: null, order: { source_id: 'order_fp_1', amount: 600000 } }).catch((e: unknown) => e);
    expect(attack).toBeInstanceOf(VoucherifyError);
    expect(attack).toMatchObject({ status: 409, key: 'idempotency_conflict' });
    expect(redeemCalls()).toBe(1);
  });

  test('records keep a SHA-256 digest of the canonical request, equal whatever the key and code order', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const first = await redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: 'order_fp_2', amount: 6000, items } });
    expect(store.get('order_fp_2')?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const reordered = { items: [{ price: 3000, quantity: 2, source_id: 'sku_tee' }], amount: 6000, source_id: 'order_fp_2' };
    expect(await redeemOnce({ codes: [' SAVE10'], trackingId: null, order: reordered })).toEqual(first);
    expect(redeemCalls()).toBe(1);
  });

  test("another customer or other metadata for the same order id is a conflict, not the first shopper's result", async () => {
    const redeemOnce = createRedeemOnce(server);
    const order = { source_id: 'order_fp_3', amount: 6000 };
    await redeemOnce({ code: 'SAVE10', trackingId: null, customer: { source_id: 'cus_alice' }, order });
    await expect(redeemOnce({ code: 'SAVE10', trackingId: null, customer: { source_id: 'cus_bob' }, order })).rejects.toMatchObject({
      key: 'idempotency_conflict',
    });
    await expect(redeemOnce({ code: 'SAVE10', trackingId: null, customer: { source_id: 'cus_alice' }, order, metadata: { gift: true } })).rejects.toMatchObject(
      {
        key: 'idempotency_conflict',
      },
    );
    expect(redeemCalls()).toBe(1);
  });

  test('a record stored with the old 32-bit fingerprint never matches after the upgrade: idempotency_conflict, no second redeem', async () => {
    const store = createMemoryRedeemStore();
    const result = await server.redeem(checkout('order_fp_4'));
    // As 0.1 left it: a redeemed record under the old fingerprint (and no owner, as records had none then).
    const old = orderFingerprint({ codes: ['SAVE10'], amount: 6000, items: null });
    store.claim('order_fp_4', { state: 'pending', fingerprint: old, owner: '' });
    store.save('order_fp_4', { state: 'redeemed', fingerprint: old, owner: '', result }, '');
    const redeemOnce = createRedeemOnce(server, { store });
    await expect(redeemOnce(checkout('order_fp_4'))).rejects.toMatchObject({ status: 409, key: 'idempotency_conflict' });
    expect(redeemCalls()).toBe(1);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });
});
