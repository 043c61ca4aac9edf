import { timerMs } from '../core/internal.js';
import { readClaim, type StoredClaim } from './expiredClaim.js';
import { parseStoredRecord } from './parseStoredRecord.js';
import { redeemGuardError } from './redeemGuardError.js';
import type { RedeemRecord, RedeemStore } from './redeemStore.js';
import { CLAIM, GET, RELEASE, SAVE } from './redisScripts.js';

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
  /** Added to `timeoutMs` before a pending claim reads as `unknown`: covers the ambiguous-id fallback and the save. @default 20000 */
  marginMs?: number;
  /** How long a record (redeemed, unknown or an abandoned claim) is kept. @default 30 days */
  keepMs?: number;
}

/** A `RedeemStore` in Redis, with a read for reconciling. */
export interface RedisRedeemStore extends RedeemStore {
  claim(orderId: string, record: RedeemRecord & { state: 'pending' }): Promise<RedeemRecord | undefined>;
  save(orderId: string, record: RedeemRecord, owner: string): Promise<boolean>;
  release(orderId: string, owner: string): Promise<boolean>;
  /** The order's record as a claim would see it (an expired pending claim reads as `unknown`), or undefined. */
  get(orderId: string): Promise<RedeemRecord | undefined>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// The longest PX Redis accepts is far above this; the cap only catches a unit mistake (seconds × 1000 twice).
const MAX_KEEP_MS = 10 * 365 * DAY_MS;

const corrupt = (orderId: string) =>
  redeemGuardError(
    'corrupt_record',
    `The redeem record of order ${JSON.stringify(orderId)} in Redis is not a RedeemRecord; it was left as it is`,
    'Inspect the key: the order stays claimed (never freed) until you repair or delete it.',
  );

/**
 * A `RedeemStore` in Redis, for several servers. Every step is one Lua script: a claim is `SET NX PX keepMs`, so
 * exactly one server claims an order; a save or a release checks the record's owner in the same step. Claims are
 * dated by Redis's own clock (`TIME`), so a server whose clock runs ahead or behind cannot block an order or
 * shorten a claim. Past `timeoutMs + marginMs` a pending claim reads as `unknown` with its claim time (the server
 * that held it may have died mid-redeem), never as free. Records are kept for `keepMs` (30 days by default).
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
  const pendingMs =
    timerMs('createRedisRedeemStore', 'timeoutMs', options.timeoutMs ?? 10_000) + timerMs('createRedisRedeemStore', 'marginMs', options.marginMs ?? 20_000);
  // keepMs goes to Redis (PX), not to a timer: its own bound.
  const keepMs = options.keepMs ?? 30 * DAY_MS;
  if (!Number.isSafeInteger(keepMs) || keepMs <= 0 || keepMs > MAX_KEEP_MS) {
    throw new TypeError(`createRedisRedeemStore: keepMs must be a whole number of milliseconds from 1 to ${MAX_KEEP_MS}, got ${String(keepMs)}`);
  }
  if (keepMs <= pendingMs) throw new TypeError('createRedisRedeemStore: keepMs must be longer than timeoutMs + marginMs');

  const key = (orderId: string) => `${prefix}${orderId}`;
  const run = (script: string, orderId: string, ...args: string[]) => client.sendCommand(['EVAL', script, '1', key(orderId), ...args]);

  function read(orderId: string, stored: unknown, now: unknown): RedeemRecord | undefined {
    if (stored === null || stored === undefined) return undefined;
    const record = parseStoredRecord(String(stored));
    if (!record) throw corrupt(orderId);
    return readClaim(record as StoredClaim | RedeemRecord, orderId, Number(now));
  }
  /** 1 written, 0 not owned; an unreadable record is a typed error, and the order stays as it is. */
  function owned(orderId: string, reply: unknown): boolean {
    if (Number(reply) === -1) throw corrupt(orderId);
    return Number(reply) === 1;
  }

  return {
    async claim(orderId, record) {
      const [claimed, now, stored] = (await run(CLAIM, orderId, JSON.stringify(record), String(pendingMs), String(keepMs))) as [number, number, string?];
      if (Number(claimed) === 1) return undefined;
      // The key expired between SET NX and GET (keepMs passed): nothing is held, so claim again.
      return read(orderId, stored, now) ?? this.claim(orderId, record);
    },
    async save(orderId, record, owner) {
      return owned(
        orderId,
        await run(SAVE, orderId, owner, JSON.stringify(record), record.state === 'pending' ? 'pending' : '', String(pendingMs), String(keepMs)),
      );
    },
    async release(orderId, owner) {
      return owned(orderId, await run(RELEASE, orderId, owner));
    },
    async get(orderId) {
      const [now, stored] = (await run(GET, orderId)) as [number, string?];
      return read(orderId, stored, now);
    },
  };
}
