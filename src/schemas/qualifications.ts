import * as z from 'zod/mini';
import { apiErrorSchema, categorySchema, discountSchema, optionalString, orderCalculatedSchema, stackingRulesSchema } from './common.js';

const maybe = <T extends z.core.SomeType>(schema: T) => /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(schema));

/**
 * One entry of a qualification (`QualificationsRedeemable`): a voucher, campaign or promotion tier, priced alone
 * against the undiscounted cart. The fields the library reads are checked; the rest pass through.
 */
export const qualifiedRedeemableSchema = /* @__PURE__ */ z.looseObject({
  id: /* @__PURE__ */ z.string(),
  /** 'campaign' | 'promotion_tier' | 'promotion_stack' | 'voucher' */
  object: /* @__PURE__ */ z.string(),
  /** The paging cursor: the next page starts after the last entry's `created_at`. */
  created_at: optionalString,
  result: /* @__PURE__ */ maybe(
    /* @__PURE__ */ z.looseObject({ discount: /* @__PURE__ */ maybe(discountSchema), error: /* @__PURE__ */ maybe(apiErrorSchema) }),
  ),
  /** The order with this redeemable alone applied. */
  order: /* @__PURE__ */ maybe(orderCalculatedSchema),
  /** The shopper-facing text of a promotion tier. */
  banner: optionalString,
  /** With `expand: ['redeemable']`. */
  name: optionalString,
  campaign_name: optionalString,
  campaign_id: optionalString,
  metadata: /* @__PURE__ */ maybe(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())),
  /** With `expand: ['category']`. */
  categories: /* @__PURE__ */ maybe(/* @__PURE__ */ z.array(categorySchema)),
  /** With `expand: ['validation_rules']`; under AUDIENCE_ONLY a rule whose order part is unmet is 'PARTIALLY_VALID'. */
  validation_rules_assignments: /* @__PURE__ */ maybe(
    /* @__PURE__ */ z.looseObject({
      data: /* @__PURE__ */ z.array(
        /* @__PURE__ */ z.looseObject({
          rule_id: /* @__PURE__ */ z.string(),
          /** 'VALID' | 'PARTIALLY_VALID' | 'INVALID' */
          validation_status: optionalString,
        }),
      ),
    }),
  ),
});
/** One entry of a qualification. */
export type QualifiedRedeemable = z.infer<typeof qualifiedRedeemableSchema>;

/** POST /client/v1/qualifications and POST /v1/qualifications: one page of what the customer and order qualify for. */
export const qualificationsResponseSchema = /* @__PURE__ */ z.looseObject({
  redeemables: /* @__PURE__ */ z.looseObject({
    data: /* @__PURE__ */ z.array(qualifiedRedeemableSchema),
    has_more: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    /** The `starting_after` of the next page, while `has_more`. */
    more_starting_after: optionalString,
    total: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  }),
  tracking_id: optionalString,
  order: /* @__PURE__ */ maybe(orderCalculatedSchema),
  stacking_rules: /* @__PURE__ */ maybe(stackingRulesSchema),
});
/** Which codes and promotions the customer and order qualify for. */
export type QualificationsResponse = z.infer<typeof qualificationsResponseSchema>;
