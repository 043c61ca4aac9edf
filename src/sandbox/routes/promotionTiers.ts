import type { RouteHandler } from '../http/context.js';
import { readQueryInteger } from '../engine/payloadNumbers.js';
import { invalidPayload, json } from '../http/responses.js';
import { isTierLive, toPromotionTierObject } from '../state/promotionTiers.js';

const ORDERS = ['created_at', '-created_at', 'updated_at', '-updated_at'];

/**
 * GET /client/v1/promotions/tiers: the sandbox's promotion tiers (with `banner`), newest first unless `order`
 * says otherwise (tiers are never updated, so `updated_at` sorts as `created_at`), paged with `limit` (1–100,
 * default 10) and `page`; `is_available=true` keeps the active tiers within their dates.
 */
export const listPromotionTiers: RouteHandler = (context) => {
  const query = context.url.searchParams;
  const limit = readQueryInteger(query, 'limit', { min: 1, max: 100, fallback: 10 });
  if (typeof limit === 'string') return invalidPayload(limit);
  const page = readQueryInteger(query, 'page', { min: 1, fallback: 1 });
  if (typeof page === 'string') return invalidPayload(page);
  const order = query.get('order') ?? '-created_at';
  if (!ORDERS.includes(order)) return invalidPayload(`order must be one of ${ORDERS.join(', ')}`);
  const available = query.get('is_available');
  if (available !== null && available !== 'true' && available !== 'false') return invalidPayload('is_available must be true or false');
  const sign = order.startsWith('-') ? -1 : 1;
  const tiers = [...context.state.tiers.values()]
    .filter((record) => available !== 'true' || isTierLive(record, context.now))
    .sort((a, b) => sign * (Date.parse(a.tier.created_at) - Date.parse(b.tier.created_at)) || a.tier.id.localeCompare(b.tier.id));
  const slice = tiers.slice((page - 1) * limit, page * limit);
  return json(200, {
    object: 'list',
    data_ref: 'tiers',
    tiers: slice.map((record) => toPromotionTierObject(record, context.now)),
    total: tiers.length,
    has_more: page * limit < tiers.length,
  });
};
