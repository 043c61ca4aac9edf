import { timerMs } from '../core/internal.js';
import { readClaim, type StoredClaim } from './expiredClaim.js';
import type { RedeemRecord, RedeemStore } from './redeemStore.js';

/** Options of `createMemoryRedeemStore`. */
export interface MemoryRedeemStoreOptions {
  /** Your server's `timeoutMs`. @default 10000 */
  timeoutMs?: number;
  /** Added to `timeoutMs` before a pending claim reads as `unknown` (a run that hangs, or a save that never came). @default 20000 */
  marginMs?: number;
}

/** The in-memory store: one process only; for several servers use `createRedisRedeemStore` or your database. */
export interface MemoryRedeemStore extends RedeemStore {
  /** The order's record, for tests and for reconciling. */
  get(orderId: string): RedeemRecord | undefined;
}

/**
 * An in-memory `RedeemStore`, for a single process and for tests. The same rules as the shared stores: owned
 * writes (save and release act only for the record's owner), and a pending claim past `timeoutMs + marginMs`
 * reads as `unknown` with its claim time, never as free.
 *
 * @example
 * const store = createMemoryRedeemStore()
 * const redeemOnce = createRedeemOnce(voucherify, { store })
 */
export function createMemoryRedeemStore(options: MemoryRedeemStoreOptions = {}): MemoryRedeemStore {
  const pendingMs =
    timerMs('createMemoryRedeemStore', 'timeoutMs', options.timeoutMs ?? 10_000) + timerMs('createMemoryRedeemStore', 'marginMs', options.marginMs ?? 20_000);
  const records = new Map<string, StoredClaim | RedeemRecord>();
  const stamp = (record: RedeemRecord): StoredClaim | RedeemRecord => {
    if (record.state !== 'pending') return record;
    const claimedAt = Date.now();
    return { ...record, claimedAt, deadline: claimedAt + pendingMs };
  };
  const read = (orderId: string) => {
    const record = records.get(orderId);
    return record && readClaim(record, orderId, Date.now());
  };
  return {
    get: read,
    claim(orderId, record) {
      const existing = read(orderId);
      if (existing) return existing;
      records.set(orderId, stamp(record));
      return undefined;
    },
    save(orderId, record, owner) {
      if (records.get(orderId)?.owner !== owner) return false;
      records.set(orderId, stamp(record));
      return true;
    },
    release(orderId, owner) {
      if (records.get(orderId)?.owner !== owner) return false;
      return records.delete(orderId);
    },
  };
}
