// The Postgres redeem store against a real PostgreSQL (Debian's package, started by the test): its contract on the
// pg Pool as is and on the documented postgres.js adapter, its schema, a stalled database and a corrupt row
// (issue 23). The two-process runs are in createPostgresRedeemStore.processes.test.ts.
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSandboxServer, SANDBOX_KEYS, type SandboxServer } from 'voucherkit/sandbox';
import {
  createPostgresRedeemStore,
  createRedeemOnce,
  createVoucherifyServer,
  postgresRedeemStoreSchema,
  type PostgresQueryable,
  type RedeemRecord,
} from 'voucherkit/server';
import { startPostgres, type RunningPostgres } from './postgresServer.js';

let database: RunningPostgres;
let sandboxServer: SandboxServer;
let pool: pg.Pool;
let sql: postgres.Sql;
/** The documented postgres.js adapter, verbatim. */
let postgresJs: PostgresQueryable;

beforeAll(async () => {
  [database, sandboxServer] = await Promise.all([startPostgres(), startSandboxServer()]);
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  // The server's fast shutdown at the end ends every session; pg reports that on the pool (as any app must handle).
  pool.on('error', () => undefined);
  sql = postgres(database.url, { max: 8, onnotice: () => undefined });
  postgresJs = { query: async (text, values) => ({ rows: await sql.unsafe(text, values) }) };
  await createPostgresRedeemStore(pool).migrate();
}, 30_000);

afterAll(async () => {
  await pool?.end();
  await sql?.end();
  await sandboxServer?.close();
  await database?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 24 * 60 * 60 * 1000;
const unknown = { state: 'unknown', fingerprint: 'sha256:a', owner: 'run-a', error: { kind: 'timeout', key: 'outcome_unknown', message: 'lost' } } as const;
const checkout = (orderId: string) => ({ code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount: 6000 } });
const voucherify = () => createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: sandboxServer.url });

/** The sandbox's standing redemptions of one order. */
function redemptions(orderId: string): number {
  return [...sandboxServer.sandbox.state.redemptions.values()].filter(
    (r) => r.object === 'redemption' && r.related_object_type === 'voucher' && (r.order as { source_id?: string } | undefined)?.source_id === orderId,
  ).length;
}

async function row(orderId: string, table = 'voucherkit_redeem_records') {
  const { rows } = await pool.query<{ owner: string; record: string; keep_ms: string }>(
    `SELECT owner, record::text AS record, (extract(epoch FROM keep_until - now()) * 1000)::bigint::text AS keep_ms FROM ${table} WHERE order_id = $1`,
    [orderId],
  );
  return rows[0];
}

