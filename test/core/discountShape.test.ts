import { describe, expect, it } from 'vitest';
import { calculateDiscount, calculatePrice, formatDiscount, type DiscountSource } from 'voucherkit/core';

// Shapes a typed caller cannot write but an untyped JSON body or a newer Voucherify can send.
const loose = (discount: Record<string, unknown>): DiscountSource => ({ discount }) as unknown as DiscountSource;

describe('an unsupported discount shape is a RangeError naming it, never undefined, NaN or a silent 0', () => {
  it.each([
    ['an unknown type', { type: 'SHIPPING', unit_off: 1 }, /discount\.type "SHIPPING"/],
    ['a lowercase type', { type: 'percent', percent_off: 10 }, /discount\.type "percent"/],
    ['a missing type', { amount_off: 100 }, /discount\.type undefined/],
    ['UNIT with units[] (several products)', { type: 'UNIT', effect: 'ADD_MANY_ITEMS', units: [{ unit_off: 1, unit_type: 'prod_a' }] }, /discount\.units/],
    ['AMOUNT with only a formula', { type: 'AMOUNT', amount_off_formula: 'ORDER_AMOUNT * 0.1' }, /discount\.amount_off_formula/],
    ['PERCENT with only a formula', { type: 'PERCENT', percent_off_formula: 'CUSTOMER_METADATA("tier") * 5' }, /discount\.percent_off_formula/],
    ['UNIT with only a formula', { type: 'UNIT', unit_type: 'prod_a', unit_off_formula: 'ORDER_ITEMS_QUANTITY' }, /discount\.unit_off_formula/],
    ['FIXED with only a formula', { type: 'FIXED', fixed_amount_formula: 'ORDER_AMOUNT / 2' }, /discount\.fixed_amount_formula/],
    ['AMOUNT without amount_off', { type: 'AMOUNT' }, /discount\.amount_off/],
    ['PERCENT without percent_off', { type: 'PERCENT' }, /discount\.percent_off/],
    ['UNIT without unit_off', { type: 'UNIT', unit_type: 'prod_a' }, /discount\.unit_off/],
    ['FIXED without fixed_amount', { type: 'FIXED' }, /discount\.fixed_amount/],
    ['percent_off as a string', { type: 'PERCENT', percent_off: '10' }, /percent_off/],
    ['percent_off as NaN', { type: 'PERCENT', percent_off: Number.NaN }, /percent_off/],
  ])('%s', (_name, discount, message) => {
    expect(() => calculateDiscount(1000, loose(discount), { unitPrice: 100 })).toThrow(RangeError);
    expect(() => calculateDiscount(1000, loose(discount), { unitPrice: 100 })).toThrow(message);
    expect(() => calculatePrice(1000, loose(discount), { unitPrice: 100 })).toThrow(message);
  });

  it('a discount that is not an object is a RangeError, not undefined', () => {
    expect(() => calculateDiscount(1000, { discount: 'AMOUNT' } as unknown as DiscountSource)).toThrow(RangeError);
  });

  it('a formula with its value (what Voucherify computed, or the fallback) uses the value', () => {
    // The spec: "this object will return either the discount calculated based on the formula or the fallback value".
    expect(calculateDiscount(1000, loose({ type: 'PERCENT', percent_off: 10, percent_off_formula: 'x', is_dynamic: true }))).toBe(100);
    expect(calculateDiscount(1000, loose({ type: 'AMOUNT', amount_off: 250, amount_off_formula: 'x' }))).toBe(250);
  });
});

describe('formatDiscount, on the display path, never throws and never returns undefined', () => {
  it.each([{ type: 'SHIPPING', unit_off: 1 }, { type: 'percent', percent_off: 10 }, { amount_off: 100 }])('formats %o as an empty string', (discount) => {
    expect(formatDiscount(loose(discount), { currency: 'GBP', locale: 'en-GB' })).toBe('');
  });
});
