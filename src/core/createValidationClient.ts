import type { Tracker } from './createTracker.js';
import { createTransportContext, type TransportContext, type VoucherifyClientOptions } from './createTransportContext.js';
import type { ValidationResult } from './types.js';
import { validate, type ValidateParams } from './validate.js';
import { withRetry } from './withRetry.js';

/** The part of the client a voucher field needs: validations and the tracker. `VoucherifyClient` extends it. */
export interface ValidationClient {
  readonly tracker: Tracker;
  /** POST /client/v1/validations. An invalid code resolves with `valid: false`; failures reject with `VoucherifyError`. */
  validate(params: ValidateParams): Promise<ValidationResult>;
}

/**
 * A client that only validates: what `VoucherProvider` creates, so a checkout bundle does not carry the
 * events, qualifications, promotion and legacy operations it never calls.
 *
 * @example
 * const client = createValidationClient({ clientApplicationId, clientToken, tracker: createTracker() })
 * const result = await client.validate({ code: 'SAVE10', order: { amount: 4000 } })
 */
export function createValidationClient(options: VoucherifyClientOptions): ValidationClient {
  const context = withRetry(createTransportContext(options), options.retry);
  return { tracker: context.tracker, validate: (params) => validate(context, params) };
}

/**
 * `createValidationClient` without the opt-in retry loop: what `VoucherProvider` makes, where React Query retries
 * (`validateQueryOptions`). Internal (src/core/internal.ts), so the field's bundle does not hold a loop it never runs.
 *
 * @example
 * const client = createProviderClient({ clientApplicationId, clientToken, tracker })
 */
export function createProviderClient(options: Omit<VoucherifyClientOptions, 'retry'>): ValidationClient & { context: TransportContext } {
  const context = createTransportContext(options);
  // The context rides along so `usePromotions` can qualify with it: the field's bundle holds no qualification code.
  return { tracker: context.tracker, validate: (params) => validate(context, params), context };
}
