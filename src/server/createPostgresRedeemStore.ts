import { timerMs } from '../core/internal.js';
import { readClaim, type StoredClaim } from './expiredClaim.js';
import { parseStoredRecord } from './parseStoredRecord.js';
import { DEFAULT_POSTGRES_TABLE, schemaSql, statements, tableName } from './postgresStatements.js';
import { redeemGuardError } from './redeemGuardError.js';
import type { RedeemRecord, RedeemStore } from './redeemStore.js';

/**
 * The one method the Postgres store needs: run a parameterised statement, get its rows. node-postgres's `Pool` (or
 * `Client`) is one as it is; postgres.js needs one line:
 * `{ query: async (text, values) => ({ rows: await sql.unsafe(text, values) }) }`.
 */
export interface PostgresQueryable {
  query(text: string, values: string[]): Promise<{ rows: unknown[] }>;
}

/** Options of `createPostgresRedeemStore`. */
export interface PostgresRedeemStoreOptions {
  /** The table, optionally schema-qualified (`shop.redeem_records`): lower-case letters, digits and `_`. @default 'voucherkit_redeem_records' */
  table?: string;
  /** Your server's `timeoutMs` (per call, redeem included); use the largest per-call override if you set one. @default 10000 */
  timeoutMs?: number;
  /** Added to `timeoutMs` before a pending claim reads as `unknown`: covers the ambiguous-id fallback and the save. @default 20000 */
  marginMs?: number;
  /** How long a record (redeemed, unknown or an abandoned claim) is kept; past it the row reads as gone. @default 30 days */
  keepMs?: number;
}

/** A `RedeemStore` in PostgreSQL, with a read for reconciling and its schema. */
export interface PostgresRedeemStore extends RedeemStore {
  claim(orderId: string, record: RedeemRecord & { state: 'pending' }): Promise<RedeemRecord | undefined>;
  save(orderId: string, record: RedeemRecord, owner: string): Promise<boolean>;
  release(orderId: string, owner: string): Promise<boolean>;
  /** The order's record as a claim would see it (an expired pending claim reads as `unknown`), or undefined. */
  get(orderId: string): Promise<RedeemRecord | undefined>;
  /** The `CREATE TABLE IF NOT EXISTS` and its `keep_until` index for this store's table, for your migration tool. */
  readonly schema: string;
  /** Runs `schema`, idempotently; concurrent calls from several servers wait for each other (an advisory lock). */
  migrate(): Promise<void>;
}

/**
 * The `CREATE TABLE IF NOT EXISTS` and `keep_until` index of a Postgres redeem store's table, for a migration tool
 * (`store.migrate()` runs the same text).
 *
 * @example
 * await pool.query(postgresRedeemStoreSchema('shop.redeem_records'))
 */
export function postgresRedeemStoreSchema(table: string = DEFAULT_POSTGRES_TABLE): string {
  return schemaSql(tableName('postgresRedeemStoreSchema', table));
}

const DAY_MS = 24 * 60 * 60 * 1000;
// keepMs goes to the database, not to a timer; the cap only catches a unit mistake (seconds × 1000 twice).
const MAX_KEEP_MS = 10 * 365 * DAY_MS;
// pg_advisory_xact_lock's key for migrate(): concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog.
const MIGRATE_LOCK = 0x766b_7264; // 'vkrd'

interface Row {
  owner: string;
  record: string;
  now_ms: string;
}

/**
 * A `RedeemStore` in PostgreSQL, for several servers. A claim is an `INSERT … ON CONFLICT` on the order id that
 * replaces only a row past its `keep_until`, so exactly one server claims an order; a save is `UPDATE … WHERE owner = $n` and a release `DELETE … WHERE owner
 * = $n`, so the owner is checked in the same statement as the write. Claims are dated by the database clock
 * (`now()`), never a server's. Past `timeoutMs + marginMs` a pending claim reads as `unknown` with its claim time,
 * never as free. Rows are kept for `keepMs` (30 days); delete older ones with a job (see docs/server.md).
 *
 * @example
 * import pg from 'pg'
 * const store = createPostgresRedeemStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }), { timeoutMs: 10_000 })
 * await store.migrate()
 * const redeemOnce = createRedeemOnce(voucherify, { store })
 */
