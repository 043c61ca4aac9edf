import { isVoucherifyError } from '../core/index.js';
import { redeemGuardError } from './redeemGuardError.js';
import { conflict, inProgress } from './refuseClaimed.js';
import type { StoreCalls } from './storeCalls.js';
import type { RollbackOptions, RollbackResult } from './types.js';

interface Undo {
  orderId: string;
  fingerprint: string;
  inFlight: boolean;
  options: RollbackOptions;
}

/**
 * Rolls back an order's stored redemption and frees the order, so its next redeem is a real one: a stored
 * `redeemed` record left after a rollback would answer every retry with a discount that no longer exists (a gift
 * card "paid" with credits that were given back). The order is taken over first (owned), so a concurrent redeem
 * or rollback of the same order is refused rather than interleaved. A rollback whose answer was lost keeps the
 * record (`getRedemption` tells whether it happened); one that was already done frees the order.
 */
export async function rollbackOnce(
  { rollback, store, owner }: { rollback: (id: string, options?: RollbackOptions) => Promise<RollbackResult>; store: StoreCalls; owner: string },
  { orderId, fingerprint, inFlight, options }: Undo,
): Promise<RollbackResult> {
  const record = await store.get(orderId);
  if (!record) throw new TypeError(`redeemOnce.rollback: order ${JSON.stringify(orderId)} has no stored redemption`);
  if (record.fingerprint !== fingerprint) throw conflict(record.state, orderId);
  if (record.state === 'pending' || inFlight) throw inProgress(orderId, record.state === 'pending' && record.sentAt !== undefined);
  if (record.state === 'unknown') {
    throw redeemGuardError(
      'redemption_in_progress',
      `Order ${JSON.stringify(orderId)} has an unknown outcome; settle it with redeemOnce.reconcile(params) first`,
    );
  }
  const target = record.result.parentRedemption?.id ?? record.result.redemptions[0]?.id;
  if (!target) throw new TypeError(`redeemOnce.rollback: order ${JSON.stringify(orderId)}'s stored result names no redemption`);
  if (!(await store.save(orderId, { state: 'pending', fingerprint, owner }, record.owner))) throw inProgress(orderId);
  try {
    const undone = await rollback(target, options);
    await store.release(orderId, owner);
    return undone;
  } catch (error) {
    if (isVoucherifyError(error) && error.key === 'already_rolled_back') await store.release(orderId, owner);
    // Not rolled back (or not known to be): the order keeps its stored redemption.
    else await store.save(orderId, { ...record, owner }, owner).catch(() => undefined);
    throw error;
  }
}
