import type { VoucherifyErrorInit } from '../core/index.js';
import type { RedeemResult } from './types.js';

/** What is known about one order's redeem. Plain JSON, so any store can keep it. */
export type RedeemRecord =
  | { state: 'pending'; fingerprint: string }
  | { state: 'redeemed'; fingerprint: string; result: RedeemResult }
  /** `sentAt`: when the redeem was sent (ms since the epoch), the start of `reconcile`'s lookup window. */
  | { state: 'unknown'; fingerprint: string; error: Omit<VoucherifyErrorInit, 'cause'>; sentAt?: number };

/**
 * Where order id → redeem outcome is kept. `claim` must be atomic across your servers: an
 * `INSERT … ON CONFLICT DO NOTHING` on a unique order id, or Redis `SET key value NX` (`createRedisRedeemStore`).
 * A claim is never freed by time alone: only `release` frees an order.
 *
 * @example
 * const store: RedeemStore = { claim: insertIfAbsent, save: upsert, release: remove }
 */
export interface RedeemStore {
  /** Saves `record` if the order has none and returns undefined; otherwise returns the existing record untouched. */
  claim(orderId: string, record: RedeemRecord): RedeemRecord | undefined | Promise<RedeemRecord | undefined>;
  /** Replaces the order's record. */
  save(orderId: string, record: RedeemRecord): void | Promise<void>;
  /** Forgets the order, so it can be redeemed again (after a definite failure, or once you reconciled an unknown one). */
  release(orderId: string): void | Promise<void>;
  /** The order's record; needed by `redeemOnce.reconcile` (the memory and Redis stores have it). */
  get?(orderId: string): RedeemRecord | undefined | Promise<RedeemRecord | undefined>;
}
