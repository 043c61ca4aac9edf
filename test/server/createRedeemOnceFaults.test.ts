// Money faults of the redeem-once guard (issue 10, defects 5–7): each one, if it came back, redeems an order twice
// or hands a shopper an older, lower total.
import { beforeEach, describe, expect, test, vi } from 'vitest';
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
      save: (orderId, record) => memory.save(orderId, record),
      release: (orderId) => memory.release(orderId),
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
