import type { Customer } from '../core/index.js';
import { isAmbiguousWithMerchantCustomer } from './params.js';
import { toRedeemError } from './redeemOutcome.js';

/**
 * Sends one redeem with the browser's tracking id. When Voucherify refuses it as `ambiguous_tracking_id` next to
 * the merchant's own customer (nothing was written), sends it once more without the id: that customer wins.
 * A failure whose outcome is unknown becomes an `outcome_unknown` error; a redeem is never retried otherwise.
 *
 * @example
 * const { body, sentTrackingId } = await sendRedeem((id) => call(…, id), params.customer, trackingId, orderId)
 */
export async function sendRedeem<T>(
  send: (trackingId: string | null) => Promise<T>,
  customer: Customer | undefined,
  trackingId: string | null,
  orderId: string | undefined,
): Promise<{ body: T; sentTrackingId: string | null }> {
  try {
    return { body: await send(trackingId), sentTrackingId: trackingId };
  } catch (error) {
    if (!isAmbiguousWithMerchantCustomer(error, customer, trackingId)) throw toRedeemError(error, 'this redeem', orderId);
  }
  try {
    return { body: await send(null), sentTrackingId: null };
  } catch (error) {
    throw toRedeemError(error, 'this redeem', orderId);
  }
}
