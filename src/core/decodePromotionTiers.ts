import type { PromotionTiersResponse } from '../schemas/promotionTiers.js';
import { array, boolean, decoder, maybe, number, object, optional, string } from './decode.js';

const maybeString = /* @__PURE__ */ maybe(string);

/**
 * The GET /client/v1/promotions/tiers answer, checked as `promotionTiersResponseSchema` defines it.
 *
 * @example
 * const { tiers } = decodePromotionTiers(await response.json())
 */
export const decodePromotionTiers = /* @__PURE__ */ decoder<PromotionTiersResponse>(
  /* @__PURE__ */ object({
    tiers: /* @__PURE__ */ array(/* @__PURE__ */ object({ id: string, name: maybeString, banner: maybeString })),
    total: /* @__PURE__ */ optional(number),
    has_more: /* @__PURE__ */ optional(boolean),
  }),
);