export function createPostgresRedeemStore(client: PostgresQueryable, options: PostgresRedeemStoreOptions = {}): PostgresRedeemStore {
  const where = 'createPostgresRedeemStore';
  if (!client || typeof client.query !== 'function') {
    throw new TypeError(`${where} needs a client with query(text, values): a pg Pool, or the postgres.js adapter`);
  }
  const table = tableName(where, options.table ?? DEFAULT_POSTGRES_TABLE);
  const pendingMs = timerMs(where, 'timeoutMs', options.timeoutMs ?? 10_000) + timerMs(where, 'marginMs', options.marginMs ?? 20_000);
  const keepMs = options.keepMs ?? 30 * DAY_MS;
  if (!Number.isSafeInteger(keepMs) || keepMs <= 0 || keepMs > MAX_KEEP_MS) {
    throw new TypeError(`${where}: keepMs must be a whole number of milliseconds from 1 to ${MAX_KEEP_MS}, got ${String(keepMs)}`);
  }
  if (keepMs <= pendingMs) throw new TypeError(`${where}: keepMs must be longer than timeoutMs + marginMs`);
  const sql = statements(table);
  const schema = schemaSql(table);

  const corrupt = (orderId: string) =>
    redeemGuardError(
      'corrupt_record',
      `The redeem record of order ${JSON.stringify(orderId)} in table ${table.sql} is not a RedeemRecord; it was left as it is`,
      'Inspect the row: the order stays claimed (never freed) until you repair or delete it.',
    );
  /** The row's record, its owner taken from the owner column (the one every write checks). */
  function parse(orderId: string, row: Row): StoredClaim | RedeemRecord {
    const record = parseStoredRecord(String(row.record));
    if (!record || typeof row.owner !== 'string') throw corrupt(orderId);
    return { ...record, owner: row.owner };
  }
  async function read(orderId: string): Promise<Row | undefined> {
    const { rows } = await client.query(sql.get, [orderId]);
    return rows[0] as Row | undefined;
  }
  /** A write that touched no row: not owned or gone (false), or a row it refused to touch because it is unreadable. */
  async function refused(orderId: string): Promise<false> {
    const row = await read(orderId);
    if (row) parse(orderId, row);
    return false;
  }

  const store: PostgresRedeemStore = {
    schema,
    async migrate() {
      // No parameters, so both clients send it as one simple query: one implicit transaction, holding the lock.
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATE_LOCK});\n${schema}`, []);
    },
    async claim(orderId, record) {
      const { rows } = await client.query(sql.claim, [orderId, record.owner, JSON.stringify(record), String(pendingMs), String(keepMs)]);
      if (rows.length === 1) return undefined;
      const row = await read(orderId);
      // The row was released (or outlived keepMs) between the insert and the read: nothing is held, so claim again.
      if (!row) return store.claim(orderId, record);
      return readClaim(parse(orderId, row), orderId, Number(row.now_ms));
    },
    async save(orderId, record, owner) {
      const pending = record.state === 'pending' ? 'pending' : '';
      const values = [orderId, owner, record.owner, JSON.stringify(record), pending, String(pendingMs), String(keepMs)];
      const { rows } = await client.query(sql.save, values);
      return rows.length === 1 || refused(orderId);
    },
    async release(orderId, owner) {
      const { rows } = await client.query(sql.release, [orderId, owner]);
      return rows.length === 1 || refused(orderId);
    },
    async get(orderId) {
      const row = await read(orderId);
      return row && readClaim(parse(orderId, row), orderId, Number(row.now_ms));
    },
  };
  return store;
}
