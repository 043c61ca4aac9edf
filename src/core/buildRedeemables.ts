/**
 * A promotion tier to send beside the codes: its id (`promo_…`), and its `hierarchy` when the caller knows it
 * (the tier list carries it; a qualification entry does not).
 */
export interface PromotionRef {
  id: string;
  hierarchy?: number | null | undefined;
}

/** One entry of a stackable validation's or redemption's `redeemables` list. */
export interface RedeemableRef {
  object: 'voucher' | 'promotion_tier';
  id: string;
  /** A gift card's credits to use (minor units), when the caller chose them. */
  gift?: { credits: number };
}

/**
 * The `redeemables` list of every stackable call (browser validation, server validation, reserve and redeem), so
 * the browser's total and the server's redemption see one order: the shopper's codes first, in the shopper's order
 * (Voucherify's `duplicated_redeemables` answers a repeat, so codes are not deduplicated); then the promotion tiers,
 * each once, by `hierarchy` (lower first; a tier whose hierarchy is unknown after those with one), then by id in
 * code-unit order (the same in every runtime and locale). Why one order: with `redeemables_sorting_rule:
 * REQUESTED_ORDER` the order changes the total (10 % then $10 off ≠ $10 off then 10 %); codes first is what the
 * shopper typed and what composable-ui's Voucherify package sends.
 *
 * `giftCredits` (code → minor units) adds `gift: { credits }` to those codes' entries.
 *
 * @example
 * buildRedeemables(['SAVE10'], ['promo_b', { id: 'promo_a', hierarchy: 1 }])
 * // [{ object: 'voucher', id: 'SAVE10' }, { object: 'promotion_tier', id: 'promo_a' }, { object: 'promotion_tier', id: 'promo_b' }]
 */
export function buildRedeemables(
  codes: readonly string[],
  promotions: readonly (string | PromotionRef)[] = [],
  giftCredits?: Readonly<Record<string, number>>,
): RedeemableRef[] {
  // Each tier once (the first mention), ranked by its hierarchy; an unknown one after all known ones.
  const tiers = new Map<string, number>();
  for (const promotion of promotions) {
    const { id, hierarchy } = typeof promotion === 'string' ? { id: promotion } : promotion;
    if (!tiers.has(id)) tiers.set(id, Number.isFinite(hierarchy) ? (hierarchy as number) : Infinity);
  }
  return [
    ...codes.map((id): RedeemableRef => ({ object: 'voucher', id, ...(giftCredits?.[id] === undefined ? {} : { gift: { credits: giftCredits[id] } }) })),
    ...[...tiers]
      // Infinity − Infinity is NaN, which falls through to the ids: unknown hierarchies sort by id too.
      .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id]): RedeemableRef => ({ object: 'promotion_tier', id })),
  ];
}
