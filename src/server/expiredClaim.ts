import { OUTCOME_UNKNOWN } from './redeemOutcome.js';
import type { PendingRecord, RedeemRecord } from './redeemStore.js';

/** A pending claim as a store keeps it: with the time (store clock) after which it reads as unknown. */
export type StoredClaim = PendingRecord & { deadline?: number };

/**
 * How a store reads a pending claim past its deadline: `unknown`, never free (the server that held it may have
 * died mid-redeem), owned by the same run, and dated by the send time it settles or else its own claim time, so
 * `redeemOnce.reconcile` can settle it without a hand-made `since`.
 */
export function expiredClaim(record: StoredClaim, orderId: string): RedeemRecord {
  const by = typeof record.deadline === 'number' ? ` by ${new Date(record.deadline).toISOString()}` : '';
  const sentAt = record.sentAt ?? record.claimedAt;
  return {
    state: 'unknown',
    fingerprint: record.fingerprint,
    owner: record.owner,
    ...(sentAt !== undefined ? { sentAt } : {}),
    error: {
      kind: 'timeout',
      key: OUTCOME_UNKNOWN,
      message:
        `A server claimed order ${JSON.stringify(orderId)} and recorded no outcome${by} (it may have stopped mid-redeem). ` +
        'The outcome is unknown: Voucherify may have redeemed it.',
      details: `Settle it with redeemOnce.reconcile(params) for order ${JSON.stringify(orderId)}: it looks the redemption up, then keeps it or frees the order.`,
    },
  };
}

/** The record a claim sees: a live pending claim without its deadline, an expired one as unknown, others as stored. */
export function readClaim(record: StoredClaim | RedeemRecord, orderId: string, now: number): RedeemRecord {
  if (record.state !== 'pending') return record;
  const { deadline, ...pending } = record as StoredClaim;
  // An old claim without a deadline cannot be dated: treat it as expired rather than in progress forever.
  if (typeof deadline !== 'number' || deadline <= now) return expiredClaim(record, orderId);
  return pending;
}
