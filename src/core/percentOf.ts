/**
 * `percent` % of `amount` (integer minor units), rounded once to a whole minor unit, half away from zero.
 * The percent is taken exactly as its shortest decimal form (what `String(percent)` and JSON print), so 33.3 is
 * 333/10, not the binary 33.29999…; the product is exact integer arithmetic at any safe amount.
 * Expects `amount` a non-negative safe integer and `percent` a finite number from 0 to 100 (the caller checks).
 *
 * @example
 * percentOf(1500, 33.3) // 500 (499.5 rounded away from zero)
 */
export function percentOf(amount: number, percent: number): number {
  // "12.5" → digits 125, scale 1; "1.5e-7" → digits 15, scale 8. A percent up to 100 never prints as e+.
  const [mantissa = '0', exponent = '0'] = String(percent).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const denominator = 10n ** BigInt(fraction.length - Number(exponent) + 2);
  // amount × digits / denominator, plus one half, floored: half away from zero for a non-negative product.
  return Number((2n * BigInt(amount) * BigInt(whole + fraction) + denominator) / (2n * denominator));
}
