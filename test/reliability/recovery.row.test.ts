// Matrix rows of the redeem guard's recovery paths (issue 18): the documented recipe under concurrency, a
// rollback, a dead server's claim, timers, and a store that stalls, is slow, cannot release, is corrupt or runs
// on another clock. Against a sandbox served over HTTP on 127.0.0.1, and a real redis-server where Redis is named.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import {
  createMemoryRedeemStore,
  createRedeemOnce,
  createRedisRedeemStore,
  createVoucherifyServer,
  type RedeemParams,
  type RedeemStore,
  type VoucherifyServer,
} from 'voucherkit/server';
import { createClient } from 'redis';
import { redeemOrReconcile } from '../server/recoveryRecipe.js';
import { losingAnswers, standingRedemptions } from '../support/lostAnswers.js';
import { startRedis, type RunningRedis } from '../server/redisServer.js';
import { describeFailure, did, saw, settle } from './rowMeta.js';

const running: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});
let redis: RunningRedis;
const connect = (url: string) => createClient({ url }).connect();
let client: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  redis = await startRedis();
  client = await connect(redis.url);
}, 30_000);
afterAll(async () => {
  await client?.close();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function served() {
  const server = await startSandboxServer();
  running.push(server);
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: server.url });
  const standing = (orderId: string) => standingRedemptions(server.sandbox, orderId);
  return { server, voucherify, standing };
}

/** The first redeem's answer is lost (`processed`: after Voucherify redeemed; else before it saw the request). */
const losingFirst = (voucherify: VoucherifyServer, processed: boolean) =>
  losingAnswers(voucherify, (call) => (call > 0 ? 'ok' : processed ? 'lost_after' : 'lost_before'));

const params = (orderId: string, code = 'SAVE10'): RedeemParams => ({ code, trackingId: null, order: { source_id: orderId, amount: 6000 }, timeoutMs: 50 });

describe('recovery (money)', () => {
  it('concurrent recovery recipe', async (context) => {
    did(
      context,
      '8 runs of the documented recipe on two servers sharing a store, at staggered moments, after the first answer was lost unprocessed; lookups slow by 0 and 120 ms',
    );
    const { voucherify, standing } = await served();
    const flaky = losingFirst(voucherify, false);
    const store = createMemoryRedeemStore();
    const servers = [0, 120].map((ms) => createRedeemOnce({ ...flaky, reconcileRedeem: (p) => flaky.reconcileRedeem(p).finally(() => sleep(ms)) }, { store }));
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => (await sleep(i * 15), settle(redeemOrReconcile(servers[i % 2]!, params('ord_race'), { graceMs: 50 })))),
    );
    const told = outcomes.map((o) => (o.error ? describeFailure(o.error) : 'redeemed'));
    saw(context, `${standing('ord_race')} redemption(s) for the order; runs answered: ${[...new Set(told)].join(' / ')}`);
    expect(standing('ord_race')).toBeLessThanOrEqual(1);
  });

  it('rollback then a lost retry', async (context) => {
    did(context, 'redeemOnce GIFT50, payment declined, redeemOnce.rollback, the retry loses its answer unprocessed, the recipe runs');
    const { voucherify, server, standing } = await served();
    const flaky = losingAnswers(voucherify, (call) => (call === 1 ? 'lost_before' : 'ok'));
    const redeemOnce = createRedeemOnce(flaky);
    const gift = { ...params('ord_gift', 'GIFT50'), order: { source_id: 'ord_gift', amount: 3000 } };
    await redeemOnce(gift);
    await redeemOnce.rollback(gift, { reason: 'payment declined' });
    await settle(redeemOnce(gift));
    const outcome = await redeemOnce.reconcile(gift, { graceMs: 400 });
    const retried = await redeemOrReconcile(redeemOnce, gift, { graceMs: 400 });
    const balance = server.sandbox.state.vouchers.get('GIFT50')!.gift!.balance;
    saw(
      context,
      `reconcile: ${outcome.status}; retry charged from a real redemption (${retried.parentRedemption?.id ? 'yes' : 'no'}); ${standing('ord_gift')} standing; balance ${balance}`,
    );
    expect(outcome.status).toBe('rolled_back');
    expect(standing('ord_gift')).toBe(1);
    expect(balance).toBe(2000);
  });

  it("dead server's claim reconciled", async (context) => {
    did(context, 'a server claims and redeems, then never records (it died); past the claim deadline a survivor reconciles without `since`');
    const { voucherify, standing } = await served();
    const store = createMemoryRedeemStore({ timeoutMs: 20, marginMs: 20 });
    void createRedeemOnce({ redeem: async (p) => (await voucherify.redeem(p), new Promise<never>(() => undefined)) }, { store })(params('ord_dead'));
    await sleep(100);
    const survivor = createRedeemOnce(voucherify, { store });
    const first = await settle(survivor(params('ord_dead')));
    const outcome = await survivor.reconcile(params('ord_dead'), { graceMs: 50 });
    saw(context, `survivor: ${describeFailure(first.error)}; reconcile: ${outcome.status}; ${standing('ord_dead')} redemption(s)`);
    expect(outcome.status).toBe('redeemed');
    expect(standing('ord_dead')).toBe(1);
  });

  it('timer of 2^31 ms refused', async (context) => {
    did(context, 'createVoucherifyServer({ timeoutMs: 2 ** 31 }) at startup; reconcileRedeem({ graceMs: 2 ** 31 })');
    const { voucherify, server } = await served();
    const startup = await settle(Promise.resolve().then(() => createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: server.url, timeoutMs: 2 ** 31 })));
    const before = server.sandbox.state.requests.length;
    const grace = await settle(voucherify.reconcileRedeem({ orderId: 'o', codes: ['SAVE10'], since: Date.now(), graceMs: 2 ** 31 }));
    saw(
      context,
      `startup: ${describeFailure(startup.error)}; reconcile: ${describeFailure(grace.error)}; ${server.sandbox.state.requests.length - before} requests`,
    );
    expect(startup.error).toBeInstanceOf(TypeError);
    expect(grace.error).toBeInstanceOf(TypeError);
    expect(server.sandbox.state.requests.length).toBe(before);
  });
});

