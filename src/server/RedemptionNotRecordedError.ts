import { VoucherifyError } from '../core/index.js';
import type { RedeemResult } from './types.js';

/** The `key` of the error thrown when Voucherify redeemed but the redeem store could not record it. */
export const REDEMPTION_NOT_RECORDED = 'redemption_not_recorded';

function redemptionIds(result: RedeemResult): string {
  const parent = result.parentRedemption?.id;
  const children = result.redemptions.map((redemption) => redemption.id).join(', ');
  return parent ? `parent redemption ${parent} (redemptions ${children})` : `redemptions ${children}`;
}

/**
 * Voucherify redeemed the order, but the `RedeemStore` failed to record it. The redemption happened and is in
 * `result`: charge from it. The order stays claimed (as unknown, or pending when the store took nothing), so a
 * retry never redeems it again; repair the store, then record or reconcile the order.
 *
 * @example
 * try { await redeemOnce(params) } catch (error) {
 *   if (error instanceof RedemptionNotRecordedError) await charge(error.result.order) // it was redeemed
 * }
 */
export class RedemptionNotRecordedError extends VoucherifyError {
  /** What Voucherify answered: the redemption that happened. */
  readonly result: RedeemResult;

  constructor(orderId: string, result: RedeemResult, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super({
      kind: 'redeem_guard',
      status: 500,
      key: REDEMPTION_NOT_RECORDED,
      message: `Voucherify redeemed order ${JSON.stringify(orderId)}, but the redeem store could not record it (${reason})`,
      details:
        `Voucherify recorded ${redemptionIds(result)}. The order stays claimed, so no retry redeems it again: ` +
        'keep (or roll back) this redemption, then fix the store and record the result or release the order.',
      cause,
    });
    this.result = result;
  }
}
