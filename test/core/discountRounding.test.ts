import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateDiscount, calculatePrice, type DiscountSource } from 'voucherkit/core';

const percent = (percent_off: number, amount_limit?: number): DiscountSource => ({
  discount: { type: 'PERCENT', percent_off, ...(amount_limit === undefined ? {} : { amount_limit }) },
});

/**
 * The reference: a percent written as `digits × 10^-scale` (a decimal, as JSON carries it), the discount
 * `amount × digits / (100 × 10^scale)` as an exact fraction, rounded once, half away from zero.
 * It compares the remainder instead of adding a half, so it is not the implementation's formula.
 */
function reference(amount: number, digits: bigint, scale: number): number {
  const numerator = BigInt(amount) * digits;
  const denominator = 100n * 10n ** BigInt(scale);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return Number(2n * remainder >= denominator ? quotient + 1n : quotient);
}

/** A percent between 0 and 100 with `scale` decimals, as its digits and the number JSON.parse gives for it. */
const decimalPercent = (maxScale: number) =>
  fc.integer({ min: 0, max: maxScale }).chain((scale) =>
    fc.bigInt({ min: 0n, max: 100n * 10n ** BigInt(scale) }).map((digits) => ({
      digits,
      scale,
      value: Number(`${digits}e-${scale}`),
    })),
  );

describe('PERCENT rounds once, half away from zero, on the percent exactly as written', () => {
  it.each([
    // [amount, percent_off, discount]: the exact value, then the rounded one.
    [1500, 33.3, 500], // 499.5
    [1005, 10, 101], // 100.5
    [1, 50, 1], // 0.5
    [3, 50, 2], // 1.5
    [1000, 0.05, 1], // 0.5
    [999, 0.05, 0], // 0.4995
    [2010, 12.5, 251], // 251.25
    [1999, 15, 300], // 299.85
    [4999, 10, 500], // 499.9
    [100, 33.335, 33], // 33.335
    [1000, 33.335, 333], // 333.35
    [10000, 33.335, 3334], // 3333.5
    [2000, 0.0025, 0], // 0.05
    [20000000, 0.0000025, 1], // 0.5, a percent JavaScript prints as 0.0000025
    [2000000000, 1e-7, 2], // 2, a percent JavaScript prints as 1e-7
  ])('%i × %s percent takes %i off', (amount, p, off) => {
    expect(calculateDiscount(amount, percent(p))).toBe(off);
    expect(calculatePrice(amount, percent(p))).toBe(amount - off);
  });

  it('a half cent goes to the shopper the same way whatever the binary value of the percent (33.3 is 33.29999…)', () => {
    // 33.3 is stored as 33.2999999999999971578…; the float product 1500 × 33.3 / 100 is 499.49999999999994.
    expect(calculateDiscount(1500, percent(33.3))).toBe(calculateDiscount(15000, percent(3.33)));
    expect(calculateDiscount(1500, percent(33.3))).toBe(calculateDiscount(150000, percent(0.333)));
    expect(calculateDiscount(1500, percent(33.3))).toBe(500);
  });

  it('stays exact at the largest safe amount, where the float product is no longer exact', () => {
    const amount = Number.MAX_SAFE_INTEGER; // 9007199254740991
    expect(calculateDiscount(amount, percent(50))).toBe(reference(amount, 5000n, 2));
    expect(calculateDiscount(amount, percent(33.33))).toBe(reference(amount, 3333n, 2));
    expect(calculateDiscount(amount, percent(0.01))).toBe(reference(amount, 1n, 2));
  });

  it('amount_limit caps the rounded discount, not the exact one', () => {
    expect(calculateDiscount(1005, percent(10, 101))).toBe(101);
    expect(calculateDiscount(1005, percent(10, 100))).toBe(100);
  });
});

describe('the discount math against a BigInt reference (fast-check)', () => {
  const anyAmount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const cartAmount = fc.integer({ min: 0, max: 10_000_000 });

  it('every two-decimal percent is exact, for every safe amount', () => {
    fc.assert(
      fc.property(anyAmount, fc.integer({ min: 0, max: 10_000 }), (amount, hundredths) => {
        const value = Number(`${hundredths}e-2`);
        expect(calculateDiscount(amount, percent(value))).toBe(reference(amount, BigInt(hundredths), 2));
      }),
      { numRuns: 5000 },
    );
  });

  it('every two-decimal percent is exact on cart-sized amounts, where half cents are common', () => {
    fc.assert(
      fc.property(cartAmount, fc.integer({ min: 0, max: 10_000 }), (amount, hundredths) => {
        const value = Number(`${hundredths}e-2`);
        expect(calculateDiscount(amount, percent(value))).toBe(reference(amount, BigInt(hundredths), 2));
      }),
      { numRuns: 5000 },
    );
  });

  it('a percent with more decimals (up to 12) is taken exactly as written', () => {
    fc.assert(
      fc.property(anyAmount, decimalPercent(12), (amount, { digits, scale, value }) => {
        expect(calculateDiscount(amount, percent(value))).toBe(reference(amount, digits, scale));
      }),
      { numRuns: 5000 },
    );
  });

  it('with amount_limit, the result is min(reference, limit, amount)', () => {
    fc.assert(
      fc.property(cartAmount, decimalPercent(4), fc.integer({ min: 1, max: 10_000_000 }), (amount, { digits, scale, value }, limit) => {
        expect(calculateDiscount(amount, percent(value, limit))).toBe(Math.min(reference(amount, digits, scale), limit, amount));
      }),
      { numRuns: 2000 },
    );
  });

  it('any double percent stays within half a minor unit of the exact product (plus float noise)', () => {
    fc.assert(
      fc.property(anyAmount, fc.double({ min: 0, max: 100, noNaN: true }), (amount, p) => {
        const discount = calculateDiscount(amount, percent(p));
        expect(Number.isSafeInteger(discount)).toBe(true);
        expect(Math.abs(discount - (amount * p) / 100)).toBeLessThanOrEqual(0.5 + amount * 1e-15);
      }),
      { numRuns: 2000 },
    );
  });
});
