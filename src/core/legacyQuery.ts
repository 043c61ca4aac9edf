import type { Customer, Order, ValidationSession } from './types.js';

function appendDeep(query: URLSearchParams, prefix: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) appendDeep(query, `${prefix}[${key}]`, inner);
    return;
  }
  query.append(prefix, String(value));
}

/**
 * The deepObject query of the deprecated GET /client/v1/validate (`item[0][price]=…`, `customer[source_id]=…`).
 * The tracking id is always sent when there is one: the official SDK drops it for the string form.
 *
 * @example
 * toLegacyQuery('SAVE10', { order: { amount: 4000 } }, 'track_x').toString()
 * // 'code=SAVE10&amount=4000&tracking_id=track_x'
 */
export function toLegacyQuery(
  code: string,
  params: { order?: Order; customer?: Customer | undefined; metadata?: Record<string, unknown>; session?: ValidationSession },
  trackingId: string | null,
): URLSearchParams {
  const query = new URLSearchParams({ code });
  if (params.order?.amount !== undefined) query.set('amount', String(params.order.amount));
  params.order?.items?.forEach((item, index) => appendDeep(query, `item[${index}]`, item));
  appendDeep(query, 'order[metadata]', params.order?.metadata);
  appendDeep(query, 'customer', params.customer);
  appendDeep(query, 'metadata', params.metadata);
  if (trackingId) query.set('tracking_id', trackingId);
  if (params.session) {
    query.set('session_type', params.session.type);
    if (params.session.key) query.set('session_key', params.session.key);
    if (params.session.ttl !== undefined) query.set('session_ttl', String(params.session.ttl));
    if (params.session.ttl_unit) query.set('session_ttl_unit', params.session.ttl_unit);
  }
  return query;
}
