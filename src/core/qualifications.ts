import * as z from 'zod/mini';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import { call } from './request.js';
import { optionalString, orderCalculatedSchema } from './schemas.js';
import type { Customer, Order } from './types.js';

/** POST /client/v1/qualifications. The redeemables are passed through unparsed beyond their ids. */
export const qualificationsResponseSchema = /* @__PURE__ */ z.object({
  redeemables: /* @__PURE__ */ z.object({
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

/** Parameters of `qualifications`. */
export interface QualificationsParams {
  customer?: Customer;
  order?: Order;
  scenario?: 'ALL' | 'CUSTOMER_WALLET' | 'AUDIENCE_ONLY' | 'PRODUCTS' | 'PRODUCTS_DISCOUNT' | 'PROMOTION_STACKS' | 'PRODUCTS_BY_CUSTOMER' | 'PRODUCTS_DISCOUNT_BY_CUSTOMER';
  options?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
}

/**
 * POST /client/v1/qualifications: which codes and promotions the customer and order qualify for.
 *
 * @example
 * const { redeemables } = await qualifications(createTransportContext(options), { scenario: 'ALL', order })
 */
export function qualifications(context: TransportContext, params: QualificationsParams = {}): Promise<QualificationsResponse> {
  const { signal, ...rest } = params;
  return context.withIdentity(undefined, (trackingId) =>
    call(context.config, {
      method: 'POST',
      path: '/client/v1/qualifications',
      body: { ...rest, customer: withSourceId(rest.customer, trackingId), ...(trackingId ? { tracking_id: trackingId } : {}) },
      schema: qualificationsResponseSchema,
      signal,
      retry: 'safe',
    }),
  );
}
