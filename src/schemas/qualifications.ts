import * as z from 'zod/mini';
import { optionalString, orderCalculatedSchema } from './common.js';

/** POST /client/v1/qualifications. The redeemables are passed through unchecked beyond their ids. */
export const qualificationsResponseSchema = /* @__PURE__ */ z.looseObject({
  redeemables: /* @__PURE__ */ z.looseObject({
    data: /* @__PURE__ */ z.array(/* @__PURE__ */ z.looseObject({ id: /* @__PURE__ */ z.string(), object: /* @__PURE__ */ z.string() })),
    has_more: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
    more_starting_after: optionalString,
    total: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  }),
  tracking_id: optionalString,
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
});
/** Which codes and promotions the customer and order qualify for. */
export type QualificationsResponse = z.infer<typeof qualificationsResponseSchema>;
