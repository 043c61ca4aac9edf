// The shared redeem store against a real redis-server (Debian package), and two separate Node processes redeeming the
// same orders through it over one HTTP sandbox (issue 10: "Several servers: a real shared store").
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSandboxServer, SANDBOX_KEYS, type SandboxServer } from 'voucherkit/sandbox';
import {
  createRedeemOnce,
  createRedisRedeemStore,
  createVoucherifyServer,
  isRedeemOutcomeUnknown,
  type RedeemResult,
  type RedisCommandSender,
} from 'voucherkit/server';
import { redeemOrReconcile } from './recoveryRecipe.js';
import { startRedis, type RunningRedis } from './redisServer.js';
import { startChild, type Child } from '../support/childProcess.js';
import { redemptionsPerOrder as countRedemptionsPerOrder } from '../support/lostAnswers.js';

let redis: RunningRedis;
let sandboxServer: SandboxServer;
let bundleDir: string;
let childScript: string;
let nodeRedis: ReturnType<typeof createClient>;
let ioredis: Redis;
/** The documented ioredis adapter, verbatim. */
let ioredisSender: RedisCommandSender;
const started: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'voucherkit-redis-'));
  childScript = join(bundleDir, 'redisChild.cjs');
  [redis, sandboxServer] = await Promise.all([
    startRedis(),
    startSandboxServer(),
    build({
      entryPoints: [join(import.meta.dirname, 'redisChild.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: childScript,
      // The recipe imports the package by its public name, as a user's code does.
      alias: { 'voucherkit/server': join(import.meta.dirname, '../../src/server/index.ts') },
      logLevel: 'silent',
    }),
  ]);
  nodeRedis = createClient({ url: redis.url });
  await nodeRedis.connect();
  ioredis = new Redis(redis.url);
  ioredisSender = { sendCommand: (args) => ioredis.call(args[0], ...args.slice(1)) };
}, 30_000);

