import type { StackableValidationResponse } from '../schemas/stackableValidation.js';
import { array, boolean, decoder, maybe, number, object, oneOf, optional, string } from './decode.js';
import { apiErrorCheck } from './decodeApiError.js';
import { categoryCheck, discountCheck, giftCheck, orderCheck, stackingRulesCheck } from './decodeParts.js';

const maybeString = /* @__PURE__ */ maybe(string);
const maybeOrder = /* @__PURE__ */ maybe(orderCheck);

const redeemable = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf('APPLICABLE', 'INAPPLICABLE', 'SKIPPED'),
  id: string,
  object: string,
  order: maybeOrder,
  result: /* @__PURE__ */ maybe(
    /* @__PURE__ */ object({
      discount: /* @__PURE__ */ maybe(discountCheck),
      gift: /* @__PURE__ */ maybe(giftCheck),
      loyalty_card: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ points: /* @__PURE__ */ optional(number) })),
      error: /* @__PURE__ */ maybe(apiErrorCheck),
      details: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ key: maybeString, message: maybeString })),
    }),
  ),
  categories: /* @__PURE__ */ maybe(/* @__PURE__ */ array(categoryCheck)),
});
const redeemables = /* @__PURE__ */ array(redeemable);

/**
 * The stackable validation answer (POST /client/v1/validations), checked field by field as
 * `stackableValidationSchema` defines it; throws a `VoucherifyError` (`invalid_response`) naming the first misfit.
 *
 * @example
 * const body = decodeStackableValidation(await response.json())
 */
export const decodeStackableValidation = /* @__PURE__ */ decoder<StackableValidationResponse>(
  /* @__PURE__ */ object({
    valid: boolean,
    redeemables,
    inapplicable_redeemables: /* @__PURE__ */ maybe(redeemables),
    skipped_redeemables: /* @__PURE__ */ maybe(redeemables),
    order: maybeOrder,
    tracking_id: maybeString,
    session: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ key: maybeString })),
    stacking_rules: /* @__PURE__ */ maybe(stackingRulesCheck),
  }),
);
