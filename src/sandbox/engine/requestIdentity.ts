import { findCustomer } from '../state/customerStore.js';
import { errorResponse } from '../http/responses.js';
import { anonymousTrackingId, resolveIdentity, trackingIdFor } from '../state/trackingIds.js';
import type { SandboxCustomer, SandboxState } from '../types.js';

/** Who a request is about. */
export interface RequestIdentity {
  /** The raw identity, tracking ids resolved; null when the request names no one. */
  identity: string | null;
  /** The tracking id issued for the identity; null when there is none. */
  trackingId: string | null;
  /** The stored customer the request names by id, or whose source id matches the identity. */
  customer: SandboxCustomer | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads the identity from `tracking_id`, `customer.source_id` and `customer.id`. Two different identities in
 * one request answer 400 `ambiguous_tracking_id`, quoting both tracking ids as Voucherify does. With `issue`,
 * a request that names no one gets a random anonymous `track_` id (client validations), as Voucherify does.
 */
export function identify(
  state: SandboxState,
  secret: string,
  sources: { trackingId?: unknown; customer?: unknown },
  issue: boolean,
): RequestIdentity | Response {
  const named: string[] = [];
  const customerInput = isObject(sources.customer) ? sources.customer : undefined;
  let customer: SandboxCustomer | undefined;
  if (typeof customerInput?.id === 'string') {
    customer = state.customers.get(customerInput.id);
    if (customer?.source_id) named.push(customer.source_id);
  } else if (typeof customerInput?.source_id === 'string' && customerInput.source_id !== '') {
    named.push(customerInput.source_id);
  }
  if (typeof sources.trackingId === 'string' && sources.trackingId !== '') named.push(sources.trackingId);

  const identities = [...new Set(named.map((value) => resolveIdentity(state, value)))];
  if (identities.length > 1) {
    const [first, second] = identities.map((identity) => trackingIdFor(state, secret, identity));
    return errorResponse({
      code: 400,
      key: 'ambiguous_tracking_id',
      message: 'Ambiguous tracking id',
      details: `The request names two different customers: ${String(first)} and ${String(second)}`,
    });
  }
  // An anonymous shopper's random id is its own identity: no table entry, however many shoppers come by.
  const identity = identities[0] ?? (issue ? anonymousTrackingId() : null);
  const trackingId = identity ? trackingIdFor(state, secret, identity) : null;
  customer ??= identity ? findCustomer(state, identity) : undefined;
  return { identity, trackingId, customer };
}