afterAll(async () => {
  // A child left running by a failed test (the crash child never exits by itself) is stopped by its pid.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  await nodeRedis?.close();
  await ioredis?.quit();
  await sandboxServer?.close();
  await redis?.stop();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 24 * 60 * 60 * 1000;

const redemptionsPerOrder = () => countRedemptionsPerOrder(sandboxServer.sandbox);

function start(mode: 'orders' | 'crash' | 'crash_before' | 'recover', client: 'redis' | 'ioredis', orderIds: string[]): Child {
  return startChild(childScript, [mode, client, redis.url, sandboxServer.url, ...orderIds], started);
}

describe('createRedisRedeemStore on a real redis-server', () => {
  test('claims an order once (node-redis client as is); save, get and release act only for the owner; records kept 30 days', async () => {
    const store = createRedisRedeemStore(nodeRedis, { prefix: 'unit1:' });
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-a' })).toBeUndefined();
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:b', owner: 'run-b' })).toMatchObject({
      state: 'pending',
      fingerprint: 'sha256:a',
      owner: 'run-a',
      claimedAt: expect.any(Number),
    });
    expect(await nodeRedis.sendCommand(['EXISTS', 'unit1:ord_1'])).toBe(1);

    const unknown = { state: 'unknown', fingerprint: 'sha256:a', owner: 'run-a', error: { kind: 'timeout', key: 'outcome_unknown', message: 'lost' } } as const;
    // Another run can neither overwrite nor free the record.
    expect(await store.save('ord_1', { ...unknown, owner: 'run-b' }, 'run-b')).toBe(false);
    expect(await store.release('ord_1', 'run-b')).toBe(false);
    expect(await store.save('ord_1', unknown, 'run-a')).toBe(true);
    expect(await store.get('ord_1')).toEqual(unknown);
    const ttl = Number(await nodeRedis.sendCommand(['PTTL', 'unit1:ord_1']));
    expect(ttl).toBeGreaterThan(30 * DAY_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * DAY_MS);

    expect(await store.release('ord_1', 'run-b')).toBe(false);
    expect(await store.release('ord_1', 'run-a')).toBe(true);
    expect(await store.get('ord_1')).toBeUndefined();
    expect(await store.save('ord_1', unknown, 'run-a')).toBe(false);
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:c', owner: 'run-c' })).toBeUndefined();
  });

  test('a pending claim past timeoutMs + marginMs reads as unknown with its claim time, never free, and stays for keepMs (ioredis adapter)', async () => {
    const store = createRedisRedeemStore(ioredisSender, { prefix: 'unit2:', timeoutMs: 60, marginMs: 40, keepMs: 60_000 });
    const before = Date.now();
    expect(await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-a' })).toBeUndefined();
    expect(await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-b' })).toMatchObject({ state: 'pending', owner: 'run-a' });
    await sleep(150);
    const expired = await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-b' });
    expect(expired).toMatchObject({ state: 'unknown', fingerprint: 'sha256:a', owner: 'run-a', error: { key: 'outcome_unknown', kind: 'timeout' } });
    // Dated by Redis's clock (same machine here): within the test's own window.
    expect((expired as { sentAt: number }).sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect((expired as { sentAt: number }).sentAt).toBeLessThanOrEqual(Date.now());
    expect(await store.get('ord_2')).toEqual(expired);
    const ttl = Number(await ioredis.pttl('unit2:ord_2'));
    expect(ttl).toBeGreaterThan(50_000);
  });

  test('refuses options that could free an order early, and a client without sendCommand', () => {
    expect(() => createRedisRedeemStore(nodeRedis, { timeoutMs: 10_000, marginMs: 5_000, keepMs: 15_000 })).toThrow(TypeError);
    expect(() => createRedisRedeemStore(nodeRedis, { timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => createRedisRedeemStore(nodeRedis, { keepMs: 2.5 })).toThrow(/keepMs/);
    expect(() => createRedisRedeemStore({} as never)).toThrow(/sendCommand/);
  });

  test('createRedeemOnce over it: a repeat from another instance gets the stored result without a call', async () => {
    const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url });
    const first = createRedeemOnce(server, { store: createRedisRedeemStore(ioredisSender, { prefix: 'unit3:' }) });
    const second = createRedeemOnce(server, { store: createRedisRedeemStore(nodeRedis, { prefix: 'unit3:' }) });
    const order = { source_id: 'unit3_order', amount: 6000 };
    const result = await first({ code: 'SAVE10', trackingId: null, order });
    expect(await second({ code: 'SAVE10', trackingId: null, order })).toEqual(result);
    expect(redemptionsPerOrder().get('unit3_order')).toBe(1);
  });

  test('two processes (node-redis and ioredis), 50 orders submitted concurrently from both: exactly one redemption per order', async () => {
    const orderIds = Array.from({ length: 50 }, (_, i) => `twoproc_${i}`);
    const children = [start('orders', 'redis', orderIds), start('orders', 'ioredis', orderIds)];
    await Promise.all(children.map((child) => child.waitFor((line) => line === 'READY')));
    for (const child of children) child.process.stdin.write('go\n');
    const reports = await Promise.all(children.map((child) => child.waitFor((line) => line.startsWith('['))));
    expect(await Promise.all(children.map((child) => child.exited))).toEqual([0, 0]);

    const outcomes = reports.flatMap((line) => JSON.parse(line) as Array<{ orderId: string; outcome: string }>);
    expect(outcomes).toHaveLength(100);
    // Each order: redeemed by one process; the other got the stored result or was told it is in progress.
    for (const orderId of orderIds) {
      const mine = outcomes.filter((o) => o.orderId === orderId).map((o) => o.outcome);
      expect(mine.every((outcome) => outcome === 'redeemed' || outcome === 'redemption_in_progress')).toBe(true);
      expect(mine).toContain('redeemed');
    }
    const counts = redemptionsPerOrder();
    expect(orderIds.map((orderId) => counts.get(orderId) ?? 0)).toEqual(orderIds.map(() => 1));
  }, 20_000);

  test('a process killed (SIGKILL) between claim and save leaves the order unknown, not free', async () => {
    const crashed = start('crash', 'ioredis', ['crash_order']);
    await crashed.waitFor((line) => line === 'READY');
    crashed.process.stdin.write('go\n');
    await crashed.waitFor((line) => line === 'REDEEMED');
    crashed.process.kill('SIGKILL');
    await crashed.exited;
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);

    // The survivor shares the Redis (same prefix) and the sandbox.
    const store = createRedisRedeemStore(nodeRedis, { prefix: 'twoproc:' });
    const redeemOnce = createRedeemOnce(createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url }), { store });
    const checkout = { code: 'SAVE10', trackingId: null, order: { source_id: 'crash_order', amount: 6000 } };
    // Never free: in progress until the claim's deadline (unknown already, on a machine slow enough to pass it).
    const early = await redeemOnce(checkout).catch((e: unknown) => e);
    expect(['redemption_in_progress', 'outcome_unknown']).toContain((early as { key?: string }).key);

    // The child's claim deadline (its timeoutMs 2000 + marginMs 500) passes: unknown, kept, not free.
    await sleep(2600);
    const error = await redeemOnce(checkout).catch((e: unknown) => e);
    expect(isRedeemOutcomeUnknown(error)).toBe(true);
    expect(await store.get('crash_order')).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);

    // The dead server's claim keeps its time: reconcile settles it without a hand-made `since`.
    expect(await redeemOnce.reconcile(checkout, { graceMs: 500 })).toMatchObject({ status: 'redeemed' });
    expect(await redeemOnce(checkout)).toMatchObject({ redemptions: [expect.anything()] });
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);
  }, 20_000);

  test('a process killed (SIGKILL) after its claim and before sending: reconcile finds nothing, frees the order, the redeem succeeds', async () => {
    const crashed = start('crash_before', 'redis', ['crash_before_order']);
    await crashed.waitFor((line) => line === 'READY');
    crashed.process.stdin.write('go\n');
    await crashed.waitFor((line) => line === 'REDEEMED');
    crashed.process.kill('SIGKILL');
    await crashed.exited;

    const store = createRedisRedeemStore(ioredisSender, { prefix: 'twoproc:' });
    const redeemOnce = createRedeemOnce(createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url }), { store });
    const checkout = { code: 'SAVE10', trackingId: null, order: { source_id: 'crash_before_order', amount: 6000 }, timeoutMs: 2000 };
    await sleep(2600);
    expect(await store.get('crash_before_order')).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    expect(await redeemOnce.reconcile(checkout, { graceMs: 200 })).toEqual({ status: 'not_redeemed' });
    expect(await store.get('crash_before_order')).toBeUndefined();
    await redeemOnce(checkout);
    expect(redemptionsPerOrder().get('crash_before_order')).toBe(1);
  }, 20_000);

  test('two processes, 12 orders, three runs each of the documented recovery recipe at random moments after lost answers: at most one redemption per order', async () => {
    const orderIds = Array.from({ length: 12 }, (_, i) => `recover_${i}`);
    const children = [start('recover', 'redis', orderIds), start('recover', 'ioredis', orderIds)];
    await Promise.all(children.map((child) => child.waitFor((line) => line === 'READY')));
    for (const child of children) child.process.stdin.write('go\n');
    const reports = await Promise.all(children.map((child) => child.waitFor((line) => line.startsWith('['))));
    expect(await Promise.all(children.map((child) => child.exited))).toEqual([0, 0]);
    const outcomes = reports.flatMap((line) => JSON.parse(line) as Array<{ orderId: string; outcome: string; parent?: string }>);
    expect(outcomes).toHaveLength(72);
    expect(outcomes.every((o) => ['redeemed', 'redemption_in_progress', 'outcome_unknown'].includes(o.outcome))).toBe(true);
    const counts = redemptionsPerOrder();
    expect(orderIds.filter((orderId) => (counts.get(orderId) ?? 0) > 1)).toEqual([]);

    // Settle what is left, serially: every order ends with exactly one redemption, the one every run was told.
    const redeemOnce = createRedeemOnce(createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url }), {
      store: createRedisRedeemStore(nodeRedis, { prefix: 'twoproc:', timeoutMs: 1000, marginMs: 500 }),
    });
    for (const orderId of orderIds) {
      const params = { code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 }, timeoutMs: 100 };
      let result: RedeemResult | undefined;
      for (let attempt = 0; attempt < 10 && !result; attempt++) {
        result = await redeemOrReconcile(redeemOnce, params, { graceMs: 100 }).catch(async () => (await sleep(300), undefined));
      }
      expect(result, orderId).toBeDefined();
      for (const told of outcomes.filter((o) => o.orderId === orderId && o.parent)) expect(told.parent).toBe(result!.parentRedemption!.id);
    }
    const settled = redemptionsPerOrder();
    expect(orderIds.map((orderId) => settled.get(orderId) ?? 0)).toEqual(orderIds.map(() => 1));
  }, 60_000);

  test('a corrupt record is a typed error (corrupt_record), and the order is kept as it is, never freed', async () => {
    await nodeRedis.sendCommand(['SET', 'unit4:ord_bad', '{"state":"redeemed","fingerprint":"x"']);
    const store = createRedisRedeemStore(nodeRedis, { prefix: 'unit4:' });
    const redeemOnce = createRedeemOnce(createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url }), { store });
    await expect(redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: 'ord_bad', amount: 6000 } })).rejects.toMatchObject({
      kind: 'redeem_guard',
      key: 'corrupt_record',
    });
    await expect(store.release('ord_bad', '')).rejects.toMatchObject({ key: 'corrupt_record' });
    await expect(store.save('ord_bad', { state: 'pending', fingerprint: 'x', owner: 'y' }, '')).rejects.toMatchObject({ key: 'corrupt_record' });
    expect(await nodeRedis.sendCommand(['GET', 'unit4:ord_bad'])).toBe('{"state":"redeemed","fingerprint":"x"');
    expect(redemptionsPerOrder().get('ord_bad')).toBeUndefined();
  });

  test("a claim written by a server whose clock runs a day ahead expires on Redis's clock, not the writer's", async () => {
    const store = createRedisRedeemStore(nodeRedis, { prefix: 'unit5:', timeoutMs: 60, marginMs: 40, keepMs: 60_000 });
    const ahead = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + DAY_MS);
    try {
      expect(await store.claim('ord_clock', { state: 'pending', fingerprint: 'sha256:a', owner: 'fast-clock' })).toBeUndefined();
    } finally {
      ahead.mockRestore();
    }
    await sleep(150);
    expect(await store.get('ord_clock')).toMatchObject({ state: 'unknown', owner: 'fast-clock' });
    expect(((await store.get('ord_clock')) as { sentAt: number }).sentAt).toBeLessThanOrEqual(Date.now());
  });
});
