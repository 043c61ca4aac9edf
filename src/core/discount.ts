import { percentOf } from './percentOf.js';
import type { Discount } from '../schemas/common.js';

/** What a discount is computed from: a voucher with a `discount`, or a gift card with a `gift.balance`. */
export interface DiscountSource {
  discount?: Discount | null | undefined;
  gift?: { balance?: number | null | undefined } | null | undefined;
}

/** Options for the discount math. */
export interface DiscountOptions {
  /** Price of one unit, as Voucherify writes money (value × 100); required for UNIT discounts. */
  unitPrice?: number;
}

/** The value field a discount type needs; absent (formula-only, or just missing) is a shape this math cannot compute. */
function valueOf(discount: object, field: string): number {
  const fields = discount as Record<string, unknown>;
  if (fields[field] != null) return fields[field] as number;
  // Only Voucherify evaluates formulas; a response carries the result (or the fallback) in the value field.
  const formula = fields[`${field}_formula`] == null ? '' : ` (only discount.${field}_formula)`;
  throw new RangeError(`Unsupported discount: ${String(fields.type)} without discount.${field}${formula}`);
}

function assertMinorUnits(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer (value × 100), got ${String(value)}`);
  }
}

/**
 * The discount that a voucher takes off `amount`, both integers as Voucherify writes money: the value × 100 in every
 * currency (¥1,000 is 100000, $10.00 is 1000).
 * Never negative, never above `amount`. Gift balance is checked before `discount`, as in voucherify.js.
 * PERCENT is `amount × percent_off / 100` on `percent_off` exactly as written in decimal (33.3 is 333/10), rounded
 * once to a whole integer, half away from zero (1005 × 10 % → 101), then capped by `amount_limit`.
 * A shape it cannot compute is a RangeError naming it: another `type`, UNIT with `units[]`, a formula without its
 * value (Voucherify's responses carry the computed value; read their order amounts instead).
 *
 * @example
 * calculateDiscount(4999, { discount: { type: 'PERCENT', percent_off: 10 } }) // 500
 */
export function calculateDiscount(amount: number, source: DiscountSource, options: DiscountOptions = {}): number {
  assertMinorUnits('amount', amount);
  if (source.gift) {
    const balance = source.gift.balance ?? 0;
    assertMinorUnits('gift.balance', balance);
    return Math.min(balance, amount);
  }
  const discount = source.discount;
  if (!discount) throw new TypeError('Unsupported voucher: it has neither `discount` nor `gift`');
  switch (discount.type) {
    case 'AMOUNT': {
      const off = valueOf(discount, 'amount_off');
      assertMinorUnits('amount_off', off);
      return Math.min(off, amount);
    }
    case 'PERCENT': {
      const percent = valueOf(discount, 'percent_off');
      if (!(typeof percent === 'number' && percent >= 0 && percent <= 100)) {
        throw new RangeError(`percent_off must be a number between 0 and 100, got ${String(percent)}`);
      }
      // Exact decimal arithmetic, one rounding last (half away from zero): voucherify.js rounded floats and drifted.
      let off = percentOf(amount, percent);
      const limit = discount.amount_limit ?? 0;
      assertMinorUnits('amount_limit', limit);
      if (limit > 0) off = Math.min(off, limit); // 0 means "no limit" in Voucherify
      return Math.min(off, amount);
    }
    case 'UNIT': {
      // ADD_MANY_ITEMS: one unit price per product, which a single `unitPrice` cannot describe.
      if (discount.units) throw new RangeError('Unsupported discount: UNIT with discount.units (several products)');
      const units = valueOf(discount, 'unit_off');
      if (!(Number.isInteger(units) && units >= 0)) throw new RangeError(`unit_off must be a non-negative integer, got ${String(units)}`);
      if (options.unitPrice === undefined) {
        throw new TypeError('A UNIT discount needs options.unitPrice (the price of one unit, value × 100)');
      }
      assertMinorUnits('unitPrice', options.unitPrice);
      return Math.min(units * options.unitPrice, amount);
    }
    case 'FIXED': {
      const fixed = valueOf(discount, 'fixed_amount');
      assertMinorUnits('fixed_amount', fixed);
      return Math.max(amount - fixed, 0);
    }
    default:
      // Typed callers cannot get here; JSON from a newer API or an untyped caller can.
      throw new RangeError(`Unsupported discount.type ${JSON.stringify((discount as { type?: unknown }).type)} (AMOUNT, PERCENT, UNIT or FIXED only)`);
  }
}

/**
 * The price after the discount, an integer as Voucherify writes money (value × 100): `amount − calculateDiscount(amount, source)`.
 *
 * @example
 * calculatePrice(100000, { discount: { type: 'AMOUNT', amount_off: 1 } }) // 99999
 */
export function calculatePrice(amount: number, source: DiscountSource, options: DiscountOptions = {}): number {
  return amount - calculateDiscount(amount, source, options);
}

/** How to format money and discounts. */
export interface FormatOptions {
  /** ISO 4217 currency of the project: it sets the symbol and the digits shown, never the scale (always × 100). */
  currency: string;
  /** BCP 47 locale; the runtime's default when omitted. */
  locale?: string | undefined;
}

// Building a formatter costs far more than using one (the first in a tab starts ICU): the field formats on every
// render, so formatters are kept per locale and options. Bounded, as locales may come from request headers.
const formatters = /* @__PURE__ */ new Map<string, Intl.NumberFormat>();

/** @internal One cached `Intl.NumberFormat` per locale and options (money, percent, plain numbers in messages). */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale ?? ''}|${options.style ?? ''}|${options.currency ?? ''}|${options.maximumFractionDigits ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, format);
  }
  return format;
}

/**
 * Formats a Voucherify amount as money. Voucherify's amounts are the value × 100 in every currency ("The value is
 * multiplied by 100 to represent 2 decimal places. For example `10000 cents` for `$100.00`"), so this shows
 * `amount / 100` with the digits `Intl.NumberFormat` shows for the currency: 100000 JPY is ¥1,000, 10000 HUF is
 * 100 Ft, 150 KWD is 1.500 KD. A third decimal (KWD, BHD, TND) cannot be carried by Voucherify: it always shows 0.
 *
 * @example
 * formatMoney(600, { currency: 'GBP', locale: 'en-GB' }) // '£6.00'
 * formatMoney(100000, { currency: 'JPY', locale: 'ja-JP' }) // '￥1,000'
 */
export function formatMoney(amount: number, { currency, locale }: FormatOptions): string {
  return numberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}

/**
 * A short, localised value for a discount: "15%", "£6.00", a FIXED price, a unit count, or a gift balance.
 * UI text around it ("off", "you save") belongs to the caller's messages.
 *
 * @example
 * formatDiscount({ discount: { type: 'PERCENT', percent_off: 15 } }, { currency: 'EUR', locale: 'de-DE' }) // '15 %'
 */
export function formatDiscount(source: DiscountSource, options: FormatOptions): string {
  if (source.gift) return formatMoney(source.gift.balance ?? 0, options);
  const discount = source.discount;
  if (!discount) return '';
  switch (discount.type) {
    case 'AMOUNT':
      return formatMoney(discount.amount_off ?? 0, options);
    case 'PERCENT':
      return numberFormat(options.locale, { style: 'percent', maximumFractionDigits: 2 }).format((discount.percent_off ?? 0) / 100);
    case 'FIXED':
      return formatMoney(discount.fixed_amount ?? 0, options);
    case 'UNIT':
      return numberFormat(options.locale).format(discount.unit_off ?? discount.units?.length ?? 0);
    default:
      return ''; // a shape this package does not know: the caller shows Voucherify's amounts alone
  }
}
