import { withSourceId, type TransportContext } from './createTransportContext.js';
import { toLegacyQuery } from './legacyQuery.js';
import { call } from './request.js';
import { refuseSession } from './refuseSession.js';
import { decodeLegacyValidation } from './decodeLegacyValidation.js';
import type { ValidationResult } from './types.js';
import type { ValidateParams } from './validate.js';
import { fromLegacyValidation } from './validationResult.js';

/**
 * GET /client/v1/validate, deprecated by Voucherify; for old projects. Sends the tracking id in every form.
 *
 * @example
 * const result = await validateVoucher(createTransportContext(options), 'SAVE10', { order: { amount: 4000 } })
 */
export async function validateVoucher(
  context: TransportContext,
  code: string,
  params: Omit<ValidateParams, 'code' | 'codes' | 'options'> = {},
): Promise<ValidationResult> {
  // A misuse hint (the API refuses an empty code itself): development builds only.
  if (typeof process !== 'undefined') {
    if (process.env.NODE_ENV !== 'production') {
      if (typeof code !== 'string' || code.trim() === '') throw new TypeError('validateVoucher needs a non-empty code');
    }
  }
  refuseSession('validateVoucher', params.session);
  const body = await context.withIdentity(
    params.trackingId,
    (trackingId) =>
      call(context.config, {
        method: 'GET',
        path: '/client/v1/validate',
        query: toLegacyQuery(code, { ...params, customer: withSourceId(params.customer, trackingId) }, trackingId),
        decode: decodeLegacyValidation,
        signal: params.signal,
        retry: 'safe',
      }),
    params.adoptTrackingId,
  );
  return fromLegacyValidation(body, code);
}
