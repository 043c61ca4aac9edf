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
});
const redeemables = /* @__PURE__ */ array(redeemable);

// What a code's validation reads; the tier path checks the rest of the schema on top (`tierFields`).
const codeFields = /* @__PURE__ */ object({
  valid: boolean,
  redeemables,
  inapplicable_redeemables: /* @__PURE__ */ maybe(redeemables),
  skipped_redeemables: /* @__PURE__ */ maybe(redeemables),
  order: maybeOrder,
  tracking_id: maybeString,
  session: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ key: maybeString })),
});

/**
 * The stackable validation answer (POST /client/v1/validations), checked field by field as
 * `stackableValidationSchema` defines the fields a code's validation reads (not `categories` nor `stacking_rules`:
 * see `decodeTierValidation`); throws a `VoucherifyError` (`invalid_response`) naming the first misfit.
 *
 * @example
 * const body = decodeStackableValidation(await response.json())
 */
export const decodeStackableValidation = /* @__PURE__ */ decoder<StackableValidationResponse>(codeFields);

const categories = /* @__PURE__ */ array(/* @__PURE__ */ object({ categories: /* @__PURE__ */ maybe(/* @__PURE__ */ array(categoryCheck)) }));
const tierFields = /* @__PURE__ */ object({
  redeemables: categories,
  inapplicable_redeemables: /* @__PURE__ */ maybe(categories),
  skipped_redeemables: /* @__PURE__ */ maybe(categories),
  stacking_rules: /* @__PURE__ */ maybe(stackingRulesCheck),
});

/**
 * `decodeStackableValidation` plus the entries' `categories` and the answer's `stacking_rules`, which the tier path
 * (`validateTiers`) carries into the result for the SKIPPED reasons: the whole `stackableValidationSchema`.
 *
 * @example
 * const body = decodeTierValidation(await response.json())
 */
export const decodeTierValidation = /* @__PURE__ */ decoder<StackableValidationResponse>((value, path) => (codeFields(value, path), tierFields(value, path)));
