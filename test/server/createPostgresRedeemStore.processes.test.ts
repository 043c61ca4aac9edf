// Two separate Node processes (one on node-postgres, one on postgres.js) redeeming the same orders through the
// Postgres store on a real PostgreSQL, over one HTTP sandbox (issue 23), as the Redis store's test does.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandboxServer, SANDBOX_KEYS, type SandboxServer } from 'voucherkit/sandbox';
import { createPostgresRedeemStore, createRedeemOnce, createVoucherifyServer, isRedeemOutcomeUnknown, type RedeemResult } from 'voucherkit/server';
import { startPostgres, type RunningPostgres } from './postgresServer.js';
import { redeemOrReconcile } from './recoveryRecipe.js';
import { startChild, type Child } from '../support/childProcess.js';
import { redemptionsPerOrder as countRedemptionsPerOrder } from '../support/lostAnswers.js';

let database: RunningPostgres;
let sandboxServer: SandboxServer;
let bundleDir: string;
let childScript: string;
let pool: pg.Pool;
const started: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'voucherkit-pg-child-'));
  childScript = join(bundleDir, 'postgresChild.cjs');
  [database, sandboxServer] = await Promise.all([
    startPostgres(),
    startSandboxServer(),
    build({
      entryPoints: [join(import.meta.dirname, 'postgresChild.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: childScript,
      // pg reaches for its optional native binding only when asked to; it is not installed.
      external: ['pg-native'],
      // The recipe imports the package by its public name, as a user's code does.
      alias: { 'voucherkit/server': join(import.meta.dirname, '../../src/server/index.ts') },
      logLevel: 'silent',
    }),
  ]);
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // The server's fast shutdown at the end ends every session; pg reports that on the pool (as any app must handle).
  pool.on('error', () => undefined);
  await createPostgresRedeemStore(pool, { table: 'twoproc' }).migrate();
}, 30_000);

afterAll(async () => {
  // A child left running by a failed test (the crash child never exits by itself) is stopped by its pid.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGKILL');
  await pool?.end();
  await sandboxServer?.close();
  await database?.stop();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const voucherify = () => createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url });

const redemptionsPerOrder = () => countRedemptionsPerOrder(sandboxServer.sandbox);

function start(mode: 'orders' | 'crash' | 'crash_before' | 'recover', client: 'pg' | 'postgres', orderIds: string[]): Child {
  return startChild(childScript, [mode, client, database.url, sandboxServer.url, ...orderIds], started);
}

/** Starts both children, lets them go at once, and returns every outcome they print. */
async function runBoth(mode: 'orders' | 'recover', orderIds: string[]) {
  const children = [start(mode, 'pg', orderIds), start(mode, 'postgres', orderIds)];
  await Promise.all(children.map((child) => child.waitFor((line) => line === 'READY')));
  for (const child of children) child.process.stdin.write('go\n');
  const reports = await Promise.all(children.map((child) => child.waitFor((line) => line.startsWith('['))));
  expect(await Promise.all(children.map((child) => child.exited))).toEqual([0, 0]);
  return reports.flatMap((line) => JSON.parse(line) as Array<{ orderId: string; outcome: string; parent?: string }>);
}

/** Kills a child (SIGKILL) right after it claimed the order and reached the redeem (sent, or not). */
async function crashAfterClaim(mode: 'crash' | 'crash_before', orderId: string) {
  const crashed = start(mode, mode === 'crash' ? 'postgres' : 'pg', [orderId]);
  await crashed.waitFor((line) => line === 'READY');
  crashed.process.stdin.write('go\n');
  await crashed.waitFor((line) => line === 'REDEEMED');
  crashed.process.kill('SIGKILL');
  await crashed.exited;
}

describe('createPostgresRedeemStore: two Node processes on one PostgreSQL', () => {
  test('two processes (pg and postgres.js), 50 orders submitted concurrently from both: exactly one redemption per order', async () => {
    const orderIds = Array.from({ length: 50 }, (_, i) => `twoproc_${i}`);
    const outcomes = await runBoth('orders', orderIds);
    expect(outcomes).toHaveLength(100);
    // Each order: redeemed by one process; the other got the stored result or was told it is in progress.
    for (const orderId of orderIds) {
      const mine = outcomes.filter((o) => o.orderId === orderId).map((o) => o.outcome);
      expect(mine.every((outcome) => outcome === 'redeemed' || outcome === 'redemption_in_progress')).toBe(true);
      expect(mine).toContain('redeemed');
    }
    const counts = redemptionsPerOrder();
    expect(orderIds.map((orderId) => counts.get(orderId) ?? 0)).toEqual(orderIds.map(() => 1));
  }, 30_000);

  test('a process killed (SIGKILL) between claim and save leaves the order unknown, not free; reconcile settles it', async () => {
    await crashAfterClaim('crash', 'crash_order');
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);

    // The survivor shares the table and the sandbox.
    const store = createPostgresRedeemStore(pool, { table: 'twoproc' });
    const redeemOnce = createRedeemOnce(voucherify(), { store });
    const checkout = { code: 'SAVE10', trackingId: null, order: { source_id: 'crash_order', amount: 6000 } };
    // Never free: in progress until the claim's deadline (unknown already, on a machine slow enough to pass it).
    const early = await redeemOnce(checkout).catch((e: unknown) => e);
    expect(['redemption_in_progress', 'outcome_unknown']).toContain((early as { key?: string }).key);

    // The child's claim deadline (its timeoutMs 2000 + marginMs 500) passes: unknown, kept, not free.
    await sleep(2600);
    expect(isRedeemOutcomeUnknown(await redeemOnce(checkout).catch((e: unknown) => e))).toBe(true);
    expect(await store.get('crash_order')).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);

    // The dead server's claim keeps its time: reconcile settles it without a hand-made `since`.
    expect(await redeemOnce.reconcile(checkout, { graceMs: 500 })).toMatchObject({ status: 'redeemed' });
    expect(await redeemOnce(checkout)).toMatchObject({ redemptions: [expect.anything()] });
    expect(redemptionsPerOrder().get('crash_order')).toBe(1);
  }, 20_000);

  test('a process killed (SIGKILL) after its claim and before sending: reconcile finds nothing, frees the order, the redeem succeeds', async () => {
    await crashAfterClaim('crash_before', 'crash_before_order');
    const store = createPostgresRedeemStore(pool, { table: 'twoproc' });
    const redeemOnce = createRedeemOnce(voucherify(), { store });
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
    const outcomes = await runBoth('recover', orderIds);
    expect(outcomes).toHaveLength(72);
    expect(outcomes.every((o) => ['redeemed', 'redemption_in_progress', 'outcome_unknown'].includes(o.outcome))).toBe(true);
    const counts = redemptionsPerOrder();
    expect(orderIds.filter((orderId) => (counts.get(orderId) ?? 0) > 1)).toEqual([]);

    // Settle what is left, serially: every order ends with exactly one redemption, the one every run was told.
    const redeemOnce = createRedeemOnce(voucherify(), {
      store: createPostgresRedeemStore(pool, { table: 'twoproc', timeoutMs: 1000, marginMs: 500 }),
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
});
