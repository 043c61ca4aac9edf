import { pathSegment, VoucherifyError } from '../core/index.js';
import { decodeWith } from './decodeWith.js';
import { call, timerMs, toOrderTotals } from '../core/internal.js';
import { customerFor, orderRef, requireCodes, resolveTrackingId, toServerOrder } from './params.js';
import { sendRedeem } from './sendRedeem.js';
import { redemptionSchema } from './schemas.js';
import type { RedeemVoucherParams, RedeemVoucherResult, ServerContext } from './types.js';

/**
 * The deprecated single-voucher POST /v1/vouchers/{code}/redemption, for projects that still use it.
 * The tracking id travels as the `tracking_id` query parameter and as `customer.source_id`: a body
 * `tracking_id` is rejected with `invalid_redemption_context` (voucherify-nodejs-sdk#104).
 */
export async function redeemVoucher(context: ServerContext, code: string, params: RedeemVoucherParams = {}): Promise<RedeemVoucherResult> {
  const [voucher] = requireCodes('redeemVoucher', code, undefined);
  if (params.timeoutMs !== undefined) timerMs('redeemVoucher', 'timeoutMs', params.timeoutMs);
  const path = `/v1/vouchers/${pathSegment('redeemVoucher(code)', voucher)}/redemption`;
  const trackingId = resolveTrackingId('redeemVoucher', params);
  const customer = customerFor(params.customer, trackingId);
  const body = {
    ...(customer ? { customer } : {}),
    ...(params.order ? { order: toServerOrder(params.order) } : {}),
    ...(params.metadata ? { metadata: params.metadata } : {}),
    ...(params.session?.key ? { session: { key: params.session.key } } : {}),
    ...(params.gift ? { gift: { credits: params.gift.credits } } : {}),
  };
  const send = (sentTrackingId: string | null) =>
    call(context.config, {
      method: 'POST',
      path,
      // The query, never the body: a body `tracking_id` is rejected here (invalid_redemption_context).
      query: new URLSearchParams(sentTrackingId ? { tracking_id: sentTrackingId } : {}),
      body,
      decode: decodeWith(redemptionSchema),
      signal: params.signal,
      retry: 'never',
      timeoutMs: params.timeoutMs ?? context.timeoutMs,
    });

  const { body: redemption, sentTrackingId: sent } = await sendRedeem(send, params.customer, trackingId, orderRef(params.order));
  if (redemption.result === 'FAILURE') {
    const key = redemption.failure_code ?? 'unknown';
    throw new VoucherifyError({ kind: 'api', status: 400, key, message: redemption.failure_message ?? `The code could not be redeemed (${key})` });
  }
  return {
    redemption,
    order: toOrderTotals(redemption.order),
    customerId: redemption.customer_id ?? redemption.customer?.id ?? null,
    trackingId: redemption.tracking_id ?? sent,
  };
}
