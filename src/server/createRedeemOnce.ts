import { orderFingerprint, VoucherifyError, type VoucherifyErrorInit } from '../core/index.js';
import { orderRef, requireCodes } from './params.js';
import { isRedeemOutcomeUnknown } from './redeemOutcome.js';
import type { RedeemParams, RedeemResult, VoucherifyServer } from './types.js';

/** What is known about one order's redeem. Plain JSON, so any store can keep it. */
export type RedeemRecord =
  | { state: 'pending'; fingerprint: string }
  | { state: 'redeemed'; fingerprint: string; result: RedeemResult }
  | { state: 'unknown'; fingerprint: string; error: Omit<VoucherifyErrorInit, 'cause'> };

/**
 * Where order id → redeem outcome is kept. `claim` must be atomic across your servers: an
 * `INSERT … ON CONFLICT DO NOTHING` on a unique order id, or Redis `SET key value NX`.
 */
export interface RedeemStore {
  /** Saves `record` if the order has none and returns undefined; otherwise returns the existing record untouched. */
  claim(orderId: string, record: RedeemRecord): RedeemRecord | undefined | Promise<RedeemRecord | undefined>;
  /** Replaces the order's record. */
  save(orderId: string, record: RedeemRecord): void | Promise<void>;
  /** Forgets the order, so it can be redeemed again (after a definite failure, or once you reconciled an unknown one). */
  release(orderId: string): void | Promise<void>;
}

/** The in-memory store: one process only; for several servers, back `RedeemStore` with your database. */
export interface MemoryRedeemStore extends RedeemStore {
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

/** Redeems an order's codes at most once. */
export type RedeemOnce = (params: RedeemParams) => Promise<RedeemResult>;

// Not Voucherify's answers but this guard's: kind 'api' keeps one error type for callers, the key says which.
function guardError(key: 'redemption_in_progress' | 'idempotency_conflict', orderId: string): VoucherifyError {
  const message =
    key === 'redemption_in_progress'
      ? `A redeem for order ${JSON.stringify(orderId)} is already in progress; answer with its result once it is stored`
      : `Order ${JSON.stringify(orderId)} was already redeemed with different codes or amounts; use a new order id for a new cart`;
  return new VoucherifyError({ kind: 'api', status: 409, key, message, details: 'No call was made to Voucherify.' });
}

/**
 * Wraps `redeem` so each order id redeems at most once, the way Stripe's idempotency keys work: concurrent
 * calls for one order share one request, a repeat gets the stored result, the same order id with other
 * codes or amounts is refused, a definite failure frees the order for another try, and an unknown outcome
 * (timeout) is kept until you reconcile it and call `store.release(orderId)`.
 *
 * @example
 * const redeemOnce = createRedeemOnce(voucherify)
 * const result = await redeemOnce({ code, request, order: { source_id: orderId, amount } })
 */
export function createRedeemOnce(server: Pick<VoucherifyServer, 'redeem'>, options: { store?: RedeemStore } = {}): RedeemOnce {
  const store = options.store ?? createMemoryRedeemStore();
  const inFlight = new Map<string, { fingerprint: string; promise: Promise<RedeemResult> }>();

  async function run(orderId: string, fingerprint: string, params: RedeemParams): Promise<RedeemResult> {
    const existing = await store.claim(orderId, { state: 'pending', fingerprint });
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw guardError('idempotency_conflict', orderId);
      if (existing.state === 'redeemed') return existing.result;
      if (existing.state === 'unknown') throw new VoucherifyError(existing.error);
      throw guardError('redemption_in_progress', orderId);
    }
    try {
      const result = await server.redeem(params);
      await store.save(orderId, { state: 'redeemed', fingerprint, result });
      return result;
    } catch (error) {
      if (isRedeemOutcomeUnknown(error)) await store.save(orderId, { state: 'unknown', fingerprint, error: error.toJSON() });
      else await store.release(orderId);
      throw error;
    }
  }

  return (params) => {
    const orderId = orderRef(params?.order);
    if (!orderId) return Promise.reject(new TypeError('redeemOnce needs your order id as `order.source_id`'));
    let fingerprint: string;
    try {
      const codes = requireCodes('redeemOnce', params.code, params.codes).sort();
      fingerprint = orderFingerprint({ codes, amount: params.order.amount ?? null, items: params.order.items ?? null });
    } catch (error) {
      return Promise.reject(error);
    }
    const running = inFlight.get(orderId);
    if (running) return running.fingerprint === fingerprint ? running.promise : Promise.reject(guardError('idempotency_conflict', orderId));
    const promise = run(orderId, fingerprint, params).finally(() => inFlight.delete(orderId));
    inFlight.set(orderId, { fingerprint, promise });
    return promise;
  };
}
