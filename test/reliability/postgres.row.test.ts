// Matrix rows of the Postgres redeem store (issue 23) on a real PostgreSQL the test starts: two servers racing for
// one order (one on pg, one on postgres.js), a dead server's claim, a stalled database, a corrupt row, a server
// clock a day ahead. Against a sandbox served over HTTP on 127.0.0.1.
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { createPostgresRedeemStore, createRedeemOnce, createVoucherifyServer, type PostgresQueryable, type RedeemParams } from 'voucherkit/server';
import { startPostgres, type RunningPostgres } from '../server/postgresServer.js';
import { describeFailure, did, saw, settle } from './rowMeta.js';
import { standingRedemptions } from '../support/lostAnswers.js';

let database: RunningPostgres;
let server: SandboxServer;
let pool: pg.Pool;
let sql: postgres.Sql;
let postgresJs: PostgresQueryable;
beforeAll(async () => {
  [database, server] = await Promise.all([startPostgres(), startSandboxServer()]);
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // The server's fast shutdown at the end ends every session; pg reports that on the pool (as any app must handle).
  pool.on('error', () => undefined);
  sql = postgres(database.url, { max: 4, onnotice: () => undefined });
  postgresJs = { query: async (text, values) => ({ rows: await sql.unsafe(text, values) }) };
  await createPostgresRedeemStore(pool).migrate();
}, 60_000);
afterAll(async () => {
  await pool?.end();
  await sql?.end();
  await server?.close();
  await database?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const voucherify = () => createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: server.url });
const params = (orderId: string): RedeemParams => ({ code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 } });
const standing = (orderId: string) => standingRedemptions(server.sandbox, orderId);

describe('Postgres redeem store', () => {
  it('Postgres: two servers, one order', async (context) => {
    did(context, 'two servers (pg, postgres.js) sharing one PostgreSQL table redeem the same order at once, 5 times each');
    const servers = [createPostgresRedeemStore(pool), createPostgresRedeemStore(postgresJs)].map((store) => createRedeemOnce(voucherify(), { store }));
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => settle(servers[i % 2]!(params('ord_race')))));
    const keys = outcomes.map((o) => (o.error ? ((o.error as { key?: string }).key ?? 'error') : 'redeemed'));
    saw(
      context,
      `${keys.filter((k) => k === 'redeemed').length} redeemed (one redemption, the stored result), ${keys.length - keys.filter((k) => k === 'redeemed').length} told in progress; ${standing('ord_race')} redemption(s)`,
    );
    expect(keys.every((key) => key === 'redeemed' || key === 'redemption_in_progress')).toBe(true);
    expect(standing('ord_race')).toBe(1);
  });

  it("Postgres: dead server's claim", async (context) => {
    did(context, 'a server claims an order in PostgreSQL and hangs before redeeming (window 200 ms); 300 ms later another: redeemOnce, reconcile, redeemOnce');
    const store = createPostgresRedeemStore(pool, { timeoutMs: 100, marginMs: 100 });
    const checkout = { ...params('ord_dead'), timeoutMs: 100 };
    void createRedeemOnce({ redeem: () => new Promise(() => undefined) }, { store })(checkout);
    await sleep(300);
    const redeemOnce = createRedeemOnce(voucherify(), { store });
    const retry = await settle(redeemOnce(checkout));
    const record = await store.get('ord_dead');
    const settled = await settle(redeemOnce.reconcile(checkout, { graceMs: 100 }));
    const after = await settle(redeemOnce(checkout));
    saw(
      context,
      `${describeFailure(retry.error)} (read ${record?.state}, sentAt ${record?.state === 'unknown' && record.sentAt ? 'kept' : 'lost'}); reconcile: ${JSON.stringify(settled.value)}; then ${after.error ? describeFailure(after.error) : 'redeemed'}; ${standing('ord_dead')} redemption(s)`,
    );
    expect(retry.error).toMatchObject({ key: 'outcome_unknown' });
    expect(record).toMatchObject({ state: 'unknown', sentAt: expect.any(Number) });
    expect(settled.value).toEqual({ status: 'not_redeemed' });
    expect(standing('ord_dead')).toBe(1);
  });

  it('Postgres: stalled database', async (context) => {
    did(context, 'another session holds an exclusive lock on the table; redeemOnce with storeTimeoutMs 200');
    const locker = await pool.connect();
    let outcome: Awaited<ReturnType<typeof settle>>;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE voucherkit_redeem_records IN ACCESS EXCLUSIVE MODE');
      outcome = await settle(createRedeemOnce(voucherify(), { store: createPostgresRedeemStore(pool), storeTimeoutMs: 200 })(params('ord_stall')));
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    saw(context, `${describeFailure(outcome.error)}; ${standing('ord_stall')} redemption(s)`);
    expect(outcome.error).toMatchObject({ kind: 'redeem_guard', key: 'store_unavailable' });
    expect(standing('ord_stall')).toBe(0);
  });

  it('corrupt Postgres row', async (context) => {
    did(context, 'a row holds a redeemed record without its result; redeemOnce for that order, then its owner releases it');
    const broken = '{"state": "redeemed", "fingerprint": "x"}';
    await pool.query("INSERT INTO voucherkit_redeem_records VALUES ('ord_corrupt', 'o', $1::jsonb, now() + interval '1 day')", [broken]);
    const store = createPostgresRedeemStore(pool);
    const outcome = await settle(createRedeemOnce(voucherify(), { store })(params('ord_corrupt')));
    const release = await settle(store.release('ord_corrupt', 'o'));
    const { rows } = await pool.query<{ record: string }>("SELECT record::text AS record FROM voucherkit_redeem_records WHERE order_id = 'ord_corrupt'");
    saw(
      context,
      `${describeFailure(outcome.error)}; release: ${describeFailure(release.error)}; row kept: ${rows[0]?.record === broken}; ${standing('ord_corrupt')} redemption(s)`,
    );
    expect(outcome.error).toMatchObject({ kind: 'redeem_guard', key: 'corrupt_record' });
    expect(release.error).toMatchObject({ key: 'corrupt_record' });
    expect(rows[0]?.record).toBe(broken);
  });

  it('Postgres: claim from a clock a day ahead', async (context) => {
    did(context, 'a server whose clock runs a day ahead claims in PostgreSQL (window 100 ms); 200 ms later another reads it');
    const store = createPostgresRedeemStore(postgresJs, { timeoutMs: 60, marginMs: 40, keepMs: 60_000 });
    const ahead = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 86_400_000);
    try {
      await store.claim('ord_clock', { state: 'pending', fingerprint: 'f', owner: 'ahead' });
    } finally {
      ahead.mockRestore();
    }
    await sleep(200);
    const record = await store.get('ord_clock');
    saw(context, `the claim reads ${record?.state} (the database's clock decides), not pending for a day`);
    expect(record?.state).toBe('unknown');
  });
});
