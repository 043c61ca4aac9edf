// One "server process" of the two-process Redis test, bundled with esbuild and run with plain node.
// argv: mode (orders | crash), client (redis | ioredis), redis url, sandbox url, order ids…
// (CommonJS output, so no top-level await.) Prints READY once connected, waits for a line on stdin, then redeems; prints one JSON line of outcomes.
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { SANDBOX_KEYS } from '../../src/sandbox/sandboxKeys.js';
import { createRedeemOnce, createRedisRedeemStore, createVoucherifyServer, type RedisCommandSender } from '../../src/server/index.js';

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
  // The crash run keeps its claim window short, so the test can watch it turn unknown.
  const timeoutMs = mode === 'crash' ? 2000 : 10_000;
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: apiUrl!, timeoutMs });
  const store = createRedisRedeemStore(sender, { prefix: 'twoproc:', timeoutMs, marginMs: 500 });
  const server: Pick<typeof voucherify, 'redeem'> =
    mode === 'crash'
      ? {
          // Redeemed at Voucherify, then this process is killed before createRedeemOnce can save the result.
          redeem: async (params) => {
            await voucherify.redeem(params);
            process.stdout.write('REDEEMED\n');
            return new Promise(() => undefined);
          },
        }
      : voucherify;
  const redeemOnce = createRedeemOnce(server, { store });

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

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
