import { VoucherifyError } from '../core/index.js';

/** The keys of the redeem guard's own errors (`kind: 'redeem_guard'`): voucherkit said them, not Voucherify. */
export type RedeemGuardKey = 'redemption_in_progress' | 'idempotency_conflict' | 'redemption_not_recorded' | 'store_unavailable' | 'corrupt_record';

const statusOf: Record<RedeemGuardKey, number> = {
  redemption_in_progress: 409,
  idempotency_conflict: 409,
  redemption_not_recorded: 500,
  store_unavailable: 503,
  corrupt_record: 500,
};

/**
 * An error of the redeem guard (`createRedeemOnce` and its store), with `kind: 'redeem_guard'` so that a caller
 * never mistakes it for an answer of Voucherify's.
 *
 * @example
 * throw redeemGuardError('store_unavailable', 'The redeem store did not answer within 5000 ms')
 */
export function redeemGuardError(key: RedeemGuardKey, message: string, details?: string, cause?: unknown): VoucherifyError {
  return new VoucherifyError({ kind: 'redeem_guard', status: statusOf[key], key, message, details, ...(cause === undefined ? {} : { cause }) });
}
