import { inProgress, conflict } from './refuseClaimed.js';
import type { ReconcileOutcome, ReconcileRedeemParams } from './reconcileRedeem.js';
import type { StoreCalls } from './storeCalls.js';

/** Options of `redeemOnce.reconcile`. */
export interface RedeemOnceReconcileOptions {
  /** Added to the redeem's timeout before "not found" means "not redeemed". @default 30000 */
  graceMs?: number;
  /** When the redeem was sent, for records that do not hold it (a store written by 0.2 or older). */
  since?: Date | number;
  signal?: AbortSignal;
}

/**
 * What `redeemOnce.reconcile` concluded: the lookup's outcome, with the order stored (`redeemed`) or freed
 * (`not_redeemed`, `rolled_back`), or `free` when the order had no record (another run settled and freed it, or it
 * was never claimed): redeeming it claims it anew.
 */
export type RedeemOnceReconcileOutcome = ReconcileOutcome | { status: 'free' };

interface Settle {
  orderId: string;
  codes: string[];
  fingerprint: string;
  /** This process is redeeming the order right now. */
  inFlight: boolean;
  timeoutMs?: number;
  options: RedeemOnceReconcileOptions;
}

/**
 * Settles an unknown order: takes it over from the run that left it (a compare-and-set on that run's owner, so
 * of any number of concurrent reconcilers exactly one proceeds), looks the redemption up, then stores what was
 * found or frees the order, each step owned. A lookup that fails puts the order back as it was (unknown).
 */
export async function reconcileOnce(
  { reconcileRedeem, store, owner }: { reconcileRedeem: (params: ReconcileRedeemParams) => Promise<ReconcileOutcome>; store: StoreCalls; owner: string },
  { orderId, codes, fingerprint, inFlight, timeoutMs, options }: Settle,
): Promise<RedeemOnceReconcileOutcome> {
  const record = await store.get(orderId);
  if (!record) return { status: 'free' };
  if (record.fingerprint !== fingerprint) throw conflict(record.state, orderId);
  if (record.state === 'redeemed') return { status: 'redeemed', result: record.result };
  if (record.state === 'pending' || inFlight) throw inProgress(orderId, record.state === 'pending' && record.sentAt !== undefined);
  const since = record.sentAt ?? options.since;
  if (since === undefined) throw new TypeError('redeemOnce.reconcile: the record has no send time (written by voucherkit 0.2 or older); pass `since`');
  const sentAt = since instanceof Date ? since.getTime() : since;

  // The claim carries the send time it settles: if this run dies too, the next reconcile keeps the same window.
  if (!(await store.save(orderId, { state: 'pending', fingerprint, owner, sentAt }, record.owner))) throw inProgress(orderId, true);
  let outcome: ReconcileOutcome;
  try {
    outcome = await reconcileRedeem({
      orderId,
      codes,
      since: sentAt,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    // Nothing was settled: the order is unknown again, for the next reconcile.
    await store.save(orderId, { ...record, owner }, owner).catch(() => undefined);
    throw error;
  }
  if (outcome.status === 'redeemed') {
    // What Voucherify recorded is the answer even if another run took the order over meanwhile: it finds the same.
    await store.save(orderId, { state: 'redeemed', fingerprint, owner, result: outcome.result }, owner);
    return outcome;
  }
  // Freed only while still ours: a run that took over after our claim's deadline settles it instead.
  if (!(await store.release(orderId, owner))) throw inProgress(orderId, true);
  return outcome;
}
