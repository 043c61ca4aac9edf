import { OUTCOME_UNKNOWN } from './redeemOutcome.js';
import type { RedeemRecord, RedeemStore } from './redeemStore.js';

/**
 * The one method the Redis store needs: send a command, get its reply. Adapters are one line:
 * `redis` (node-redis): the client itself (`client.sendCommand(args)`);
 * `ioredis`: `{ sendCommand: (args) => redis.call(args[0], ...args.slice(1)) }`.
 */
export interface RedisCommandSender {
  sendCommand(args: [command: string, ...args: string[]]): Promise<unknown>;
}

/** Options of `createRedisRedeemStore`. */
export interface RedisRedeemStoreOptions {
  /** Key prefix; each order is one key, `${prefix}${orderId}`. @default 'voucherkit:redeem:' */
  prefix?: string;
  /** Your server's `timeoutMs` (per call, redeem included); use the largest per-call override if you set one. @default 10000 */
  timeoutMs?: number;
  /** Added to `timeoutMs` before a pending claim reads as `unknown`: covers the ambiguous-id fallback, the save and clock skew. @default 20000 */
  marginMs?: number;
  /** How long a record (redeemed, unknown or an abandoned claim) is kept. @default 30 days */
  keepMs?: number;
}

/** A `RedeemStore` in Redis, with a read for reconciling. */
export interface RedisRedeemStore extends RedeemStore {
  /** The order's record as a claim would see it (an expired pending claim reads as `unknown`), or undefined. */
  get(orderId: string): Promise<RedeemRecord | undefined>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// The longest PX Redis accepts is far above this; the cap only catches a unit mistake (seconds × 1000 twice).
const MAX_KEEP_MS = 10 * 365 * DAY_MS;

/** A pending record carries the time after which it reads as unknown (the claiming server's clock). */
type StoredRecord = RedeemRecord & { deadline?: number };

function positiveMs(name: string, value: number | undefined, fallback: number, max = MAX_KEEP_MS): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0 || value > max) {
    throw new TypeError(`createRedisRedeemStore: ${name} must be a whole number of milliseconds from 1 to ${max}, got ${String(value)}`);
  }
  return value;
}

function expiredClaim(record: StoredRecord, orderId: string): RedeemRecord {
  const since = new Date(record.deadline!).toISOString();
  return {
    state: 'unknown',
    fingerprint: record.fingerprint,
    error: {
      kind: 'timeout',
      key: OUTCOME_UNKNOWN,
      message:
        `A server claimed order ${JSON.stringify(orderId)} and recorded no outcome by ${since} (it may have stopped mid-redeem). ` +
        'The outcome is unknown: Voucherify may have redeemed it.',
      details:
        `Look the redemption up for order ${JSON.stringify(orderId)} (GET /v1/redemptions, the dashboard). If it exists, keep it ` +
        '(or roll it back) and save it; if it does not, release the order (store.release) and redeem again.',
    },
  };
}

/**
 * A `RedeemStore` in Redis, for several servers: a claim is `SET key value NX PX keepMs`, so exactly one server
 * claims an order. A pending claim holds a deadline (`timeoutMs + marginMs` ahead); past it, the claim reads as
 * `unknown` (the server that held it may have died mid-redeem), never as free. Redeemed and unknown records, and
 * abandoned claims, are kept for `keepMs` (30 days by default); only `release` frees an order sooner.
 *
 * @example
 * import { createClient } from 'redis'
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * const redeemOnce = createRedeemOnce(voucherify, { store: createRedisRedeemStore(redis, { timeoutMs: 10_000 }) })
 */
export function createRedisRedeemStore(client: RedisCommandSender, options: RedisRedeemStoreOptions = {}): RedisRedeemStore {
  if (!client || typeof client.sendCommand !== 'function') {
    throw new TypeError('createRedisRedeemStore needs a client with sendCommand(args): a node-redis client, or an ioredis adapter');
  }
  const prefix = options.prefix ?? 'voucherkit:redeem:';
  if (typeof prefix !== 'string') throw new TypeError('createRedisRedeemStore: prefix must be a string');
  const pendingMs = positiveMs('timeoutMs', options.timeoutMs, 10_000) + positiveMs('marginMs', options.marginMs, 20_000);
  const keepMs = positiveMs('keepMs', options.keepMs, 30 * DAY_MS);
  if (keepMs <= pendingMs) throw new TypeError('createRedisRedeemStore: keepMs must be longer than timeoutMs + marginMs');

  const key = (orderId: string) => `${prefix}${orderId}`;
  const encode = (record: RedeemRecord): string =>
    JSON.stringify(record.state === 'pending' ? { ...record, deadline: Date.now() + pendingMs } : record);

  function decode(orderId: string, reply: unknown): RedeemRecord | undefined {
    if (reply === null || reply === undefined) return undefined;
    let record: StoredRecord;
    try {
      record = JSON.parse(String(reply)) as StoredRecord;
    } catch (cause) {
      throw new Error(`The redeem record of order ${JSON.stringify(orderId)} in Redis is not JSON`, { cause });
    }
    if (!record || typeof record.state !== 'string' || typeof record.fingerprint !== 'string') {
      throw new Error(`The redeem record of order ${JSON.stringify(orderId)} in Redis is not a RedeemRecord`);
    }
    if (record.state !== 'pending') return record;
    // An old claim without a deadline cannot be dated: treat it as expired rather than in progress forever.
    if (typeof record.deadline !== 'number' || record.deadline <= Date.now()) return expiredClaim(record, orderId);
    const { deadline: _deadline, ...pending } = record;
    return pending as RedeemRecord;
  }

  return {
    async claim(orderId, record) {
      const value = encode(record);
      // A release between our SET and GET frees the key again: claim anew (a few times at most).
      for (let attempt = 0; attempt < 3; attempt++) {
        const set = await client.sendCommand(['SET', key(orderId), value, 'NX', 'PX', String(keepMs)]);
        if (set !== null && set !== undefined) return undefined;
        const existing = decode(orderId, await client.sendCommand(['GET', key(orderId)]));
        if (existing) return existing;
      }
      throw new Error(`Could not claim order ${JSON.stringify(orderId)}: its Redis record kept changing`);
    },
    async save(orderId, record) {
      await client.sendCommand(['SET', key(orderId), encode(record), 'PX', String(keepMs)]);
    },
    async release(orderId) {
      await client.sendCommand(['DEL', key(orderId)]);
    },
    async get(orderId) {
      return decode(orderId, await client.sendCommand(['GET', key(orderId)]));
    },
  };
}
