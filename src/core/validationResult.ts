import type { ApiError, OrderCalculated } from '../schemas/common.js';
import type { LegacyValidationResponse } from '../schemas/legacyValidation.js';
import type { StackableValidationResponse } from '../schemas/stackableValidation.js';
import type { OrderTotals, RedeemableResult, Rejection, ValidationResult } from './types.js';

// The deprecated GET /validate often answers with only a lower-case `reason`; these are the ones Voucherify documents.
const reasonKeys: Record<string, string> = {
  'voucher not found': 'not_found',
  'resource not found': 'not_found',
  'voucher expired': 'voucher_expired',
  'voucher is disabled': 'voucher_disabled',
  'voucher not active': 'voucher_not_active',
  'voucher not active now': 'voucher_not_active_now',
  'quantity exceeded': 'quantity_exceeded',
  'loyalty card points exceeded': 'loyalty_card_points_exceeded',
  'customer does not match segment rules': 'customer_rules_violated',
  'customer does not match validation rules': 'customer_rules_violated',
  'order does not match validation rules': 'order_rules_violated',
  'redemption does not match validation rules': 'redemption_rules_violated',
  'voucher cannot be redeemed by referrer': 'referrer_not_permitted_to_redeem',
};

/** Voucherify's error object as a `Rejection`: the stackable endpoints carry no legacy `reason` to map. */
function fromApiError(error: ApiError | null | undefined): Rejection {
  return {
    key: error?.key ?? 'unknown',
    message: error?.message ?? 'The code cannot be applied',
    details: error?.details ?? undefined,
    customMessage: error?.error?.message ?? undefined,
  };
}

/**
 * Turns Voucherify's error object (and the legacy `reason`) into a `Rejection`.
 *
 * @example
 * toRejection({ code: 404, key: 'not_found', message: 'Resource not found' }) // { key: 'not_found', … }
 */
export function toRejection(error: ApiError | null | undefined, reason?: string | null): Rejection {
  // Only the legacy endpoint sends a `reason`; keeping its table out of this path keeps it out of lean bundles.
  if (reason == null) return fromApiError(error);
  const key = error?.key ?? reasonKeys[reason.trim().toLowerCase()] ?? 'unknown';
  // Beside a legacy `reason`, an `error` holding only a message is the merchant's translation (OpenAPI "Not Valid").
  const translated = reason && error && !error.key && error.code === undefined ? (error.message ?? undefined) : undefined;
  return {
    key,
    message: (translated ? reason : error?.message) ?? reason,
    details: error?.details ?? undefined,
    customMessage: translated ?? error?.error?.message ?? undefined,
  };
}

/**
 * The server's totals in camelCase. Missing parts are derived the way the stacked-redeem description defines them.
 *
 * @example
 * toOrderTotals({ amount: 6000, total_discount_amount: 2000 }).totalAmount // 4000
 */
export function toOrderTotals(order: OrderCalculated | null | undefined): OrderTotals | null {
  if (!order || typeof order.amount !== 'number') return null;
  const discountAmount = order.discount_amount ?? 0;
  const itemsDiscountAmount = order.items_discount_amount ?? 0;
  const totalDiscountAmount = order.total_discount_amount ?? discountAmount + itemsDiscountAmount;
  const appliedDiscountAmount = order.applied_discount_amount ?? 0;
  return {
    amount: order.amount,
    discountAmount,
    itemsDiscountAmount,
    totalDiscountAmount,
    totalAmount: order.total_amount ?? order.amount - totalDiscountAmount,
    appliedDiscountAmount,
    totalAppliedDiscountAmount: order.total_applied_discount_amount ?? appliedDiscountAmount + (order.items_applied_discount_amount ?? 0),
  };
}

function redeemableFrom(entry: StackableValidationResponse['redeemables'][number]): RedeemableResult {
  const result = entry.result ?? {};
  const rejection =
    entry.status === 'APPLICABLE'
      ? null
      : result.error
        ? fromApiError(result.error)
        : entry.status === 'SKIPPED'
          ? { key: 'skipped', message: result.details?.message ?? 'Skipped by the stacking rules', details: result.details?.key ?? undefined }
          : fromApiError(null);
  const gift = result.gift ? { balance: result.gift.balance ?? undefined, credits: result.gift.credits ?? undefined } : null;
  const applied = entry.order ? (toOrderTotals(entry.order)?.totalAppliedDiscountAmount ?? null) : null;
  return {
    code: entry.id,
    object: entry.object,
    status: entry.status,
    discount: result.discount ?? null,
    gift,
    loyaltyPoints: result.loyalty_card?.points ?? null,
    rejection,
    discountAmount: entry.status === 'APPLICABLE' ? applied : null,
  };
}

