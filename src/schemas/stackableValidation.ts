import * as z from 'zod/mini';
import { apiErrorSchema, discountSchema, giftSchema, optionalString, orderCalculatedSchema } from './common.js';

/** One code's outcome in a stackable validation. */
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
        details: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ key: optionalString, message: optionalString }))),
      }),
    ),
  ),
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
});
/** The stackable validation response. */
export type StackableValidationResponse = z.infer<typeof stackableValidationSchema>;
