import { sameCode } from './sameCode.js';
import type { RedeemableResult, ValidationResult } from './types.js';

/**
 * The redeemable that answers for `requested` in a (possibly stacked) result: the one with the same code
 * (Voucherify may return its canonical spelling), else the one at the same position.
 *
 * @example
 * findRedeemable(result, 'save10')?.status // 'APPLICABLE'
 */
export function findRedeemable(result: ValidationResult | null | undefined, requested: string): RedeemableResult | undefined {
  if (!result) return undefined;
  return result.redeemables.find((r) => sameCode(r.code, requested)) ?? result.redeemables[result.codes.indexOf(requested)];
}
