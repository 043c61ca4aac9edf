import type { QualificationsResponse } from '../schemas/qualifications.js';
import { array, boolean, decoder, maybe, number, object, optional, string } from './decode.js';
import { orderCheck } from './decodeParts.js';

const maybeString = /* @__PURE__ */ maybe(string);

/**
 * The POST /client/v1/qualifications answer, checked as `qualificationsResponseSchema` defines it.
 *
 * @example
 * const { redeemables } = decodeQualifications(await response.json())
 */
export const decodeQualifications = /* @__PURE__ */ decoder<QualificationsResponse>(
  /* @__PURE__ */ object({
    redeemables: /* @__PURE__ */ object({
      data: /* @__PURE__ */ array(/* @__PURE__ */ object({ id: string, object: string })),
      has_more: /* @__PURE__ */ optional(boolean),
      more_starting_after: maybeString,
      total: /* @__PURE__ */ optional(number),
    }),
    tracking_id: maybeString,
    order: /* @__PURE__ */ maybe(orderCheck),
  }),
);
