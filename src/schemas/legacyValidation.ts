import * as z from 'zod/mini';
import { apiErrorSchema, discountSchema, giftSchema, optionalString, orderCalculatedSchema } from './common.js';

/** GET /client/v1/validate (deprecated): one voucher, valid or not. */
export const legacyValidationSchema = /* @__PURE__ */ z.looseObject({
  valid: /* @__PURE__ */ z.boolean(),
  code: optionalString,
  discount: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(discountSchema)),
  gift: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(giftSchema)),
  loyalty: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ points_cost: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()) })),
  ),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  tracking_id: optionalString,
  reason: optionalString,
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(apiErrorSchema)),
});
/** The deprecated single-voucher validation response. */
export type LegacyValidationResponse = z.infer<typeof legacyValidationSchema>;