type Entry = StackableValidationResponse['redeemables'][number];

/**
 * Every entry of a stackable answer: PARTIAL mode lists the rejected ones outside `redeemables`.
 *
 * @example
 * answerEntries(body).filter((entry) => entry.status === 'INAPPLICABLE')
 */
export const answerEntries = (response: StackableValidationResponse): Entry[] => [
  ...response.redeemables,
  ...(response.inapplicable_redeemables ?? []),
  ...(response.skipped_redeemables ?? []),
];

/** Every code's outcome once, in the requested order. */
function allEntries(response: StackableValidationResponse, requested: readonly string[]): Entry[] {
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const entry of answerEntries(response)) {
    const id = `${entry.object}:${entry.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push(entry);
  }
  const rank = (entry: Entry) => {
    const index = requested.indexOf(entry.id);
    return index === -1 ? requested.length : index;
  };
  return entries.sort((a, b) => rank(a) - rank(b));
}

/**
 * Folds a stackable validation response into a `ValidationResult`.
 *
 * @example
 * const result = fromStackableValidation(await response.json(), ['SAVE10'])
 */
export function fromStackableValidation(response: StackableValidationResponse, requested: readonly string[]): ValidationResult {
  const redeemables = allEntries(response, requested).map(redeemableFrom);
  // The codes asked for (none when tiers alone were validated: promotion tiers are not codes).
  const codes = [...requested];
  const base = {
    code: codes[0] ?? '',
    codes,
    redeemables,
    order: toOrderTotals(response.order),
    trackingId: response.tracking_id ?? null,
  };
  const first = redeemables.find((r) => r.status === 'APPLICABLE');
  if (response.valid && first) {
    return { ...base, valid: true, discount: first.discount, gift: first.gift };
  }
  const failed = redeemables.find((r) => r.status === 'INAPPLICABLE') ?? redeemables.find((r) => r.rejection);
  return { ...base, valid: false, rejection: failed?.rejection ?? fromApiError(null) };
}

/**
 * Adds what a checked answer says of its stacking to its folded result: each entry's `categories` (sent with
 * `expand: ['category']`; an exclusivity reason names the other entry's category) and the answer's `stackingRules`
 * ("only N per order"). Only for answers whose decoder checked them (`decodeTierValidation`, the server's schema).
 *
 * @example
 * const result = withStackingFields(fromStackableValidation(body, codes), body)
 */
export function withStackingFields(result: ValidationResult, response: StackableValidationResponse): ValidationResult {
  const entries = answerEntries(response);
  for (const redeemable of result.redeemables) {
    const categories = entries.find((entry) => entry.object === redeemable.object && entry.id === redeemable.code)?.categories;
    if (categories) redeemable.categories = categories;
  }
  if (response.stacking_rules) result.stackingRules = response.stacking_rules;
  return result;
}

/**
 * Folds the deprecated GET /client/v1/validate response into the same `ValidationResult`.
 *
 * @example
 * const result = fromLegacyValidation(json, 'SAVE10')
 */
export function fromLegacyValidation(response: LegacyValidationResponse, requestedCode: string): ValidationResult {
  const code = response.code ?? requestedCode;
  const gift = response.gift ? { balance: response.gift.balance ?? undefined, credits: response.gift.credits ?? undefined } : null;
  const order = toOrderTotals(response.order);
  const rejection = response.valid ? null : toRejection(response.error, response.reason);
  const redeemable: RedeemableResult = {
    code,
    object: 'voucher',
    status: response.valid ? 'APPLICABLE' : 'INAPPLICABLE',
    discount: response.discount ?? null,
    gift,
    loyaltyPoints: response.loyalty?.points_cost ?? null,
    rejection,
    discountAmount: order?.totalAppliedDiscountAmount ?? null,
  };
  const base = { code, codes: [code], redeemables: [redeemable], order, trackingId: response.tracking_id ?? null };
  return rejection ? { ...base, valid: false, rejection } : { ...base, valid: true, discount: redeemable.discount, gift };
}
