import type { StackableValidationResponse } from '../schemas/stackableValidation.js';
import { array, boolean, decoder, maybe, number, object, oneOf, optional, string, type Check } from './decode.js';
import { apiErrorCheck } from './decodeApiError.js';
import { categoryCheck, discountCheck, giftCheck, orderCheck, stackingRulesCheck } from './decodeParts.js';

const maybeString = /* @__PURE__ */ maybe(string);
const maybeOrder = /* @__PURE__ */ maybe(orderCheck);

// What a code's outcome carries; the tier path adds the entry's categories (an exclusivity reason names them).
const entry = (more?: Record<string, Check>) =>
  object({
    status: oneOf('APPLICABLE', 'INAPPLICABLE', 'SKIPPED'),
    id: string,
    object: string,
    order: maybeOrder,
    result: maybe(
      object({
        discount: maybe(discountCheck),
        gift: maybe(giftCheck),
        loyalty_card: maybe(object({ points: optional(number) })),
        error: maybe(apiErrorCheck),
        details: maybe(object({ key: maybeString, message: maybeString })),
      }),
    ),
    ...more,
  });

const answer = (item: Check, more?: Record<string, Check>) => {
  const entries = array(item);
  return object({
    valid: boolean,
    redeemables: entries,
    inapplicable_redeemables: maybe(entries),
    skipped_redeemables: maybe(entries),
    order: maybeOrder,
    tracking_id: maybeString,
    session: maybe(object({ key: maybeString })),
    ...more,
  });
};

/**
 * The stackable validation answer (POST /client/v1/validations), checked field by field as
 * `stackableValidationSchema` defines the fields a code's validation reads (not `categories` nor `stacking_rules`:
 * see `decodeTierValidation`); throws a `VoucherifyError` (`invalid_response`) naming the first misfit.
 *
 * @example
 * const body = decodeStackableValidation(await response.json())
 */
export const decodeStackableValidation = /* @__PURE__ */ decoder<StackableValidationResponse>(/* @__PURE__ */ answer(/* @__PURE__ */ entry()));

/**
 * `decodeStackableValidation` plus the entries' `categories` and the answer's `stacking_rules`, which the tier path
 * (`validateTiers`) carries into the result for the SKIPPED reasons: the whole `stackableValidationSchema`.
 *
 * @example
 * const body = decodeTierValidation(await response.json())
 */
export const decodeTierValidation = /* @__PURE__ */ decoder<StackableValidationResponse>(
  /* @__PURE__ */ answer(/* @__PURE__ */ entry({ categories: /* @__PURE__ */ maybe(/* @__PURE__ */ array(categoryCheck)) }), {
    stacking_rules: /* @__PURE__ */ maybe(stackingRulesCheck),
  }),
);
