import { beforeEach, describe, expect, test } from 'vitest';
import type { Sandbox } from 'voucherkit/sandbox';
import { createMemoryRedeemStore, createRedeemOnce, isRedeemOutcomeUnknown, VoucherifyError, type VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, checkout, redeemCalls as countRedeems, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;
const redeemCalls = () => countRedeems(sent);

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

describe('createRedeemOnce (the order-id idempotency pattern)', () => {
  test('two concurrent redeems for one order id make one Voucherify call and one redemption; both get its result', async () => {
    const redeemOnce = createRedeemOnce(server);
    const [first, second] = await Promise.all([redeemOnce(checkout('order_1')), redeemOnce(checkout('order_1'))]);
    expect(redeemCalls()).toBe(1);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
    expect(second).toBe(first);
  });

  test('the same, without the helper, makes two redemptions (why the pattern exists)', async () => {
    await Promise.all([server.redeem(checkout('order_1')), server.redeem(checkout('order_1'))]);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10', 'SAVE10']);
  });

  test('a later repeat (a double submit, a reload) gets the stored result without a call', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    const first = await redeemOnce(checkout('order_2'));
    const again = await redeemOnce(checkout('order_2'));
    expect(again).toEqual(first);
    expect(redeemCalls()).toBe(1);
    expect(store.get('order_2')).toMatchObject({ state: 'redeemed', result: { customerId: first.customerId } });
    // A different order is a different redemption.
    await redeemOnce(checkout('order_3'));
    expect(redeemedCodes(sandbox)).toHaveLength(2);
  });

  test('two servers sharing one store: the second is told a redeem is in progress, then gets the stored result', async () => {
    const store = createMemoryRedeemStore();
    const a = createRedeemOnce(server, { store });
    const b = createRedeemOnce(server, { store });
    // A redeem slower than the fingerprint digest, so the second server's claim lands while the first is pending.
    sandbox.setFaults({ kind: 'latency', ms: 50, path: '/v1/redemptions' });
    const [fromA, fromB] = await Promise.allSettled([a(checkout('order_4')), b(checkout('order_4'))]);
    expect(fromA.status).toBe('fulfilled');
    expect(fromB).toMatchObject({ status: 'rejected', reason: { kind: 'redeem_guard', status: 409, key: 'redemption_in_progress' } });
    expect(await b(checkout('order_4'))).toEqual((fromA as PromiseFulfilledResult<unknown>).value);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('the same order id with other codes is refused without a call', async () => {
    const redeemOnce = createRedeemOnce(server);
    await redeemOnce(checkout('order_5', 'SAVE10'));
    const error = await redeemOnce(checkout('order_5', 'PERCENT15')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ status: 409, key: 'idempotency_conflict' });
    // Two requests at once: each digests its request first (async), so either may reach the order first. Exactly
    // one redeems; the other is refused without a call. (Which one was seen to vary on a loaded machine.)
    const codes = ['SAVE10', 'PERCENT15'];
    const concurrent = await Promise.allSettled(codes.map((code) => redeemOnce(checkout('order_6', code))));
    const won = concurrent.findIndex((outcome) => outcome.status === 'fulfilled');
    expect(won).toBeGreaterThanOrEqual(0);
    expect(concurrent[1 - won]).toMatchObject({ status: 'rejected', reason: { key: 'idempotency_conflict' } });
    expect(redeemCalls()).toBe(2);
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10', codes[won]]);
  });

  test('a definite failure frees the order: the shopper can fix the code and try again', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    await expect(redeemOnce(checkout('order_7', 'EXPIRED'))).rejects.toMatchObject({ key: 'voucher_expired' });
    expect(store.get('order_7')).toBeUndefined();
    // A new cart state for the same order: the helper compares codes and amounts only with a stored record.
    await expect(redeemOnce(checkout('order_7', 'SAVE10'))).resolves.toMatchObject({ redemptions: [expect.anything()] });
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('an unknown outcome (timeout) stays recorded: no retry until the merchant reconciles and releases it', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    sandbox.setFaults({ kind: 'hang', path: '/v1/redemptions', times: 1 });
    const first = await redeemOnce({ ...checkout('order_8'), timeoutMs: 30 }).catch((e: unknown) => e);
    expect(isRedeemOutcomeUnknown(first)).toBe(true);
    expect(store.get('order_8')).toMatchObject({ state: 'unknown', error: { kind: 'timeout', key: 'outcome_unknown' } });

    const repeat = await redeemOnce(checkout('order_8')).catch((e: unknown) => e);
    expect(repeat).toBeInstanceOf(VoucherifyError);
    expect(repeat).toMatchObject({ kind: 'timeout', key: 'outcome_unknown' });
    expect(redeemCalls()).toBe(1);

    // Reconciled (here: nothing was redeemed), the merchant releases the order and redeems again.
    expect(redeemedCodes(sandbox)).toEqual([]);
    store.release('order_8', store.get('order_8')!.owner); // a release names the record's owner
    await redeemOnce(checkout('order_8'));
    expect(redeemedCodes(sandbox)).toEqual(['SAVE10']);
  });

  test('needs the order id', async () => {
    const redeemOnce = createRedeemOnce(server);
    await expect(redeemOnce({ code: 'SAVE10', order: { amount: 100 } })).rejects.toThrow(/order id/);
    expect(sent).toEqual([]);
  });
});