describe('createPostgresRedeemStore on a real PostgreSQL', () => {
  test('claims an order once (pg Pool as is); save, get and release act only for the owner; rows kept 30 days', async () => {
    const store = createPostgresRedeemStore(pool);
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-a' })).toBeUndefined();
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:b', owner: 'run-b' })).toMatchObject({
      state: 'pending',
      fingerprint: 'sha256:a',
      owner: 'run-a',
      claimedAt: expect.any(Number),
    });
    // Another run can neither overwrite nor free the record.
    expect(await store.save('ord_1', { ...unknown, owner: 'run-b' }, 'run-b')).toBe(false);
    expect(await store.release('ord_1', 'run-b')).toBe(false);
    expect(await store.save('ord_1', unknown, 'run-a')).toBe(true);
    expect(await store.get('ord_1')).toEqual(unknown);
    const keepMs = Number((await row('ord_1'))!.keep_ms);
    expect(keepMs).toBeGreaterThan(30 * DAY_MS - 60_000);
    expect(keepMs).toBeLessThanOrEqual(30 * DAY_MS);

    expect(await store.release('ord_1', 'run-b')).toBe(false);
    expect(await store.release('ord_1', 'run-a')).toBe(true);
    expect(await store.get('ord_1')).toBeUndefined();
    expect(await store.save('ord_1', unknown, 'run-a')).toBe(false);
    expect(await store.claim('ord_1', { state: 'pending', fingerprint: 'sha256:c', owner: 'run-c' })).toBeUndefined();
  });

  test('a pending claim past timeoutMs + marginMs reads as unknown with its claim time, never free; past keepMs the row reads as gone (postgres.js adapter)', async () => {
    const store = createPostgresRedeemStore(postgresJs, { timeoutMs: 60, marginMs: 40, keepMs: 1200 });
    const before = Date.now();
    expect(await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-a' })).toBeUndefined();
    expect(await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-b' })).toMatchObject({ state: 'pending', owner: 'run-a' });
    await sleep(150);
    const expired = await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-b' });
    expect(expired).toMatchObject({ state: 'unknown', fingerprint: 'sha256:a', owner: 'run-a', error: { key: 'outcome_unknown', kind: 'timeout' } });
    // Dated by the database clock (same machine here): within the test's own window.
    expect((expired as { sentAt: number }).sentAt).toBeGreaterThanOrEqual(before - 1000);
    expect((expired as { sentAt: number }).sentAt).toBeLessThanOrEqual(Date.now());
    expect(await store.get('ord_2')).toEqual(expired);
    // A takeover (reconcile's save of a pending record) is dated afresh and keeps the send time it settles.
    expect(await store.save('ord_2', { state: 'pending', fingerprint: 'sha256:a', owner: 'run-b', sentAt: 5 }, 'run-a')).toBe(true);
    expect(await store.get('ord_2')).toMatchObject({ state: 'pending', owner: 'run-b', sentAt: 5, claimedAt: expect.any(Number) });

    // keepMs passes: as a Redis key would have expired, the order can be claimed again (the row is replaced).
    await sleep(1250);
    expect(await store.get('ord_2')).toBeUndefined();
    expect(await store.release('ord_2', 'run-b')).toBe(false);
    expect(await store.claim('ord_2', { state: 'pending', fingerprint: 'sha256:z', owner: 'run-z' })).toBeUndefined();
    expect(await store.get('ord_2')).toMatchObject({ state: 'pending', owner: 'run-z' });
  });

  test('refuses a table name that is not a plain identifier, options that could free an order early, and a client without query', () => {
    for (const table of ['redeem; DROP TABLE users', 'Redeem', 'a.b.c', '', '"x"', 'shop.', 'x'.repeat(53), 'a-b']) {
      expect(() => createPostgresRedeemStore(pool, { table }), table).toThrow(/table must be/);
      expect(() => postgresRedeemStoreSchema(table), table).toThrow(TypeError);
    }
    expect(() => createPostgresRedeemStore(pool, { timeoutMs: 10_000, marginMs: 5_000, keepMs: 15_000 })).toThrow(TypeError);
    expect(() => createPostgresRedeemStore(pool, { timeoutMs: Number.NaN })).toThrow(/timeoutMs/);
    expect(() => createPostgresRedeemStore(pool, { marginMs: 2 ** 31 })).toThrow(/marginMs/);
    expect(() => createPostgresRedeemStore(pool, { keepMs: 2.5 })).toThrow(/keepMs/);
    expect(() => createPostgresRedeemStore({} as never)).toThrow(/query/);
  });

  test('migrate() is idempotent and safe when several servers run it at once; a schema-qualified table and a reserved word work', async () => {
    await pool.query('CREATE SCHEMA shop');
    const stores = [createPostgresRedeemStore(pool, { table: 'shop.order' }), createPostgresRedeemStore(postgresJs, { table: 'shop.order' })];
    await Promise.all([...stores, ...stores, ...stores].map((store) => store.migrate()));
    expect(stores[0]!.schema).toBe(postgresRedeemStoreSchema('shop.order'));
    expect(stores[0]!.schema).toMatch(/^CREATE TABLE IF NOT EXISTS "shop"."order" \(/);
    const { rows } = await pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'shop' AND tablename = 'order' ORDER BY indexname");
    expect(rows).toEqual([{ indexname: 'order_keep_until' }, { indexname: 'order_pkey' }]);
    expect(await stores[1]!.claim('ord_s', { state: 'pending', fingerprint: 'f', owner: 'o' })).toBeUndefined();
    expect(await stores[0]!.get('ord_s')).toMatchObject({ state: 'pending', owner: 'o' });
    // The documented retention job removes only rows past keep_until.
    await pool.query('DELETE FROM shop."order" WHERE keep_until < now()');
    expect(await row('ord_s', 'shop."order"')).toBeDefined();
  });

  test('createRedeemOnce over it: a repeat from another instance (the other client) gets the stored result without a call', async () => {
    const first = createRedeemOnce(voucherify(), { store: createPostgresRedeemStore(postgresJs) });
    const second = createRedeemOnce(voucherify(), { store: createPostgresRedeemStore(pool) });
    const result = await first(checkout('unit3_order'));
    expect(await second(checkout('unit3_order'))).toEqual(result);
    expect(redemptions('unit3_order')).toBe(1);
  });

  test('a stalled database (the table locked by another session) fails the call with store_unavailable, and nothing is redeemed', async () => {
    const locker = await pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE voucherkit_redeem_records IN ACCESS EXCLUSIVE MODE');
      const redeemOnce = createRedeemOnce(voucherify(), { store: createPostgresRedeemStore(pool), storeTimeoutMs: 300 });
      const started = Date.now();
      await expect(redeemOnce(checkout('ord_stall'))).rejects.toMatchObject({ kind: 'redeem_guard', key: 'store_unavailable' });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(redemptions('ord_stall')).toBe(0);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    // Once the lock goes, the late claim lands, and the run's own release (sent when its claim failed) lands before
    // or after it: the order is free or held by that run until its deadline, never redeemed.
    await vi.waitFor(() => expect(pool.idleCount).toBe(pool.totalCount), { timeout: 5000 });
    const late = await createPostgresRedeemStore(pool).get('ord_stall');
    expect(late === undefined || late.state === 'pending').toBe(true);
    expect(redemptions('ord_stall')).toBe(0);
  });

  test('a corrupt row is a typed error (corrupt_record), and the order is kept as it is, never freed nor overwritten', async () => {
    const store = createPostgresRedeemStore(pool);
    const broken = '{"state": "redeemed", "fingerprint": "x"}'; // a redeemed record without its result
    await pool.query("INSERT INTO voucherkit_redeem_records VALUES ('ord_bad', 'run-bad', $1::jsonb, now() + interval '1 day')", [broken]);
    const redeemOnce = createRedeemOnce(voucherify(), { store });
    await expect(redeemOnce(checkout('ord_bad'))).rejects.toMatchObject({ kind: 'redeem_guard', key: 'corrupt_record' });
    await expect(store.get('ord_bad')).rejects.toMatchObject({ key: 'corrupt_record' });
    // Even its owner's release and save are refused: the row stays for an operator to repair.
    await expect(store.release('ord_bad', 'run-bad')).rejects.toMatchObject({ key: 'corrupt_record' });
    await expect(store.save('ord_bad', { state: 'pending', fingerprint: 'x', owner: 'y' }, 'run-bad')).rejects.toMatchObject({ key: 'corrupt_record' });
    expect(await row('ord_bad')).toMatchObject({ owner: 'run-bad', record: broken });
    expect(redemptions('ord_bad')).toBe(0);
  });

  test("a claim written by a server whose clock runs a day ahead expires on the database's clock, not the writer's", async () => {
    const store = createPostgresRedeemStore(pool, { timeoutMs: 60, marginMs: 40, keepMs: 60_000 });
    const ahead = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + DAY_MS);
    try {
      expect(await store.claim('ord_clock', { state: 'pending', fingerprint: 'sha256:a', owner: 'fast-clock' })).toBeUndefined();
    } finally {
      ahead.mockRestore();
    }
    await sleep(150);
    const record: RedeemRecord | undefined = await store.get('ord_clock');
    expect(record).toMatchObject({ state: 'unknown', owner: 'fast-clock' });
    expect((record as { sentAt: number }).sentAt).toBeLessThanOrEqual(Date.now());
  });
});
