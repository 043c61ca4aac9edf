import type { RedeemResult } from 'voucherkit/server';
import type { PlacedOrder } from '../src/orderApi.js';

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const minor = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/**
 * What the confirmation shows, from Voucherify's redeem answer only: one line per redeemed tier (its banner, from the
 * child redemption's `promotion_tier`), each gift card's credits used and the balance its redemption reports left.
 *
 * @example
 * const placed = toPlacedOrder('order_1', 7349, trackingId, await voucherify.redeem({ codes, promotions: 'auto', order }))
 */
export function toPlacedOrder(orderId: string, amount: number, trackingId: string | null, redeemed: RedeemResult): PlacedOrder {
  const promotions: PlacedOrder['promotions'] = [];
  const giftCards: PlacedOrder['giftCards'] = [];
  for (const redemption of redeemed.redemptions as Loose[]) {
    if (redemption.related_object_type === 'promotion_tier') {
      const tier = isObject(redemption.promotion_tier) ? redemption.promotion_tier : {};
      const id = text(tier.id) ?? text(redemption.related_object_id) ?? '';
      promotions.push({ id, name: text(tier.banner) ?? text(tier.name) ?? id });
      continue;
    }
    const voucher = isObject(redemption.voucher) ? redemption.voucher : {};
    const gift = isObject(voucher.gift) ? voucher.gift : null;
    const used = isObject(redemption.gift) ? minor(redemption.gift.amount) : minor(redemption.amount);
    if (gift && used !== null) giftCards.push({ code: text(voucher.code) ?? '', credits: used, balance: minor(gift.balance) });
  }
  return {
    orderId,
    amount,
    discount: redeemed.order?.totalDiscountAmount ?? 0,
    total: redeemed.order?.totalAmount ?? amount,
    trackingId: redeemed.trackingId ?? trackingId,
    redemptions: redeemed.redemptions.map((redemption) => ({ id: redemption.id, code: redemption.voucher?.code ?? null, status: redemption.status ?? null })),
    parentRedemptionId: redeemed.parentRedemption?.id ?? null,
    promotions,
    giftCards,
    totalMismatch: redeemed.totalMismatch ?? null,
    customer: null,
  };
}
