import { VoucherifyError } from '../core/index.js';
import { redeemGuardError } from './redeemGuardError.js';
import type { RedeemRecord } from './redeemStore.js';
import type { RedeemResult } from './types.js';

const order = (orderId: string) => `order ${JSON.stringify(orderId)}`;

/**
 * What a run answers when another run holds the order's record: the stored result (a repeat of the same request),
 * the stored unknown outcome, or a refusal whose words say what the record is. An unreleased claim after a
 * refused code is not "already redeemed", and a conflict names the state it conflicts with.
 */
export function answerClaimed(existing: RedeemRecord, fingerprint: string, orderId: string): RedeemResult {
  if (existing.fingerprint !== fingerprint) throw conflict(existing.state, orderId);
  // Records stored before `redeemed` existed are redeems all the same.
  if (existing.state === 'redeemed') return existing.result.redeemed === undefined ? { ...existing.result, redeemed: true } : existing.result;
  if (existing.state === 'unknown') throw new VoucherifyError(existing.error);
  throw inProgress(orderId);
}

/** The order's record belongs to another request; the words name the record's state. */
export function conflict(state: RedeemRecord['state'], orderId: string): VoucherifyError {
  const was =
    state === 'redeemed'
      ? 'was already redeemed with another request (codes, order, customer or metadata); use a new order id for a new cart'
      : state === 'unknown'
        ? 'has an earlier redeem with another request whose outcome is unknown; settle it with redeemOnce.reconcile(params) of that request first'
        : 'is claimed by another request (codes, order, customer or metadata): in progress, or a claim its server could not release; it reads as unknown once its deadline passes';
  return redeemGuardError('idempotency_conflict', `${order(orderId)} ${was}`, 'No call was made to Voucherify.');
}

/** The order is held by a live claim (a redeem in flight, or another run settling it). */
export function inProgress(orderId: string, settling = false): VoucherifyError {
  return redeemGuardError(
    'redemption_in_progress',
    settling
      ? `Another run is settling the unknown outcome of ${order(orderId)}; answer with its result once it is stored`
      : `A redeem for ${order(orderId)} is in progress, or its server could not release a refused attempt; answer with its result once it is stored`,
    'No call was made to Voucherify.',
  );
}
