import { calculateDiscount } from '../../core/index.js';
import type { SandboxVoucher } from '../types.js';

const FORMULAS = ['amount_off_formula', 'percent_off_formula', 'unit_off_formula', 'fixed_amount_formula'] as const;
const isMinor = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Refuses, when the sandbox is created, a voucher it could not serve exactly: an unknown discount type, UNIT with
 * `units[]`, any formula (the sandbox evaluates none, so a fallback would be silently wrong), out-of-range numbers,
 * neither `discount` nor `gift`. The error names the voucher code and the field.
 *
 * @example
 * assertSandboxVouchers([{ code: 'SHIP', discount: { type: 'SHIPPING' } }]) // RangeError: voucher "SHIP": … discount.type "SHIPPING" …
 */
export function assertSandboxVouchers(vouchers: readonly SandboxVoucher[]): void {
  if (!Array.isArray(vouchers)) throw new TypeError('createSandbox: vouchers must be an array');
  vouchers.forEach((voucher: SandboxVoucher | null, index) => {
    if (typeof voucher?.code !== 'string' || voucher.code === '') {
      throw new TypeError(`createSandbox: vouchers[${index}].code must be a non-empty string`);
    }
    const refuse = (message: string, cause?: unknown) =>
      new (cause instanceof TypeError ? TypeError : RangeError)(`createSandbox: voucher ${JSON.stringify(voucher.code)}: ${message}`, { cause });
    const { gift, discount } = voucher;
    if (gift) {
      if (!isMinor(gift.balance)) throw refuse(`gift.balance must be a non-negative integer (minor units), got ${String(gift.balance)}`);
      if (gift.amount !== undefined && !isMinor(gift.amount))
        throw refuse(`gift.amount must be a non-negative integer (minor units), got ${String(gift.amount)}`);
      return;
    }
    if (!discount) throw refuse('it needs a `discount` or a `gift`', new TypeError());
    for (const field of FORMULAS) {
      if ((discount as object as Record<string, unknown>)[field] != null) throw refuse(`discount.${field} is not supported: the sandbox evaluates no formula`);
    }
    try {
      // The same function that serves the voucher: whatever it refuses here, it would refuse on every request.
      calculateDiscount(0, { discount }, { unitPrice: 0 });
    } catch (error) {
      throw refuse((error as Error).message, error);
    }
    if (discount.type === 'UNIT' && typeof discount.unit_type !== 'string') throw refuse('a UNIT discount needs discount.unit_type (the product or SKU id)');
    if (voucher.unit_price !== undefined && !isMinor(voucher.unit_price)) {
      throw refuse(`unit_price must be a non-negative integer (minor units), got ${String(voucher.unit_price)}`);
    }
  });
}
