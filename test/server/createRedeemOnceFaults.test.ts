// Money faults of the redeem-once guard (issue 10, defects 5–7): each one, if it came back, redeems an order twice
// or hands a shopper an older, lower total.
import { beforeEach, describe, expect, test } from 'vitest';
import type { Sandbox } from 'voucherkit/sandbox';
import {
  createMemoryRedeemStore,
  createRedeemOnce,
  VoucherifyError,
  type RedeemRecord,
  type RedeemStore,
  type VoucherifyServer,
} from 'voucherkit/server';
import { redeemedCodes, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;
const redeemCalls = () => sent.filter((request) => request.url.pathname === '/v1/redemptions').length;
const checkout = (orderId: string, code = 'SAVE10') => ({ code, trackingId: null, order: { source_id: orderId, amount: 6000 } });

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

/** A memory store whose `save` fails for the records `failing` picks, as a database that drops its connection would. */
function failingSaves(failing: (record: RedeemRecord) => boolean) {
  const memory = createMemoryRedeemStore();
  const store: RedeemStore = {
    claim: (orderId, record) => memory.claim(orderId, record),
    save(orderId, record) {
      if (failing(record)) throw new Error('connection to the database lost');
      return memory.save(orderId, record);
    },
    release: (orderId) => memory.release(orderId),
  };
  return { memory, store };
}

describe('a store that fails after a successful redeem (defect 5)', () => {
  test('keeps the claim as unknown and throws redemption_not_recorded with the result; the retry redeems nothing', async () => {
    const { memory, store } = failingSaves((record) => record.state === 'redeemed');
    const redeemOnce = createRedeemOnce(server, { store });

    const error = await redeemOnce(checkout('order_save_1')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'api', key: 'redemption_not_recorded', result: { redemptions: [expect.anything()] } });
    const parentId = (error as { result: { parentRedemption: { id: string } } }).result.parentRedemption.id;
    expect((error as VoucherifyError).details).toContain(parentId);
    expect(memory.get('order_save_1')).toMatchObject({ state: 'unknown', error: { key: 'redemption_not_recorded' } });

    const retry = await redeemOnce(checkout('order_save_1')).catch((e: unknown) => e);
    expect(retry).toMatchObject({ kind: 'api', key: 'redemption_not_recorded' });
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
      save: (orderId, record) => memory.save(orderId, record),
      release: () => Promise.reject(new Error('connection to the database lost')),
    };
    const redeemOnce = createRedeemOnce(server, { store });
    await expect(redeemOnce(checkout('order_save_3', 'EXPIRED'))).rejects.toMatchObject({ key: 'voucher_expired' });
    expect(memory.get('order_save_3')).toMatchObject({ state: 'pending' });
    expect(redeemedCodes(sandbox)).toEqual([]);
  });
});
