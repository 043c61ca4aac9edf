// One "server process" of the two-process Redis test, bundled with esbuild and run with plain node.
// argv: mode (orders | crash | crash_before | recover), client (redis | ioredis), redis url, sandbox url, order ids…
// (CommonJS output, so no top-level await.) Prints READY once connected, waits for a line on stdin, then redeems; prints one JSON line of outcomes.
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { SANDBOX_KEYS } from '../../src/sandbox/state/sandboxKeys.js';
import { createRedeemOnce, createRedisRedeemStore, createVoucherifyServer, type RedisCommandSender, type VoucherifyServer } from '../../src/server/index.js';
import { losingFirstAnswers } from './losingFirstAnswers.js';
import { redeemOrReconcile } from './recoveryRecipe.js';

const [mode, clientKind, redisUrl, apiUrl, ...orderIds] = process.argv.slice(2);

async function connect(): Promise<{ sender: RedisCommandSender; close: () => Promise<unknown> }> {
  if (clientKind === 'redis') {
    const client = await createClient({ url: redisUrl }).connect();
    return { sender: client, close: () => client.close() };
  }
  const redis = new Redis(redisUrl!);
  return { sender: { sendCommand: (args) => redis.call(args[0], ...args.slice(1)) }, close: () => redis.quit() };
}

async function main() {
  const { sender, close } = await connect();
  // The crash runs keep their claim window short, so the test can watch it turn unknown.
  const crash = mode === 'crash' || mode === 'crash_before';
  const timeoutMs = crash ? 2000 : mode === 'recover' ? 1000 : 10_000;
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: apiUrl!, timeoutMs });
  const store = createRedisRedeemStore(sender, { prefix: 'twoproc:', timeoutMs, marginMs: 500 });
  const server: Pick<VoucherifyServer, 'redeem' | 'reconcileRedeem'> = crash
    ? {
        // The process is killed before createRedeemOnce can save the result: after the redeem, or before sending it.
        redeem: async (params) => {
          if (mode === 'crash') await voucherify.redeem(params);
          process.stdout.write('REDEEMED\n');
          return new Promise(() => undefined);
        },
        reconcileRedeem: voucherify.reconcileRedeem,
      }
    : mode === 'recover'
      ? losingFirstAnswers(voucherify)
      : voucherify;
  const redeemOnce = createRedeemOnce(server, { store });
  if (mode === 'recover') return recover(redeemOnce, close);

  process.stdout.write('READY\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));

  const outcomes = await Promise.all(
    orderIds.map((orderId) =>
      redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 } }).then(
        () => ({ orderId, outcome: 'redeemed' }),
        (error: { key?: string; message?: string }) => ({ orderId, outcome: error.key ?? String(error.message) }),
      ),
    ),
  );
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  await close();
  process.exit(0);
}

async function recover(redeemOnce: ReturnType<typeof createRedeemOnce>, close: () => Promise<unknown>) {
  process.stdout.write('READY\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const runs = orderIds.flatMap((orderId) =>
    [0, 1, 2].map(async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
      const params = { code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 }, timeoutMs: 100 };
      return redeemOrReconcile(redeemOnce, params, { graceMs: 100 }).then(
        (result) => ({ orderId, outcome: 'redeemed', parent: result.parentRedemption?.id }),
        (error: { key?: string; message?: string }) => ({ orderId, outcome: error.key ?? String(error.message) }),
      );
    }),
  );
  process.stdout.write(`${JSON.stringify(await Promise.all(runs))}\n`);
  await close();
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
