// One "server process" of the two-process Postgres test, bundled with esbuild and run with plain node.
// argv: mode (orders | crash | crash_before | recover), client (pg | postgres), database url, sandbox url, order ids…
// (CommonJS output, so no top-level await.) Prints READY once connected, waits for a line on stdin, then redeems; prints one JSON line of outcomes.
import pg from 'pg';
import postgres from 'postgres';
import { SANDBOX_KEYS } from '../../src/sandbox/state/sandboxKeys.js';
import { createPostgresRedeemStore, createRedeemOnce, createVoucherifyServer, type PostgresQueryable, type VoucherifyServer } from '../../src/server/index.js';
import { losingFirstAnswers } from './losingFirstAnswers.js';
import { redeemOrReconcile } from './recoveryRecipe.js';

const [mode, clientKind, databaseUrl, apiUrl, ...orderIds] = process.argv.slice(2);

function connect(): { client: PostgresQueryable; close: () => Promise<unknown> } {
  if (clientKind === 'pg') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    pool.on('error', () => undefined); // a session ended by the test's shutdown or SIGKILL, reported on the pool
    return { client: pool, close: () => pool.end() };
  }
  const sql = postgres(databaseUrl!, { max: 10, onnotice: () => undefined });
  // The documented postgres.js adapter, verbatim.
  return { client: { query: async (text, values) => ({ rows: await sql.unsafe(text, values) }) }, close: () => sql.end() };
}

async function main() {
  const { client, close } = connect();
  // The crash runs keep their claim window short, so the test can watch it turn unknown.
  const crash = mode === 'crash' || mode === 'crash_before';
  const timeoutMs = crash ? 2000 : mode === 'recover' ? 1000 : 10_000;
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: apiUrl!, timeoutMs });
  const store = createPostgresRedeemStore(client, { table: 'twoproc', timeoutMs, marginMs: 500 });
  await store.get('warm-up'); // connected before READY, as the Redis child is
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
  process.stdout.write('READY\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  const outcomes = await Promise.all(mode === 'recover' ? recover(redeemOnce) : orders(redeemOnce));
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  await close();
  process.exit(0);
}

const failed = (orderId: string) => (error: { key?: string; message?: string }) => ({ orderId, outcome: error.key ?? String(error.message) });

function orders(redeemOnce: ReturnType<typeof createRedeemOnce>) {
  return orderIds.map((orderId) =>
    redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 } }).then(
      () => ({ orderId, outcome: 'redeemed' }),
      failed(orderId),
    ),
  );
}

function recover(redeemOnce: ReturnType<typeof createRedeemOnce>) {
  return orderIds.flatMap((orderId) =>
    [0, 1, 2].map(async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
      const params = { code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 }, timeoutMs: 100 };
      return redeemOrReconcile(redeemOnce, params, { graceMs: 100 }).then(
        (result) => ({ orderId, outcome: 'redeemed', parent: result.parentRedemption?.id }),
        failed(orderId),
      );
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
