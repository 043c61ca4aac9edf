import * as z from 'zod/mini';
import { apiErrorSchema, categorySchema, discountSchema, giftSchema, optionalString, orderCalculatedSchema, stackingRulesSchema } from './common.js';

/** One code's or promotion tier's outcome in a stackable validation (`object`: 'voucher' | 'promotion_tier'). */
export const redeemableSchema = /* @__PURE__ */ z.looseObject({
  status: /* @__PURE__ */ z.enum(['APPLICABLE', 'INAPPLICABLE', 'SKIPPED']),
  id: /* @__PURE__ */ z.string(),
  object: /* @__PURE__ */ z.string(),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  result: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(
      /* @__PURE__ */ z.looseObject({
        discount: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(discountSchema)),
        gift: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(giftSchema)),
        loyalty_card: /* @__PURE__ */ z.optional(
          /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ points: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()) })),
        ),
        error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(apiErrorSchema)),
        // A SKIPPED entry's reason: `key` is one of the seven stacking keys (`applicable_redeemables_limit_exceeded`, …).
        details: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ key: optionalString, message: optionalString }))),
      }),
    ),
  ),
  categories: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(categorySchema))),
});

/** POST /client/v1/validations and /v1/validations: the stackable validation response. */
export const stackableValidationSchema = /* @__PURE__ */ z.looseObject({
  valid: /* @__PURE__ */ z.boolean(),
  redeemables: /* @__PURE__ */ z.array(redeemableSchema),
  // In PARTIAL stacking mode `redeemables` holds only the applicable codes; the others are listed here.
  inapplicable_redeemables: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(redeemableSchema))),
  skipped_redeemables: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(redeemableSchema))),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  tracking_id: optionalString,
  session: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ key: optionalString }))),
  stacking_rules: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(stackingRulesSchema)),
});
/** The stackable validation response. */
export type StackableValidationResponse = z.infer<typeof stackableValidationSchema>;