describe('redeem store faults', () => {
  it('stalled store', async (context) => {
    did(context, 'the store never answers the claim; storeTimeoutMs 100');
    const { voucherify, standing } = await served();
    const stalled: RedeemStore = { ...createMemoryRedeemStore(), claim: () => new Promise(() => undefined) };
    const outcome = await settle(createRedeemOnce(voucherify, { store: stalled, storeTimeoutMs: 100 })(params('ord_stall')));
    saw(context, `${describeFailure(outcome.error)}; ${standing('ord_stall')} redemption(s)`);
    expect(outcome.error).toMatchObject({ kind: 'redeem_guard', key: 'store_unavailable' });
    expect(standing('ord_stall')).toBe(0);
  });

  it('slow store after the redeem', async (context) => {
    did(context, "the store's save takes 300 ms, storeTimeoutMs 100; then the retry");
    const { voucherify, standing } = await served();
    const memory = createMemoryRedeemStore();
    const slow: RedeemStore = { ...memory, save: async (...args) => (await sleep(300), memory.save(...args)) };
    const redeemOnce = createRedeemOnce(voucherify, { store: slow, storeTimeoutMs: 100 });
    const first = await settle(redeemOnce(params('ord_slow')));
    await sleep(400);
    const retry = await settle(redeemOnce(params('ord_slow')));
    saw(
      context,
      `first: ${describeFailure(first.error)} with the result; record ${memory.get('ord_slow')?.state}; retry: ${describeFailure(retry.error ?? 'redeemed')}; ${standing('ord_slow')} redemption(s)`,
    );
    expect(first.error).toMatchObject({ key: 'redemption_not_recorded' });
    expect(memory.get('ord_slow')).toBeDefined();
    expect(standing('ord_slow')).toBe(1);
  });

  it('release fails after a refused code', async (context) => {
    did(context, 'EXPIRED is refused and the store cannot release; the shopper tries SAVE10 on the same order');
    const { voucherify } = await served();
    const store: RedeemStore = { ...createMemoryRedeemStore(), release: () => Promise.reject(new Error('connection lost')) };
    const redeemOnce = createRedeemOnce(voucherify, { store });
    await settle(redeemOnce(params('ord_norelease', 'EXPIRED')));
    const next = await settle(redeemOnce(params('ord_norelease')));
    const message = (next.error as Error).message;
    saw(context, `${describeFailure(next.error)}: "${message.slice(0, 90)}…"`);
    expect(next.error).toMatchObject({ kind: 'redeem_guard', key: 'idempotency_conflict' });
    expect(message).not.toMatch(/already redeemed/);
  });

  it('corrupt Redis record', async (context) => {
    did(context, 'a redeem record in Redis holds broken JSON; redeemOnce for that order');
    const { voucherify, standing } = await served();
    await client.sendCommand(['SET', 'rows:ord_corrupt', '{"state":']);
    const outcome = await settle(createRedeemOnce(voucherify, { store: createRedisRedeemStore(client, { prefix: 'rows:' }) })(params('ord_corrupt')));
    const kept = await client.sendCommand(['GET', 'rows:ord_corrupt']);
    saw(context, `${describeFailure(outcome.error)}; record kept: ${String(kept) === '{"state":'}; ${standing('ord_corrupt')} redemption(s)`);
    expect(outcome.error).toMatchObject({ kind: 'redeem_guard', key: 'corrupt_record' });
    expect(kept).toBe('{"state":');
  });

  it('claim from a clock a day ahead', async (context) => {
    did(context, 'a server whose clock runs a day ahead claims in Redis (window 100 ms); 200 ms later another reads it');
    const store = createRedisRedeemStore(client, { prefix: 'rows:', timeoutMs: 60, marginMs: 40, keepMs: 60_000 });
    const ahead = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 86_400_000);
    try {
      await store.claim('ord_clock', { state: 'pending', fingerprint: 'f', owner: 'ahead' });
    } finally {
      ahead.mockRestore();
    }
    await sleep(200);
    const record = await store.get('ord_clock');
    saw(context, `the claim reads ${record?.state} (Redis's clock decides), not pending for a day`);
    expect(record?.state).toBe('unknown');
  });
});
