import type { RedeemRecord, RedeemStore } from './redeemStore.js';

/** The in-memory store: one process only; for several servers use `createRedisRedeemStore` or your database. */
export interface MemoryRedeemStore extends RedeemStore {
  /** The order's record, for tests and for reconciling. */
  get(orderId: string): RedeemRecord | undefined;
}

/**
 * An in-memory `RedeemStore`, for a single process and for tests.
 *
 * @example
 * const store = createMemoryRedeemStore()
 * const redeemOnce = createRedeemOnce(voucherify, { store })
 */
export function createMemoryRedeemStore(): MemoryRedeemStore {
  const records = new Map<string, RedeemRecord>();
  return {
    get: (orderId) => records.get(orderId),
    claim(orderId, record) {
      const existing = records.get(orderId);
      if (existing) return existing;
      records.set(orderId, record);
      return undefined;
    },
    save(orderId, record) {
      records.set(orderId, record);
    },
    release(orderId) {
      records.delete(orderId);
    },
  };
}
