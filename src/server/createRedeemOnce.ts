import { VoucherifyError } from '../core/index.js';
import { createMemoryRedeemStore } from './memoryRedeemStore.js';
import { hasNoCodes, nothingToRedeem } from './nothingToRedeem.js';
import { checkParams, redeemParamsSchema } from './paramSchemas.js';
import { orderRef, requireCodes } from './params.js';
import { redeemFingerprint } from './redeemFingerprint.js';
import { isRedeemOutcomeUnknown } from './redeemOutcome.js';
import type { RedeemStore } from './redeemStore.js';
import { RedemptionNotRecordedError } from './RedemptionNotRecordedError.js';
import { waitUnlessAborted } from './waitUnlessAborted.js';
import type { ReconcileOutcome } from './reconcileRedeem.js';
import type { RedeemParams, RedeemResult, VoucherifyServer } from './types.js';

/** Runs a store write whose failure must not hide the error the caller is about to get. */
async function quietly(write: () => unknown): Promise<void> {
  try {
    await write();
  } catch {
    // The claim stays as it was; the caller's error says what happened.
  }
}

/** The one shared run of an order in this process, and how many callers still wait for it. */
interface Flight {
  fingerprint: string;
  promise: Promise<RedeemResult>;
  callers: Callers;
}

/** Callers still waiting for a run; when the last one aborts before the send, nothing is sent. */
interface Callers {
  waiting: number;
  abortReason: unknown;
}

/** Options of `redeemOnce.reconcile`. */
export interface RedeemOnceReconcileOptions {
  /** Added to the redeem's timeout before "not found" means "not redeemed". @default 30000 */
  graceMs?: number;
  /** When the redeem was sent, for records that do not hold it (a store written by an older version). */
  since?: Date | number;
  signal?: AbortSignal;
}

/** Redeems an order's codes at most once. */
export interface RedeemOnce {
  (params: RedeemParams): Promise<RedeemResult>;
  /**
   * Settles an order left `unknown` (an `outcome_unknown` redeem): looks it up with `reconcileRedeem`, then stores
   * the redemption it found (a repeat of the call returns it) or releases the order (a repeat redeems it anew).
   * Pass the same params as the redeem. A `redeemed` order answers with its result without a lookup.
   */
  reconcile(params: RedeemParams, options?: RedeemOnceReconcileOptions): Promise<ReconcileOutcome>;
}

// Not Voucherify's answers but this guard's: kind 'api' keeps one error type for callers, the key says which.
function guardError(key: 'redemption_in_progress' | 'idempotency_conflict', orderId: string): VoucherifyError {
  const message =
    key === 'redemption_in_progress'
      ? `A redeem for order ${JSON.stringify(orderId)} is already in progress; answer with its result once it is stored`
      : `Order ${JSON.stringify(orderId)} was already redeemed with another request (codes, order, customer or metadata); use a new order id for a new cart`;
  return new VoucherifyError({ kind: 'api', status: 409, key, message, details: 'No call was made to Voucherify.' });
}

/**
 * Wraps `redeem` so each order id redeems at most once, the way Stripe's idempotency keys work: concurrent
 * calls for one order share one request, a repeat gets the stored result, the same order id with another
 * request (a SHA-256 digest of codes, order, customer, metadata) is refused, a definite failure frees the order for another try, and an unknown outcome
 * (timeout) is kept until you reconcile it and call `store.release(orderId)`. Without codes nothing is claimed or
 * sent: the call resolves `redeemed: false`, as `redeem` does. A redeem that happened is never
 * forgotten: when the store fails to record it, the call rejects with `RedemptionNotRecordedError` (key
 * `redemption_not_recorded`) carrying the result, and the order stays claimed. A caller's `signal` only stops that
 * caller waiting: the request, once sent, runs on and its result is stored for the retry.
 *
 * An unknown order is settled with `redeemOnce.reconcile(params)` (the lookup of `reconcileRedeem`, then save or release).
 *
 * @example
 * const redeemOnce = createRedeemOnce(voucherify)
 * const result = await redeemOnce({ code, request, order: { source_id: orderId, amount } })
 * // after an outcome_unknown error, with the same params:
 * const outcome = await redeemOnce.reconcile(params) // { status: 'redeemed', result } or { status: 'not_redeemed' }
 */
