// The recovery paths of createRedeemOnce (issue 18): the documented recipe under concurrency, rollbacks, a dead
// server's claim, and a store that stalls or fails. Against the sandbox; a lost answer is injected at the server's
// redeem (processed and lost, or never processed), which is what an outcome_unknown means.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { createMemoryRedeemStore, createRedeemOnce, OUTCOME_UNKNOWN, VoucherifyError, type RedeemParams, type RedeemStore } from 'voucherkit/server';
import { losingAnswers, standingRedemptions } from '../support/lostAnswers.js';
import { redeemOrReconcile } from './recoveryRecipe.js';
import { checkout, redeemCalls, sandboxServer } from './sandboxFetch.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const standing = standingRedemptions;

// Short windows, so "not redeemed" can be concluded within the test: the redeem's timeout and the grace.
const params = (orderId: string): RedeemParams => ({ ...checkout(orderId), timeoutMs: 20 });
const quick = { graceMs: 20 };

describe('the documented recovery recipe under concurrency', () => {
  test('many concurrent runs on two servers sharing a store, after an unknown outcome and with injected delays, redeem an order at most once', async () => {
    let order = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<'lost_after' | 'lost_before'>('lost_after', 'lost_before'),
        fc.array(fc.nat({ max: 120 }), { minLength: 2, maxLength: 8 }),
        fc.tuple(fc.nat({ max: 150 }), fc.nat({ max: 150 })),
        async (firstFate, delays, lookupDelays) => {
          const { sandbox, server } = sandboxServer();
          const flaky = losingAnswers(server, (call) => (call === 0 ? firstFate : 'ok'));
          const store = createMemoryRedeemStore();
          // Two servers: no in-process sharing between them, only the store; each one's lookup is slow by its own delay.
          const servers = lookupDelays.map((ms) =>
            createRedeemOnce({ ...flaky, reconcileRedeem: async (p) => await flaky.reconcileRedeem(p).finally(() => sleep(ms)) }, { store }),
          );
          const orderId = `ord_race_${order++}`;
          const runs = delays.map(async (ms, i) =>
            (await sleep(ms), redeemOrReconcile(servers[i % 2]!, params(orderId), quick)).catch((error: unknown) => error),
          );
          const outcomes = await Promise.all(runs);
          expect(standing(sandbox, orderId)).toBeLessThanOrEqual(1);
          // Whatever each run answered, once the dust settles one more run gets the one redemption.
          for (let attempt = 0; attempt < 20 && standing(sandbox, orderId) === 0; attempt++) {
            await redeemOrReconcile(servers[0]!, params(orderId), quick).catch(() => sleep(30));
          }
          const final = await redeemOrReconcile(servers[1]!, params(orderId), quick);
          expect(standing(sandbox, orderId)).toBe(1);
          for (const outcome of outcomes) {
            if (outcome instanceof Error) expect((outcome as VoucherifyError).key).toMatch(/^(redemption_in_progress|outcome_unknown)$/);
            else expect(outcome).toMatchObject({ parentRedemption: { id: final.parentRedemption!.id } });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('a rolled-back redemption is never reported as redeemed', () => {
  test('reconcileRedeem answers rolled_back, not redeemed, for an order whose only redemption was rolled back', async () => {
    const { server } = sandboxServer();
    const since = Date.now();
    const redeemed = await server.redeem({ codes: ['GIFT50'], trackingId: null, order: { source_id: 'ord_rb', amount: 3000 } });
    await server.rollback(redeemed.parentRedemption!.id, { reason: 'payment declined' });
    const outcome = await server.reconcileRedeem({ orderId: 'ord_rb', codes: ['GIFT50'], since, timeoutMs: 1, graceMs: 1 });
    expect(outcome).toEqual({ status: 'rolled_back', redemptionIds: [redeemed.redemptions[0]!.id] });
  });

  test('payment declined, redeemOnce.rollback, the retry loses its answer: reconcile says rolled_back and the recipe redeems for real', async () => {
    const { sandbox, server } = sandboxServer();
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(
      losingAnswers(server, (call) => (call === 1 ? 'lost_before' : 'ok')),
      { store },
    );
    const gift = { codes: ['GIFT50'], trackingId: null, order: { source_id: 'ord_declined', amount: 3000 }, timeoutMs: 20 };

    const first = await redeemOnce(gift);
    expect(sandbox.state.vouchers.get('GIFT50')!.gift!.balance).toBe(2000);
    await redeemOnce.rollback(gift, { reason: 'payment declined' });
    expect(sandbox.state.vouchers.get('GIFT50')!.gift!.balance).toBe(5000);
    expect(store.get('ord_declined')).toBeUndefined();

    await expect(redeemOnce(gift)).rejects.toMatchObject({ key: OUTCOME_UNKNOWN });
    // A grace wide enough that the lookup window (it opens graceMs before the send) holds the rolled-back redemption.
    const wide = { graceMs: 400 };
    expect(await redeemOnce.reconcile(gift, wide)).toEqual({ status: 'rolled_back', redemptionIds: [first.redemptions[0]!.id] });
    const retried = await redeemOrReconcile(redeemOnce, gift, wide);
    expect(retried.parentRedemption!.id).not.toBe(first.parentRedemption!.id);
    expect(standing(sandbox, 'ord_declined')).toBe(1);
    expect(sandbox.state.vouchers.get('GIFT50')!.gift!.balance).toBe(2000);
    expect(await redeemOnce(gift)).toEqual(retried);
  });
});

describe("a dead server's claim", () => {
  test.each([
    ['redeemed before it died', true, 'redeemed'],
    ['died before sending', false, 'not_redeemed'],
  ] as const)('%s: the expired claim reads unknown with its claim time and reconciles without `since`', async (_, processed, status) => {
    const { sandbox, server } = sandboxServer();
    const store = createMemoryRedeemStore({ timeoutMs: 20, marginMs: 20 });
    // The dying server: its redeem (maybe sent) never comes back to record an outcome.
    const dying = createRedeemOnce({ redeem: async (p) => (processed ? await server.redeem(p) : undefined, new Promise<never>(() => undefined)) }, { store });
    const before = Date.now();
    void dying(params('ord_dead'));
    await sleep(80);
    expect(store.get('ord_dead')).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    expect((store.get('ord_dead') as { sentAt: number }).sentAt).toBeGreaterThanOrEqual(before);

    const survivor = createRedeemOnce(server, { store });
    await expect(survivor(params('ord_dead'))).rejects.toMatchObject({ key: OUTCOME_UNKNOWN });
    expect(await survivor.reconcile(params('ord_dead'), quick)).toMatchObject({ status });
    const result = await survivor(params('ord_dead'));
    expect(result.redemptions).toHaveLength(1);
    expect(standing(sandbox, 'ord_dead')).toBe(1);
  });
});

describe('a store that stalls or fails', () => {
  const stalled = (): RedeemStore => {
    const memory = createMemoryRedeemStore();
    return { ...memory, claim: () => new Promise(() => undefined) };
  };

  test('a stalled store fails the call with store_unavailable after storeTimeoutMs, and nothing is sent (fail closed)', async () => {
    const { sent, server } = sandboxServer();
    const redeemOnce = createRedeemOnce(server, { store: stalled(), storeTimeoutMs: 50 });
    await expect(redeemOnce(checkout('ord_stall'))).rejects.toMatchObject({ kind: 'redeem_guard', key: 'store_unavailable', status: 503 });
    expect(redeemCalls(sent)).toBe(0);
  });

  test('a save slower than storeTimeoutMs after a redeem: redemption_not_recorded with the result, and the order is never freed', async () => {
    const { sandbox, server } = sandboxServer();
    const memory = createMemoryRedeemStore();
    const slow: RedeemStore = { ...memory, save: async (...args) => (await sleep(200), memory.save(...args)) };
    const redeemOnce = createRedeemOnce(server, { store: slow, storeTimeoutMs: 50 });
    await expect(redeemOnce(checkout('ord_slow'))).rejects.toMatchObject({ key: 'redemption_not_recorded', result: { redemptions: [expect.anything()] } });
    await sleep(250);
    expect(memory.get('ord_slow')?.state).toMatch(/^(redeemed|unknown|pending)$/);
    await expect(redeemOnce(checkout('ord_slow')))
      .resolves.toMatchObject({ redemptions: [expect.anything()] })
      .catch(() => undefined);
    expect(standing(sandbox, 'ord_slow')).toBe(1);
  });

  test('a release that fails after a refused code: the next request is told the claim was not released, not "already redeemed"', async () => {
    const { sandbox, server } = sandboxServer();
    const memory = createMemoryRedeemStore();
    const store: RedeemStore = { ...memory, release: () => Promise.reject(new Error('connection lost')) };
    const redeemOnce = createRedeemOnce(server, { store });
    await expect(redeemOnce(checkout('ord_norelease', 'EXPIRED'))).rejects.toMatchObject({ key: 'voucher_expired' });
    const error = (await redeemOnce(checkout('ord_norelease', 'SAVE10')).catch((e: unknown) => e)) as VoucherifyError;
    expect(error).toMatchObject({ kind: 'redeem_guard', key: 'idempotency_conflict' });
    expect(error.message).not.toMatch(/already redeemed/);
    expect(error.message).toMatch(/could not release/);
    expect(standing(sandbox, 'ord_norelease')).toBe(0);
  });

  test('the guard says its own refusals with kind redeem_guard, and a store must have every method reconcile needs', async () => {
    const { server } = sandboxServer();
    const redeemOnce = createRedeemOnce(server);
    const [a, b] = await Promise.allSettled([redeemOnce(checkout('ord_twice')), redeemOnce(checkout('ord_twice', 'PERCENT15'))]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { kind: 'redeem_guard', key: 'idempotency_conflict' } });
    const { get: _get, ...withoutGet } = createMemoryRedeemStore();
    expectTypeOf(withoutGet).not.toExtend<RedeemStore>();
    expect(() => createRedeemOnce(server, { store: withoutGet as RedeemStore })).toThrow(/claim, save, release and get/);
  });
});
