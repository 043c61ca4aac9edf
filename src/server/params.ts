import { isVoucherifyError, normalizeCode, type Customer } from '../core/index.js';
import { MAX_TRACKING_ID_LENGTH } from '../core/internal.js';
import { readTrackingId } from './readTrackingId.js';
import type { ServerOrder, TrackingIdInput } from './types.js';

/** Voucherify accepts at most 30 redeemables in one call. */
export const MAX_REDEEMABLES = 30;
/** Longer than any code Voucherify generates; caps what a client can make us forward (S11). */
const MAX_CODE_LENGTH = 100;

/**
 * The codes of a call, trimmed of invisible characters and checked; misuse throws a TypeError. `allowNone`: a call
 * that also names promotion tiers may have no code.
 */
export function requireCodes(method: string, code: string | undefined, codes: readonly string[] | undefined, allowNone = false): string[] {
  const list = codes ? [...codes] : code !== undefined ? [code] : [];
  if (list.length === 0 && !allowNone) throw new TypeError(`${method} needs a \`code\` or a non-empty \`codes\``);
  if (list.length > MAX_REDEEMABLES) throw new TypeError(`${method} takes at most ${MAX_REDEEMABLES} codes, got ${list.length}`);
  return list.map((value) => {
    if (typeof value !== 'string') throw new TypeError(`${method}: every code must be a string`);
    const normalized = normalizeCode(value, { maxLength: MAX_CODE_LENGTH });
    if (!normalized.ok) {
      throw new TypeError(`${method}: a code is ${normalized.reason === 'empty' ? 'empty' : `longer than ${MAX_CODE_LENGTH} characters`}`);
    }
    return normalized.code;
  });
}

/**
 * Promotion tier ids as sent: strings of at most 100 characters, each once; with the codes at most 30 in all
 * (Voucherify's limit). Their content was checked by the params schema.
 *
 * @example
 * const tiers = requireTierIds('validate', params.promotions ?? [], codes.length)
 */
export function requireTierIds(method: string, ids: readonly string[], codeCount: number): string[] {
  const list = [...new Set(ids.map((id) => id.trim()))];
  if (codeCount + list.length > MAX_REDEEMABLES) {
    throw new TypeError(`${method} takes at most ${MAX_REDEEMABLES} codes and promotion tiers together, got ${codeCount + list.length}`);
  }
  return list;
}

// Control characters (U+0000–U+001F, U+007F) are never part of an id a merchant's code means to send.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

/**
 * The tracking id to send: the explicit one, none for `null`, else the request's cookie. An explicit id comes
 * from the merchant's own server code and is sent as given (a raw identity included), after a type and length
 * check; the cookie is the shopper's to edit, so only a Voucherify-issued `track_` id is read from it.
 */
export function resolveTrackingId(method: string, input: TrackingIdInput): string | null {
  const explicit: unknown = input.trackingId;
  if (explicit === null) return null;
  if (explicit !== undefined) {
    if (typeof explicit !== 'string' || explicit.trim() === '' || explicit.length > MAX_TRACKING_ID_LENGTH || hasControlCharacter(explicit)) {
      throw new TypeError(
        `${method}: trackingId must be a non-empty string of at most ${MAX_TRACKING_ID_LENGTH} characters without control characters, or null`,
      );
    }
    return explicit;
  }
  return input.request === undefined ? null : readTrackingId(input.request, input.cookieName);
}

const discountField = /discount/i;

function withoutDiscounts<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !discountField.test(key))) as T;
}

/**
 * A copy of the order without any `discount*` field, on the order and on each item: the discount is
 * Voucherify's to compute, and a client-sent one must never reach the redemption (S4).
 */
export function toServerOrder(order: ServerOrder): ServerOrder {
  const clean = withoutDiscounts(order);
  if (Array.isArray(order.items)) clean.items = order.items.map((item) => withoutDiscounts(item));
  return clean;
}

/**
 * The customer to send. The merchant's authenticated customer (with `id` or `source_id`) wins;
 * otherwise the tracking id links the redemption to the browser's anonymous profile.
 */
export function customerFor(customer: Customer | undefined, trackingId: string | null): Customer | undefined {
  if (customer?.id || customer?.source_id || !trackingId) return customer;
  return { ...customer, source_id: trackingId };
}

/** The order's reference for messages and lookups: your order id. */
export function orderRef(order: ServerOrder | undefined): string | undefined {
  return order?.source_id ?? order?.id ?? undefined;
}

/**
 * True when Voucherify refused a write with `ambiguous_tracking_id` because the merchant's authenticated
 * customer and the browser's tracking id name two people (a shopper who browsed anonymously, then signed in;
 * a shared browser). Nothing was written, and the authenticated customer wins: the call is sent again
 * without the browser's id. Without a merchant customer there is nothing to fall back to.
 */
export function isAmbiguousWithMerchantCustomer(error: unknown, customer: Customer | undefined, trackingId: string | null): boolean {
  return Boolean(trackingId && (customer?.id || customer?.source_id) && isVoucherifyError(error) && error.key === 'ambiguous_tracking_id');
}
