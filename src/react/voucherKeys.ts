'use client';
import { orderFingerprint, type Customer, type Order } from '../core/index.js';

/** What a validation depends on besides the codes; all of it goes into the fingerprint. */
export interface ValidationInputs {
  order?: Order | null | undefined;
  customer?: Customer | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
}

/**
 * Query-key factories for every voucherkit query, so invalidation and prefetching never hand-write a key.
 * The fingerprint covers the order, and the customer and metadata when given (they change the answer too).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: voucherKeys.all })
 * voucherKeys.validate(['SAVE10'], { order: cart }, trackingId) // ['voucherkit', 'validate', ['SAVE10'], '1x9…', 'track_…']
 */
export const voucherKeys = {
  all: ['voucherkit'] as const,
  validations: () => ['voucherkit', 'validate'] as const,
  validate: (codes: readonly string[], inputs: ValidationInputs = {}, trackingId: string | null = null) =>
    [
      'voucherkit',
      'validate',
      [...codes],
      orderFingerprint(inputs.customer || inputs.metadata ? inputs : inputs.order),
      trackingId,
    ] as const,
};

/** The key of a validation query. */
export type ValidateQueryKey = ReturnType<typeof voucherKeys.validate>;
