'use client';
import type { Query } from '@tanstack/react-query';
import type { ValidationResult, VoucherifyError } from '../core/index.js';
import type { ValidateQueryKey } from './voucherKeys.js';

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((code, i) => code === b[i]);

/**
 * `placeholderData` for validation queries: the previous result stays on screen (flagged `isPlaceholderData`)
 * only while the same codes are re-checked for a changed order, customer or tracking id. Another list of codes,
 * none included, never shows the last list's discount.
 *
 * @example
 * useQuery({ ...validateQueryOptions(client, { codes, order }), placeholderData: keepSameCodesData(codes) })
 */
export function keepSameCodesData(codes: readonly string[]) {
  return (
    previous: ValidationResult | undefined,
    previousQuery: Query<ValidationResult, VoucherifyError, ValidationResult, ValidateQueryKey> | undefined,
  ): ValidationResult | undefined => {
    const previousCodes = previousQuery?.queryKey[2];
    return codes.length > 0 && previousCodes && sameCodes(previousCodes, codes) ? previous : undefined;
  };
}
