import type { Discount } from '../schemas/common.js';

/** A line of the cart, in Voucherify's order-item shape. Money is an integer, the value × 100 in every currency (Voucherify's rule: ¥1,000 is 100000). */
export interface OrderItem {
  product_id?: string;
  sku_id?: string;
  source_id?: string;
  related_object?: 'product' | 'sku';
  quantity?: number;
  /** Unit price × 100. */
  price?: number;
  /** Line total × 100 (price × quantity when omitted). */
  amount?: number;
  product?: { id?: string; source_id?: string; name?: string; price?: number; metadata?: Record<string, unknown>; override?: boolean };
  sku?: { id?: string; source_id?: string; sku?: string; price?: number; metadata?: Record<string, unknown>; override?: boolean };
  metadata?: Record<string, unknown>;
}

/**
 * The order a code is validated or redeemed against. Amounts are integers, the value × 100 in every currency, as the
 * spec says of every amount field ("The value is multiplied by 100 to represent 2 decimal places"): ¥1,000 is 100000.
 */
export interface Order {
  id?: string;
  source_id?: string;
  status?: 'CREATED' | 'PAID' | 'CANCELED' | 'FULFILLED';
  amount?: number;
  initial_amount?: number;
  discount_amount?: number;
  items?: OrderItem[];
  metadata?: Record<string, unknown>;
}

/** A customer reference in Voucherify's shape. If `id` is set, Voucherify ignores `source_id`. */
export interface Customer {
  id?: string;
  source_id?: string;
  name?: string;
  email?: string;
  phone?: string;
  birthdate?: string;
  description?: string;
  address?: { city?: string; state?: string; line_1?: string; line_2?: string; country?: string; postal_code?: string };
  metadata?: Record<string, unknown>;
}

/** A validation session that reserves a use of the code until it is redeemed. */
export interface ValidationSession {
  type: 'LOCK';
  key?: string;
  ttl?: number;
  ttl_unit?: 'DAYS' | 'HOURS' | 'MINUTES' | 'SECONDS' | 'MILLISECONDS' | 'MICROSECONDS' | 'NANOSECONDS';
}

/** Voucherify's rejection keys that a voucher field has a message for; any other key is still passed through. */
export type KnownRejectionKey =
  | 'not_found'
  | 'voucher_expired'
  | 'voucher_not_active'
  | 'voucher_not_active_now'
  | 'voucher_disabled'
  | 'quantity_exceeded'
  | 'order_rules_violated'
  | 'customer_rules_violated'
  | 'redemption_rules_violated'
  | 'missing_customer'
  | 'invalid_customer'
  | 'gift_amount_exceeded'
  | 'promotion_inactive'
  | 'promotion_not_active_now'
  | 'referrer_not_permitted_to_redeem'
  | 'ambiguous_tracking_id'
  | 'duplicated_redeemables'
  | 'unknown';

/** A rejection key: one of the known ones, or any other string Voucherify sends. */
export type RejectionKey = KnownRejectionKey | (string & {});

/** Why a code does not apply. `customMessage` is the merchant's own text from the dashboard and wins when shown. */
export interface Rejection {
  key: RejectionKey;
  message: string;
  details?: string | undefined;
  customMessage?: string | undefined;
}

/** The server's order totals after the discounts: integers, the value × 100 in every currency. */
export interface OrderTotals {
  amount: number;
  discountAmount: number;
  itemsDiscountAmount: number;
  totalDiscountAmount: number;
  totalAmount: number;
  appliedDiscountAmount: number;
  totalAppliedDiscountAmount: number;
}

/** The outcome for one code of a (possibly stacked) validation. */
export interface RedeemableResult {
  code: string;
  object: string;
  status: 'APPLICABLE' | 'INAPPLICABLE' | 'SKIPPED';
  discount: Discount | null;
  gift: { balance?: number | undefined; credits?: number | undefined } | null;
  loyaltyPoints: number | null;
  rejection: Rejection | null;
  /** What this code takes off the order, as the server computed it, when the server says. */
  discountAmount: number | null;
}

interface ValidationResultBase {
  /** The first code, for the common one-code case. */
  code: string;
  codes: string[];
  redeemables: RedeemableResult[];
  order: OrderTotals | null;
  trackingId: string | null;
}

/** A code (or every stacked code) applies. */
export interface ValidResult extends ValidationResultBase {
  valid: true;
  discount: Discount | null;
  gift: RedeemableResult['gift'];
}

/** A code does not apply. This is a normal outcome, not an error. */
export interface InvalidResult extends ValidationResultBase {
  valid: false;
  rejection: Rejection;
}

/**
 * The compact outcome of a validation, discriminated on `valid`.
 *
 * @example
 * const result = await client.validate({ code: 'SAVE10', order })
 * if (result.valid) show(result.order?.totalDiscountAmount)
 * else show(result.rejection.customMessage ?? result.rejection.message)
 */
export type ValidationResult = ValidResult | InvalidResult;