export function createRedeemOnce(
  server: Pick<VoucherifyServer, 'redeem'> & Partial<Pick<VoucherifyServer, 'reconcileRedeem'>>,
  options: { store?: RedeemStore } = {},
): RedeemOnce {
  const store = options.store ?? createMemoryRedeemStore();
  const inFlight = new Map<string, Flight>();

  async function run(orderId: string, fingerprint: string, callers: Callers, params: RedeemParams): Promise<RedeemResult> {
    const existing = await store.claim(orderId, { state: 'pending', fingerprint });
    if (existing) {
      if (existing.fingerprint !== fingerprint) throw guardError('idempotency_conflict', orderId);
      // Records stored before `redeemed` existed are redeems all the same.
      if (existing.state === 'redeemed') return existing.result.redeemed === undefined ? { ...existing.result, redeemed: true } : existing.result;
      if (existing.state === 'unknown') throw new VoucherifyError(existing.error);
      throw guardError('redemption_in_progress', orderId);
    }
    if (callers.waiting === 0) {
      // Every caller left before anything was sent: send nothing and free the order.
      await quietly(() => store.release(orderId));
      throw callers.abortReason;
    }
    let result: RedeemResult;
    const sentAt = Date.now();
    try {
      result = await server.redeem(params);
    } catch (error) {
      // A store that fails here leaves the claim pending: never free, and the caller still learns what happened.
      if (isRedeemOutcomeUnknown(error)) await quietly(() => store.save(orderId, { state: 'unknown', fingerprint, error: error.toJSON(), sentAt }));
      else await quietly(() => store.release(orderId));
      throw error;
    }
    try {
      await store.save(orderId, { state: 'redeemed', fingerprint, result });
    } catch (saveError) {
      // The redeem happened: it must never be forgotten. Unknown if the store takes that, else the pending claim stays.
      const error = new RedemptionNotRecordedError(orderId, result, saveError);
      await quietly(() => store.save(orderId, { state: 'unknown', fingerprint, error: error.toJSON(), sentAt }));
      throw error;
    }
    return result;
  }

  async function identify(method: string, params: RedeemParams) {
    if (!params || typeof params !== 'object' || !params.order || typeof params.order !== 'object') {
      throw new TypeError(`${method} needs parameters: { code, order: { source_id, … }, request? }`);
    }
    checkParams(method, redeemParamsSchema, params);
    const orderId = orderRef(params.order);
    if (!orderId) throw new TypeError(`${method} needs your order id as \`order.source_id\``);
    const codes = requireCodes(method, params.code, params.codes);
    return { orderId, codes, fingerprint: await redeemFingerprint(codes, params) };
  }

  async function reconcile(params: RedeemParams, reconcileOptions: RedeemOnceReconcileOptions = {}): Promise<ReconcileOutcome> {
    const { orderId, codes, fingerprint } = await identify('redeemOnce.reconcile', params);
    if (!server.reconcileRedeem) throw new TypeError('redeemOnce.reconcile needs a server with reconcileRedeem (createVoucherifyServer)');
    if (!store.get) throw new TypeError('redeemOnce.reconcile needs a store with get(orderId), as the memory and Redis stores have');
    const record = await store.get(orderId);
    if (!record) throw new TypeError(`redeemOnce.reconcile: order ${JSON.stringify(orderId)} has no record (nothing to reconcile)`);
    if (record.fingerprint !== fingerprint) throw guardError('idempotency_conflict', orderId);
    if (record.state === 'redeemed') return { status: 'redeemed', result: record.result };
    if (record.state === 'pending' || inFlight.has(orderId)) throw guardError('redemption_in_progress', orderId);
    const since = record.sentAt ?? reconcileOptions.since;
    if (since === undefined) throw new TypeError('redeemOnce.reconcile: the record has no send time; pass `since`');
    const outcome = await server.reconcileRedeem({
      orderId,
      codes,
      since,
      ...(params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {}),
      ...(reconcileOptions.graceMs !== undefined ? { graceMs: reconcileOptions.graceMs } : {}),
      ...(reconcileOptions.signal ? { signal: reconcileOptions.signal } : {}),
    });
    if (outcome.status === 'redeemed') await store.save(orderId, { state: 'redeemed', fingerprint, result: outcome.result });
    else await store.release(orderId);
    return outcome;
  }

  const redeemOnce = async (params: RedeemParams): Promise<RedeemResult> => {
    // No code, no claim: the order stays free, so a retry with a code is a new request, not a conflict.
    if (hasNoCodes(params)) return nothingToRedeem('redeemOnce', params);
    const { orderId, fingerprint } = await identify('redeemOnce', params);
    const { signal, ...shared } = params;
    signal?.throwIfAborted();
    let flight = inFlight.get(orderId);
    if (flight && flight.fingerprint !== fingerprint) throw guardError('idempotency_conflict', orderId);
    if (flight) flight.callers.waiting += 1;
    else {
      const callers: Callers = { waiting: 1, abortReason: undefined };
      // One request for every caller of this order, with no caller's signal: one caller leaving never aborts the others.
      const promise = run(orderId, fingerprint, callers, shared).finally(() => inFlight.delete(orderId));
      flight = { fingerprint, promise, callers };
      inFlight.set(orderId, flight);
    }
    const { callers } = flight;
    return waitUnlessAborted(flight.promise, signal, () => {
      callers.waiting -= 1;
      callers.abortReason = signal?.reason;
    });
  };
  return Object.assign(redeemOnce, { reconcile });
}
