import { findRedeemable } from './findRedeemable.js';
import type { VoucherifyError } from './errors.js';
import type { ValidationResult } from './types.js';
import type { VoucherAttempt, VoucherInputStatus } from './voucherInputTypes.js';

/**
 * Whether an answer applies a code: `true`, `false`, or `null` when the answer does not name it (none yet).
 *
 * @example
 * verdictOf(result, 'SAVE10') // false when the server refused it
 */
export function verdictOf(result: ValidationResult | null | undefined, code: string): boolean | null {
  const redeemable = findRedeemable(result, code);
  return redeemable ? redeemable.status === 'APPLICABLE' : null;
}

/**
 * The field's status, the machine's one formula (its snapshot and a binding's render both derive it here): the
 * attempt's while a check runs or after it failed, else the re-check's answer on the applied codes: `rejected` when
 * it refuses one, `error` when it failed, `applied`, or `idle` without codes.
 *
 * @example
 * voucherInputStatus(null, ['SAVE10'], recheck.data, recheck.error) // 'applied'
 */
export function voucherInputStatus(
  attempt: VoucherAttempt | null,
  codes: readonly string[],
  result: ValidationResult | undefined,
  error: VoucherifyError | null,
): VoucherInputStatus {
  if (attempt) return attempt.status;
  if (codes.some((code) => verdictOf(result, code) === false)) return 'rejected';
  if (!codes.length) return 'idle';
  return error ? 'error' : 'applied';
}
