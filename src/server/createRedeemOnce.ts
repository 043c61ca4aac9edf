import { timerMs } from '../core/internal.js';
import { createMemoryRedeemStore } from './memoryRedeemStore.js';
import { hasNothingToRedeem, nothingToRedeem } from './nothingToRedeem.js';
import { checkParams, redeemParamsSchema } from './paramSchemas.js';
import { orderRef, requireCodes } from './params.js';
import { reconcileOnce, type RedeemOnceReconcileOptions, type RedeemOnceReconcileOutcome } from './reconcileOnce.js';
import { redeemFingerprint } from './redeemFingerprint.js';
import { isRedeemOutcomeUnknown } from './redeemOutcome.js';
import type { RedeemStore } from './redeemStore.js';
import { RedemptionNotRecordedError } from './RedemptionNotRecordedError.js';
import { rollbackOnce } from './rollbackOnce.js';
import { answerClaimed, conflict } from './refuseClaimed.js';
import { storeCalls, type StoreCalls } from './storeCalls.js';
import { waitUnlessAborted } from './waitUnlessAborted.js';
import type { RedeemParams, RedeemResult, RollbackOptions, RollbackResult } from './types.js';
import type { VoucherifyServer } from './voucherifyServer.js';

/** Runs a store write whose failure must not hide the error the caller is about to get. */
async function quietly(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch {
    // The claim stays as it was (pending reads as unknown past its deadline); the caller's error says what happened.
  }
}

/** A release after a definite failure: owned, so safe to try again; a claim left behind is refused in its own words. */
async function releaseAfterRefusal(store: StoreCalls, orderId: string, owner: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await store.release(orderId, owner);
      return;
    } catch {
      // Try again: a release only ever deletes this run's own claim.
    }
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

/** Options of `createRedeemOnce`. */
export interface RedeemOnceOptions {
  /** Where order id → outcome is kept. @default createMemoryRedeemStore() (one process) */
  store?: RedeemStore;
  /** The longest one store call may take before it fails as `store_unavailable` (fail closed: no claim, no redeem). @default 5000 */
  storeTimeoutMs?: number;
}

/** Redeems an order's codes at most once. */
export interface RedeemOnce {
  (params: RedeemParams): Promise<RedeemResult>;
  /**
   * Settles an order left `unknown` (an `outcome_unknown` redeem): takes the order over from the run that left it
   * (only one run can), looks it up with `reconcileRedeem`, then stores the redemption it found (a repeat of the
   * call returns it) or frees the order (a repeat redeems it anew). Pass the same params as the redeem.
   */
  reconcile(params: RedeemParams, options?: RedeemOnceReconcileOptions): Promise<RedeemOnceReconcileOutcome>;
  /**
   * Rolls back the order's stored redemption (payment declined) and frees the order, so a retry redeems anew
   * instead of answering with the rolled-back result. Pass the same params as the redeem.
   */
  rollback(params: RedeemParams, options?: RollbackOptions): Promise<RollbackResult>;
}

/** A run's owner token: random, so no other run, on this server or another, holds the same one. */
export const newOwner = (): string => globalThis.crypto.randomUUID();

/**
 * Wraps `redeem` so each order id redeems at most once, the way Stripe's idempotency keys work: concurrent
 * calls for one order share one request, a repeat gets the stored result, the same order id with another
 * request (a SHA-256 digest of codes, order, customer, metadata) is refused, a definite failure frees the order
 * for another try, and an unknown outcome (timeout) is kept until `redeemOnce.reconcile` settles it. Every store
 * write names its run as owner, so no run frees or overwrites another's claim. Without codes nothing is claimed
 * or sent. A redeem that happened is never forgotten: when the store fails to record it, the call rejects with
 * `RedemptionNotRecordedError` carrying the result, and the order stays claimed. A store that does not answer
 * within `storeTimeoutMs` fails the call with `store_unavailable` before anything is sent. A caller's `signal`
 * only stops that caller waiting: the request, once sent, runs on and its result is stored for the retry.
 *
 * @example
 * const redeemOnce = createRedeemOnce(voucherify)
 * const result = await redeemOnce({ code, request, order: { source_id: orderId, amount } })
 * // after an outcome_unknown error, with the same params:
 * const outcome = await redeemOnce.reconcile(params) // { status: 'redeemed', result } or not_redeemed / rolled_back / free
 * // payment declined: undo the redemption and free the order for the shopper's next try
 * await redeemOnce.rollback(params, { reason: 'payment declined' })
 */
