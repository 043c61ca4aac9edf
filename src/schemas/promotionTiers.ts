import * as z from 'zod/mini';
import { optionalString } from './common.js';

/** GET /client/v1/promotions/tiers: a page of promotion tiers. */
export const promotionTiersResponseSchema = /* @__PURE__ */ z.looseObject({
  tiers: /* @__PURE__ */ z.array(/* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string(), name: optionalString, banner: optionalString })),
  total: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  has_more: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
/** A page of promotion tiers. */
export type PromotionTiersResponse = z.infer<typeof promotionTiersResponseSchema>;
