import type { QualificationsResponse } from '../schemas/qualifications.js';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import { call } from './request.js';
import { decodeQualifications } from './decodeQualifications.js';
import type { Customer, Order } from './types.js';

/** Parameters of `qualifications`. */
export interface QualificationsParams {
  customer?: Customer;
  order?: Order;
  scenario?:
    | 'ALL'
    | 'CUSTOMER_WALLET'
    | 'AUDIENCE_ONLY'
    | 'PRODUCTS'
    | 'PRODUCTS_DISCOUNT'
    | 'PROMOTION_STACKS'
    | 'PRODUCTS_BY_CUSTOMER'
    | 'PRODUCTS_DISCOUNT_BY_CUSTOMER';
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
      decode: decodeQualifications,
      signal,
      retry: 'safe',
    }),
  );
}
