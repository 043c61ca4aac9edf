import { describe, expect, it } from 'vitest';
import { formatDiscount, formatMoney } from 'voucherkit/core';
import { createSandbox } from 'voucherkit/sandbox';
import { sandboxClient } from './sandboxClient.js';

// Issue 25: Voucherify writes every amount as the value × 100, in every currency ("The value is multiplied by 100 to
// represent 2 decimal places. For example `10000 cents` for `$100.00`"). The display is amount / 100 with the digits
// Intl shows for the currency. One row per currency: a price, its Voucherify amount, and what a shopper reads.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f\u061c]/g, '');

interface Row {
  currency: string;
  locale: string;
  /** The price as the shop thinks of it (¥1,000 is 1000). */
  value: number;
  /** What the shopper reads for `value`. */
  shown: string;
  /** Digits Intl shows for the currency: the decimals Voucherify's × 100 carries beyond them are rounded away. */
  digits: number;
}

const rows: Row[] = [
  { currency: 'USD', locale: 'en-US', value: 1234.56, shown: '$1,234.56', digits: 2 },
  { currency: 'EUR', locale: 'de-DE', value: 1234.56, shown: '1.234,56 €', digits: 2 },
  { currency: 'GBP', locale: 'en-GB', value: 1234.56, shown: '£1,234.56', digits: 2 },
  { currency: 'PLN', locale: 'pl-PL', value: 1234.56, shown: '1234,56 zł', digits: 2 },
  { currency: 'JPY', locale: 'ja-JP', value: 1000, shown: '￥1,000', digits: 0 },
  { currency: 'KRW', locale: 'ko-KR', value: 15000, shown: '₩15,000', digits: 0 },
  { currency: 'CLP', locale: 'es-CL', value: 9990, shown: '$9.990', digits: 0 },
  { currency: 'HUF', locale: 'hu-HU', value: 100, shown: '100 Ft', digits: 0 },
  { currency: 'IDR', locale: 'id-ID', value: 150000, shown: 'Rp 150.000', digits: 0 },
  { currency: 'KWD', locale: 'en', value: 1.5, shown: 'KWD 1.500', digits: 3 },
  { currency: 'BHD', locale: 'en', value: 2.25, shown: 'BHD 2.250', digits: 3 },
  { currency: 'TND', locale: 'fr-TN', value: 12.5, shown: '12,500 DT', digits: 3 },
];

/** The shop's price as Voucherify writes it. */
const toVoucherify = (value: number) => Math.round(value * 100);

/** Reads a formatted amount back into Voucherify's integer (what a control accepting money would have to do). */
function parseBack(text: string, locale: string, currency: string): number {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(12345.678);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const digits = spaces(text)
    .split(spaces(group))
    .join('')
    .replace(decimal, '.')
    .replace(/[^\d.]/g, '');
  return Math.round(Number(digits) * 100);
}

describe('one money rule: Voucherify amounts are value × 100 in every currency', () => {
  it.each(rows)('$currency in $locale: $value is $shown', ({ currency, locale, value, shown, digits }) => {
    const amount = toVoucherify(value);
    expect(new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits).toBe(digits);
    expect(spaces(formatMoney(amount, { currency, locale }))).toBe(shown);
    expect(spaces(formatDiscount({ discount: { type: 'AMOUNT', amount_off: amount } }, { currency, locale }))).toBe(shown);
    expect(spaces(formatDiscount({ gift: { balance: amount } }, { currency, locale }))).toBe(shown);
    expect(parseBack(formatMoney(amount, { currency, locale }), locale, currency)).toBe(amount);
  });

  it('the three examples of the issue: ¥1,000, 100 Ft and 1.500 KD in their locales’ notation', () => {
    expect(formatMoney(100000, { currency: 'JPY', locale: 'ja-JP' })).toBe('￥1,000');
    expect(spaces(formatMoney(10000, { currency: 'HUF', locale: 'hu-HU' }))).toBe('100 Ft');
    expect(spaces(formatMoney(150, { currency: 'KWD', locale: 'en' }))).toBe('KWD 1.500');
    expect(spaces(formatMoney(150, { currency: 'KWD', locale: 'ar-KW' }))).toBe('١٫٥٠٠ د.ك.');
  });

  it('a third decimal cannot be carried: Voucherify’s 1.234 KD is 123 (1.230 KD shown)', () => {
    expect(spaces(formatMoney(123, { currency: 'KWD', locale: 'en' }))).toBe('KWD 1.230');
  });

  it.each(rows)('$currency: the sandbox’s answer for an AMOUNT voucher formats back to the shop’s total', async ({ currency, locale, value, digits }) => {
    // An order of 4 × value, a voucher of 1 × value off: the total is 3 × value, shown as the shop would write it.
    const off = toVoucherify(value);
    const sandbox = createSandbox({
      vouchers: [{ code: 'OFF', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: off, effect: 'APPLY_TO_ORDER' } }],
    });
    const { client } = sandboxClient({ sandbox });
    const result = await client.validate({ codes: ['OFF'], order: { amount: 4 * off } });
    expect(result.order?.totalDiscountAmount).toBe(off);
    expect(result.order?.totalAmount).toBe(3 * off);
    const expected = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      3 * value,
    );
    expect(formatMoney(result.order!.totalAmount, { currency, locale })).toBe(expected);
  });
});
