import type { QualificationsResponse } from '../schemas/qualifications.js';
import { array, boolean, decoder, maybe, number, object, optional, string } from './decode.js';
import { apiErrorCheck } from './decodeApiError.js';
import { categoryCheck, discountCheck, orderCheck, stackingRulesCheck } from './decodeParts.js';

const maybeString = /* @__PURE__ */ maybe(string);
const maybeOrder = /* @__PURE__ */ maybe(orderCheck);

/** One entry, checked as `qualifiedRedeemableSchema` defines it. */
const entry = /* @__PURE__ */ object({
  id: string,
  object: string,
  created_at: maybeString,
  result: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ discount: /* @__PURE__ */ maybe(discountCheck), error: /* @__PURE__ */ maybe(apiErrorCheck) })),
  order: maybeOrder,
  banner: maybeString,
  name: maybeString,
  campaign_name: maybeString,
  campaign_id: maybeString,
  metadata: /* @__PURE__ */ maybe(/* @__PURE__ */ object({})),
  categories: /* @__PURE__ */ maybe(/* @__PURE__ */ array(categoryCheck)),
  validation_rules_assignments: /* @__PURE__ */ maybe(
    /* @__PURE__ */ object({ data: /* @__PURE__ */ array(/* @__PURE__ */ object({ rule_id: string, validation_status: maybeString })) }),
  ),
});

/**
 * The qualifications answer (POST /client/v1/qualifications), checked as `qualificationsResponseSchema` defines it.
 *
 * @example
 * const { redeemables } = decodeQualifications(await response.json())
 */
export const decodeQualifications = /* @__PURE__ */ decoder<QualificationsResponse>(
  /* @__PURE__ */ object({
    redeemables: /* @__PURE__ */ object({
      data: /* @__PURE__ */ array(entry),
      has_more: /* @__PURE__ */ optional(boolean),
      more_starting_after: maybeString,
      total: /* @__PURE__ */ optional(number),
    }),
    tracking_id: maybeString,
    order: maybeOrder,
    stacking_rules: /* @__PURE__ */ maybe(stackingRulesCheck),
  }),
);
