import { toOrderTotals } from '../core/internal.js';
import { checkParams, redeemParamsSchema } from './paramSchemas.js';
import { orderRef, resolveTrackingId } from './params.js';
import type { RedeemParams, RedeemResult } from './types.js';

/**
 * True when a redeem names no code at all (`codes: []`, or neither `code` nor `codes`) and no `promotions`. A
 * blank `code` is not "none".
 */
export function hasNothingToRedeem(params: RedeemParams): boolean {
  if (!params || typeof params !== 'object' || params.promotions !== undefined) return false;
  return Array.isArray(params.codes) ? params.codes.length === 0 : params.codes === undefined && params.code === undefined;
}

/**
 * The answer to a redeem without codes: an order without a voucher is normal, so it resolves `redeemed: false`
 * with the order at the price your server gave (no discount), after the same checks as a redeem, with no call
 * to Voucherify and nothing claimed (a retry with a code is a new request).
 *
 * @example
 * if (hasNothingToRedeem(params)) return nothingToRedeem('redeem', params) // { redeemed: false, redemptions: [], … }
 */
export function nothingToRedeem(method: string, params: RedeemParams): RedeemResult {
  if (!params.order || typeof params.order !== 'object') throw new TypeError(`${method} needs your server-side \`order\``);
  checkParams(method, redeemParamsSchema, params);
  if (!orderRef(params.order)) throw new TypeError(`${method} needs your order id as \`order.source_id\`: it is how a redemption is found again`);
  // A wrong explicit tracking id is the caller's bug whether or not there is a code.
  resolveTrackingId(method, params);
  params.signal?.throwIfAborted();
  const { amount } = params.order;
  return {
    redeemed: false,
    redemptions: [],
    parentRedemption: null,
    order: toOrderTotals(typeof amount === 'number' ? { amount } : null),
    customerId: null,
    trackingId: null,
    inapplicable: [],
    raw: null,
  };
}
