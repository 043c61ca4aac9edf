import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDiscount, formatMoney } from 'voucherkit/core';

describe('formatters are built once per locale and options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formats the same money a second time without building a new Intl.NumberFormat', () => {
    const first = formatMoney(1234, { currency: 'JPY', locale: 'ja-JP' });
    const spy = vi.spyOn(Intl, 'NumberFormat');
    expect(formatMoney(1234, { currency: 'JPY', locale: 'ja-JP' })).toBe(first);
    expect(formatDiscount({ discount: { type: 'AMOUNT', amount_off: 1234 } }, { currency: 'JPY', locale: 'ja-JP' })).toBe(first);
    expect(spy).not.toHaveBeenCalled();
  });

  it('keeps locales, currencies and styles apart', () => {
    expect(formatMoney(600, { currency: 'EUR', locale: 'de-DE' })).toBe('6,00\u00a0€');
    expect(formatMoney(600, { currency: 'EUR', locale: 'en-IE' })).toBe('€6.00');
    expect(formatMoney(600, { currency: 'GBP', locale: 'en-GB' })).toBe('£6.00');
    expect(formatDiscount({ discount: { type: 'PERCENT', percent_off: 15 } }, { currency: 'EUR', locale: 'de-DE' })).toBe('15\u00a0%');
    expect(formatDiscount({ discount: { type: 'UNIT', unit_off: 1200 } }, { currency: 'EUR', locale: 'de-DE' })).toBe('1.200');
  });

  it('still refuses an unknown currency every time (a failed build is not cached)', () => {
    expect(() => formatMoney(1, { currency: 'NOPE1', locale: 'en-US' })).toThrow(RangeError);
    expect(() => formatMoney(1, { currency: 'NOPE1', locale: 'en-US' })).toThrow(RangeError);
  });
});
