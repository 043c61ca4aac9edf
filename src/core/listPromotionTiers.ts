import type { PromotionTiersResponse } from '../schemas/promotionTiers.js';
import type { TransportContext } from './createTransportContext.js';
import { call } from './request.js';
import { decodePromotionTiers } from './decodePromotionTiers.js';

/** Parameters of `listPromotionTiers`. */
export interface PromotionTiersParams {
  isAvailable?: boolean;
  limit?: number;
  page?: number;
  order?: 'created_at' | '-created_at' | 'updated_at' | '-updated_at';
  signal?: AbortSignal;
}

/**
 * GET /client/v1/promotions/tiers: a page of promotion tiers.
 *
 * @example
 * const { tiers } = await listPromotionTiers(createTransportContext(options), { isAvailable: true, limit: 10 })
 */
export function listPromotionTiers(context: TransportContext, params: PromotionTiersParams = {}): Promise<PromotionTiersResponse> {
  const query = new URLSearchParams();
  if (params.isAvailable !== undefined) query.set('is_available', String(params.isAvailable));
  if (params.limit !== undefined) query.set('limit', String(params.limit));
  if (params.page !== undefined) query.set('page', String(params.page));
  if (params.order) query.set('order', params.order);
  return call(context.config, {
    method: 'GET',
    path: '/client/v1/promotions/tiers',
    query,
    decode: decodePromotionTiers,
    signal: params.signal,
    retry: 'safe',
  });
}