export function createRedeemOnce(
  server: Pick<VoucherifyServer, 'redeem'> & Partial<Pick<VoucherifyServer, 'reconcileRedeem' | 'rollback'>>,
  options: RedeemOnceOptions = {},
): RedeemOnce {
  const store = storeCalls(options.store ?? createMemoryRedeemStore(), options.storeTimeoutMs ?? 5000);
  const inFlight = new Map<string, Flight>();

  async function run(orderId: string, fingerprint: string, callers: Callers, params: RedeemParams): Promise<RedeemResult> {
    const owner = newOwner();
    let existing;
    try {
      existing = await store.claim(orderId, { state: 'pending', fingerprint, owner });
    } catch (error) {
      // No claim, no redeem. A claim that landed late is this run's own: free it if the store comes back.
      void quietly(() => store.release(orderId, owner));
      throw error;
    }
    if (existing) return answerClaimed(existing, fingerprint, orderId);
    if (callers.waiting === 0) {
      // Every caller left before anything was sent: send nothing and free the order.
      await quietly(() => store.release(orderId, owner));
      throw callers.abortReason;
    }
    let result: RedeemResult;
    const sentAt = Date.now();
    try {
      result = await server.redeem(params);
    } catch (error) {
      // A store that fails here leaves the claim pending: never free, and the caller still learns what happened.
      if (isRedeemOutcomeUnknown(error))
        await quietly(() => store.save(orderId, { state: 'unknown', fingerprint, owner, error: error.toJSON(), sentAt }, owner));
      else await releaseAfterRefusal(store, orderId, owner);
      throw error;
    }
    try {
      if (!(await store.save(orderId, { state: 'redeemed', fingerprint, owner, result }, owner))) {
        throw new Error('another run took the order over while this redeem was in flight');
      }
    } catch (saveError) {
      // The redeem happened: it must never be forgotten. Unknown if the store takes that, else the pending claim stays.
      const error = new RedemptionNotRecordedError(orderId, result, saveError);
      await quietly(() => store.save(orderId, { state: 'unknown', fingerprint, owner, error: error.toJSON(), sentAt }, owner));
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
    const codes = requireCodes(method, params.code, params.codes, params.promotions !== undefined);
    return { orderId, codes, fingerprint: await redeemFingerprint(codes, params) };
  }

  const redeemOnce = async (params: RedeemParams): Promise<RedeemResult> => {
    // No code, no claim: the order stays free, so a retry with a code is a new request, not a conflict.
    if (hasNothingToRedeem(params)) return nothingToRedeem('redeemOnce', params);
    const { orderId, fingerprint } = await identify('redeemOnce', params);
    const { signal, ...shared } = params;
    signal?.throwIfAborted();
    let flight = inFlight.get(orderId);
    if (flight && flight.fingerprint !== fingerprint) throw conflict('pending', orderId);
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

  async function reconcile(params: RedeemParams, reconcileOptions: RedeemOnceReconcileOptions = {}): Promise<RedeemOnceReconcileOutcome> {
    const { orderId, codes, fingerprint } = await identify('redeemOnce.reconcile', params);
    if (reconcileOptions.graceMs !== undefined) timerMs('redeemOnce.reconcile', 'graceMs', reconcileOptions.graceMs, { min: 0 });
    if (!server.reconcileRedeem) throw new TypeError('redeemOnce.reconcile needs a server with reconcileRedeem (createVoucherifyServer)');
    return reconcileOnce(
      { reconcileRedeem: server.reconcileRedeem, store, owner: newOwner() },
      {
        orderId,
        codes,
        fingerprint,
        inFlight: inFlight.has(orderId),
        ...(params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {}),
        options: reconcileOptions,
      },
    );
  }

  async function rollback(params: RedeemParams, rollbackOptions: RollbackOptions = {}): Promise<RollbackResult> {
    const { orderId, fingerprint } = await identify('redeemOnce.rollback', params);
    if (!server.rollback) throw new TypeError('redeemOnce.rollback needs a server with rollback (createVoucherifyServer)');
    return rollbackOnce(
      { rollback: server.rollback, store, owner: newOwner() },
      { orderId, fingerprint, inFlight: inFlight.has(orderId), options: rollbackOptions },
    );
  }

  return Object.assign(redeemOnce, { reconcile, rollback });
}
