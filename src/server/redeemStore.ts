import type { VoucherifyErrorInit } from '../core/index.js';
import type { RedeemResult } from './types.js';

/**
 * A run's claim on an order. `owner` is the run's random token: only the owner may replace or release the record.
 * `claimedAt` is the store's own clock when the claim was written (set by the store); `sentAt`, on a claim taken
 * to settle an unknown outcome, is the send time of the redeem being settled.
 */
export type PendingRecord = { state: 'pending'; fingerprint: string; owner: string; claimedAt?: number; sentAt?: number };

/** What is known about one order's redeem. Plain JSON, so any store can keep it. */
export type RedeemRecord =
  | PendingRecord
  | { state: 'redeemed'; fingerprint: string; owner: string; result: RedeemResult }
  /**
   * `sentAt`: when the redeem was sent (ms since the epoch), the start of `reconcile`'s lookup window. A pending
   * claim past its deadline reads as `unknown` with the claim's time here (a redeem is sent after its claim).
   */
  | { state: 'unknown'; fingerprint: string; owner: string; error: Omit<VoucherifyErrorInit, 'cause'>; sentAt?: number };

/**
 * Where order id → redeem outcome is kept, for `createRedeemOnce`. Every write is owned: `claim` stores a record
 * naming its owner, and `save` / `release` act only while the stored record still names the owner they are given,
 * checked atomically by the store (a Lua script in Redis, a conditional statement in SQL). A run therefore never
 * overwrites or frees another run's claim or result. A claim is never freed by time alone: past its deadline a
 * pending claim reads as `unknown`, and only its owner's `release` frees an order.
 *
 * @example
 * const store: RedeemStore = createRedisRedeemStore(redis) // or createMemoryRedeemStore(), or your own
 */
export interface RedeemStore {
  /** Saves `record` if the order has none and returns undefined; otherwise returns the existing record untouched. */
  claim(orderId: string, record: PendingRecord): RedeemRecord | undefined | Promise<RedeemRecord | undefined>;
  /**
   * Replaces the order's record if the stored one names `owner` (compare-and-set); `record.owner` may name a new
   * owner (taking over an unknown order to settle it). False when another run owns the order or it has no record.
   */
  save(orderId: string, record: RedeemRecord, owner: string): boolean | Promise<boolean>;
  /** Forgets the order if the stored record names `owner` (compare-and-delete), so it can be redeemed again. */
  release(orderId: string, owner: string): boolean | Promise<boolean>;
  /** The order's record as a claim would see it (a pending claim past its deadline reads as `unknown`). */
  get(orderId: string): RedeemRecord | undefined | Promise<RedeemRecord | undefined>;
}
