import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateDiscount, calculatePrice, formatDiscount, formatMoney, type DiscountSource } from 'voucherkit/core';

const percent = (percent_off: number, amount_limit?: number): DiscountSource => ({
  discount: { type: 'PERCENT', percent_off, ...(amount_limit === undefined ? {} : { amount_limit }) },
});
const amountOff = (amount_off: number): DiscountSource => ({ discount: { type: 'AMOUNT', amount_off } });
const unit = (unit_off: number): DiscountSource => ({ discount: { type: 'UNIT', unit_off, unit_type: 'prod_gift_wrap' } });
const fixed = (fixed_amount: number): DiscountSource => ({ discount: { type: 'FIXED', fixed_amount } });
const gift = (balance: number): DiscountSource => ({ gift: { balance } });

// Intl puts narrow/no-break spaces between number and symbol in some locales; compare them as plain spaces.
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('parity with voucherify.js utils where it is right (anchors §2.6, in minor units)', () => {
  // voucherify.js works in major units; each row is its verified example × 100.
  it.each([
    { name: '10% of 49.99', amount: 4999, source: percent(10), discount: 500, price: 4499 },
    { name: '50% of 100.00 capped by amount_limit 1000', amount: 10000, source: percent(50, 1000), discount: 1000, price: 9000 },
    { name: 'AMOUNT 999 of 49.99', amount: 4999, source: amountOff(999), discount: 999, price: 4000 },
    { name: 'AMOUNT 6000 of 49.99 (more than the order)', amount: 4999, source: amountOff(6000), discount: 4999, price: 0 },
    { name: 'UNIT 1 × 5.50 of 20.00', amount: 2000, source: unit(1), unitPrice: 550, discount: 550, price: 1450 },
    { name: 'UNIT 3 × 10.00 of 20.00 (more than the order)', amount: 2000, source: unit(3), unitPrice: 1000, discount: 2000, price: 0 },
    { name: 'gift balance 75.00 of 100.00', amount: 10000, source: gift(7500), discount: 7500, price: 2500 },
    { name: '15% of 19.99', amount: 1999, source: percent(15), discount: 300, price: 1699 },
  ])('$name', ({ amount, source, unitPrice, discount, price }) => {
    const options = unitPrice === undefined ? {} : { unitPrice };
    expect(calculateDiscount(amount, source, options)).toBe(discount);
    expect(calculatePrice(amount, source, options)).toBe(price);
  });
});

describe('fixes where voucherify.js is wrong', () => {
  it('has no upward drift from 500: 1000.00 minus 1 cent is 999.99', () => {
    // voucherify.js: roundMoney(999.99) = 1000, so calculatePrice(1000, AMOUNT 1¢) returned 1000.
    expect(calculatePrice(100000, amountOff(1))).toBe(99999);
    expect(calculateDiscount(100000, amountOff(1))).toBe(1);
  });

  it('has no upward drift on percentages: 10% of 5000.00 is exactly 500.00', () => {
    // voucherify.js: calculateDiscount(5000, 10%) returned 500.01.
    expect(calculateDiscount(500000, percent(10))).toBe(50000);
    expect(calculatePrice(500000, percent(10))).toBe(450000);
  });

  it('supports FIXED: the order price is set to fixed_amount', () => {
    expect(calculatePrice(5000, fixed(2000))).toBe(2000);
    expect(calculateDiscount(5000, fixed(2000))).toBe(3000);
  });

  it('FIXED above the order amount takes nothing off', () => {
    expect(calculateDiscount(1500, fixed(2000))).toBe(0);
    expect(calculatePrice(1500, fixed(2000))).toBe(1500);
  });

  it('UNIT without unitPrice throws a TypeError that names the fix, instead of NaN or 0', () => {
    expect(() => calculateDiscount(2000, unit(1))).toThrow(TypeError);
    expect(() => calculatePrice(2000, unit(1))).toThrow(/unitPrice/);
  });

  it('amount_limit 0 means no limit, as in Voucherify', () => {
    expect(calculateDiscount(10000, percent(50, 0))).toBe(5000);
  });

  it('amount_limit below the percentage caps it', () => {
    expect(calculateDiscount(10000, percent(50, 2000))).toBe(2000);
    expect(calculateDiscount(1000, percent(50, 2000))).toBe(500);
  });

  it('0% is a zero discount, not an exception', () => {
    expect(calculateDiscount(4999, percent(0))).toBe(0);
  });

  it('gift is checked before discount and ignores a missing balance', () => {
    const both: DiscountSource = { gift: { balance: 500 }, discount: { type: 'AMOUNT', amount_off: 4000 } };
    expect(calculateDiscount(10000, both)).toBe(500);
    expect(calculateDiscount(10000, { gift: { balance: null } })).toBe(0);
  });

  it('a voucher with neither discount nor gift is a clear TypeError', () => {
    expect(() => calculateDiscount(1000, {})).toThrow(/neither `discount` nor `gift`/);
  });
});

