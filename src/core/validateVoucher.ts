import * as z from 'zod/mini';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import { toLegacyQuery } from './legacyQuery.js';
import { call } from './request.js';
import { refuseSession } from './refuseSession.js';
import { apiErrorSchema, discountSchema, giftSchema, optionalString, orderCalculatedSchema } from './schemas.js';
import type { ValidationResult } from './types.js';
import type { ValidateParams } from './validate.js';
import { fromLegacyValidation } from './validationResult.js';

/** GET /client/v1/validate (deprecated): one voucher, valid or not. */
export const legacyValidationSchema = /* @__PURE__ */ z.object({
  valid: /* @__PURE__ */ z.boolean(),
  code: optionalString,
  discount: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(discountSchema)),
  gift: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(giftSchema)),
  loyalty: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ points_cost: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()) }))),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  tracking_id: optionalString,
  reason: optionalString,
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(apiErrorSchema)),
});
/** The deprecated single-voucher validation response. */
export type LegacyValidationResponse = z.infer<typeof legacyValidationSchema>;

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
  if (typeof code !== 'string' || code.trim() === '') throw new TypeError('validateVoucher needs a non-empty code');
  refuseSession('validateVoucher', params.session);
  const body = await context.withIdentity(params.trackingId, (trackingId) =>
    call(context.config, {
      method: 'GET',
      path: '/client/v1/validate',
      query: toLegacyQuery(code, { ...params, customer: withSourceId(params.customer, trackingId) }, trackingId),
      schema: legacyValidationSchema,
      signal: params.signal,
      retry: 'safe',
    }),
    params.adoptTrackingId,
  );
  return fromLegacyValidation(body, code);
}
