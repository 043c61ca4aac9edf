import type { LegacyValidationResponse } from '../schemas/legacyValidation.js';
import { boolean, decoder, maybe, number, object, optional, string } from './decode.js';
import { apiErrorCheck } from './decodeApiError.js';
import { discountCheck, giftCheck, orderCheck } from './decodeParts.js';

const maybeString = /* @__PURE__ */ maybe(string);

/**
 * The deprecated GET /client/v1/validate answer, checked as `legacyValidationSchema` defines it.
 *
 * @example
 * const body = decodeLegacyValidation(await response.json())
 */
export const decodeLegacyValidation = /* @__PURE__ */ decoder<LegacyValidationResponse>(
  /* @__PURE__ */ object({
    valid: boolean,
    code: maybeString,
    discount: /* @__PURE__ */ maybe(discountCheck),
    gift: /* @__PURE__ */ maybe(giftCheck),
    loyalty: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ points_cost: /* @__PURE__ */ optional(number) })),
    order: /* @__PURE__ */ maybe(orderCheck),
    tracking_id: maybeString,
    reason: maybeString,
    error: /* @__PURE__ */ maybe(apiErrorCheck),
  }),
);