describe('bad numbers are refused with a clear message, never NaN', () => {
  it.each([
    ['a float amount', () => calculateDiscount(49.99, amountOff(100)), /amount must be a non-negative integer/],
    ['a negative amount', () => calculateDiscount(-1, amountOff(100)), /amount must be/],
    ['NaN amount', () => calculatePrice(Number.NaN, amountOff(100)), /amount must be/],
    ['a negative amount_off', () => calculateDiscount(1000, amountOff(-5)), /amount_off/],
    ['percent_off above 100', () => calculateDiscount(1000, percent(101)), /between 0 and 100/],
    ['a negative percent_off', () => calculateDiscount(1000, percent(-1)), /between 0 and 100/],
    ['a fractional unit_off', () => calculateDiscount(1000, unit(1.5), { unitPrice: 100 }), /unit_off/],
    ['a float unitPrice', () => calculateDiscount(1000, unit(1), { unitPrice: 5.5 }), /unitPrice/],
    ['a negative gift balance', () => calculateDiscount(1000, gift(-1)), /gift.balance/],
    ['a negative fixed_amount', () => calculateDiscount(1000, fixed(-1)), /fixed_amount/],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe('properties (fast-check)', () => {
  const amount = fc.integer({ min: 0, max: 1_000_000_000 });
  const money = fc.integer({ min: 0, max: 2_000_000_000 });
  const source: fc.Arbitrary<{ source: DiscountSource; unitPrice?: number }> = fc.oneof(
    money.map((v) => ({ source: amountOff(v) })),
    fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.option(money, { nil: undefined })).map(([p, limit]) => ({ source: percent(p, limit) })),
    fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1_000_000 })).map(([units, unitPrice]) => ({
      source: unit(units),
      unitPrice,
    })),
    money.map((v) => ({ source: fixed(v) })),
    money.map((v) => ({ source: gift(v) })),
  );

  it('the discount is an integer, never negative and never above the amount; price + discount = amount', () => {
    fc.assert(
      fc.property(amount, source, (total, { source: s, unitPrice }) => {
        const options = unitPrice === undefined ? {} : { unitPrice };
        const discount = calculateDiscount(total, s, options);
        const price = calculatePrice(total, s, options);
        expect(Number.isInteger(discount)).toBe(true);
        expect(Number.isInteger(price)).toBe(true);
        expect(discount).toBeGreaterThanOrEqual(0);
        expect(discount).toBeLessThanOrEqual(total);
        expect(price + discount).toBe(total);
      }),
      { numRuns: 2000 },
    );
  });

  it('a percentage is the exact percentage rounded half up, once', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 100 }), (total, p) => {
        const exact = (total * p) / 100;
        const discount = calculateDiscount(total, percent(p));
        expect(Math.abs(discount - exact)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('a larger order never gets a smaller discount from the same voucher', () => {
    fc.assert(
      fc.property(amount, amount, source, (a, b, { source: s, unitPrice }) => {
        if (s.discount?.type === 'FIXED') return; // FIXED discount grows with the order by design; checked below
        const options = unitPrice === undefined ? {} : { unitPrice };
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(calculateDiscount(high, s, options)).toBeGreaterThanOrEqual(calculateDiscount(low, s, options));
      }),
    );
  });

  it('FIXED: the price is min(amount, fixed_amount)', () => {
    fc.assert(
      fc.property(amount, money, (total, f) => {
        expect(calculatePrice(total, fixed(f))).toBe(Math.min(total, f));
      }),
    );
  });
});

describe('formatMoney and formatDiscount show Voucherify’s value × 100 with the currency’s Intl digits', () => {
  it('GBP in en-GB', () => {
    expect(formatMoney(600, { currency: 'GBP', locale: 'en-GB' })).toBe('£6.00');
    expect(formatMoney(123456, { currency: 'GBP', locale: 'en-GB' })).toBe('£1,234.56');
  });

  it('EUR in de-DE', () => {
    expect(spaces(formatMoney(123456, { currency: 'EUR', locale: 'de-DE' }))).toBe('1.234,56 €');
  });

  it('JPY in ja-JP: Voucherify’s 150000 is ¥1,500 (value × 100 in every currency), shown without decimals', () => {
    expect(formatMoney(150000, { currency: 'JPY', locale: 'ja-JP' })).toMatch(/^[¥￥]1,500$/);
  });

  it('KWD shows three decimals: Voucherify’s 1234 is 12.340 KWD (the third decimal cannot be carried)', () => {
    expect(spaces(formatMoney(1234, { currency: 'KWD', locale: 'en-GB' }))).toBe('KWD 12.340');
  });

  it('formats each discount type', () => {
    const gbp = { currency: 'GBP', locale: 'en-GB' };
    expect(formatDiscount(percent(15), gbp)).toBe('15%');
    expect(formatDiscount(percent(12.5), gbp)).toBe('12.5%');
    expect(spaces(formatDiscount(percent(15), { currency: 'EUR', locale: 'de-DE' }))).toBe('15 %');
    expect(formatDiscount(amountOff(1000), gbp)).toBe('£10.00');
    expect(spaces(formatDiscount(amountOff(1000), { currency: 'EUR', locale: 'de-DE' }))).toBe('10,00 €');
    expect(formatDiscount(fixed(2000), gbp)).toBe('£20.00');
    expect(formatDiscount(unit(3), gbp)).toBe('3');
    expect(formatDiscount(gift(5000), gbp)).toBe('£50.00');
    expect(formatDiscount(amountOff(50000), { currency: 'JPY', locale: 'ja-JP' })).toMatch(/^[¥￥]500$/);
  });

  it('a multi-unit discount shows how many unit lines it adds', () => {
    const multi: DiscountSource = {
      discount: { type: 'UNIT', effect: 'ADD_MANY_ITEMS', units: [{ unit_off: 3 }, { unit_off: 4 }] },
    };
    expect(formatDiscount(multi, { currency: 'GBP', locale: 'en-GB' })).toBe('2');
  });

  it('a voucher without discount or gift formats as an empty string', () => {
    expect(formatDiscount({}, { currency: 'GBP', locale: 'en-GB' })).toBe('');
  });

  it('an unknown currency code is a RangeError from Intl, not a wrong string', () => {
    expect(() => formatMoney(100, { currency: 'not-a-currency', locale: 'en-GB' })).toThrow(RangeError);
  });
});
