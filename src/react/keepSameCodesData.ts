'use client';
import type { Query } from '@tanstack/react-query';
import type { ValidationResult, VoucherifyError } from '../core/index.js';
import type { ValidateQueryKey } from './voucherKeys.js';

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
    return codes.length > 0 && JSON.stringify(previousQuery?.queryKey[2]) === JSON.stringify(codes) ? previous : undefined;
  };
}
