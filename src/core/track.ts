import type { EventResponse } from '../schemas/eventResponse.js';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import { call } from './request.js';
import { decodeEventResponse } from './decodeEventResponse.js';
import type { Customer } from './types.js';

/** Parameters of `track`. */
export interface TrackParams {
  customer?: Customer;
  metadata?: Record<string, unknown>;
  referral?: { code?: string; referrer_id?: string };
  loyalty?: { code?: string };
  signal?: AbortSignal;
}

/**
 * POST /client/v1/events, for the tracker's customer unless `params.customer` names one. Never retried.
 *
 * @example
 * await track(createTransportContext(options), 'cart_abandoned', { metadata: { items: 3 } })
 */
export async function track(context: TransportContext, event: string, params: TrackParams = {}): Promise<EventResponse> {
  context.tracker.hydrate();
  const customer = withSourceId(params.customer, context.tracker.getSnapshot().outgoingId);
  // Misuse hints (the API refuses a nameless or customerless event itself): development builds only.
  if (typeof process !== 'undefined') {
    if (process.env.NODE_ENV !== 'production') {
      if (typeof event !== 'string' || event.trim() === '') throw new TypeError('track needs an event name');
      if (!customer) throw new TypeError('track needs a customer: call setIdentity, validate a code first, or pass params.customer');
    }
  }
  const { signal, ...rest } = params;
  return call(context.config, {
    method: 'POST',
    path: '/client/v1/events',
    body: { event, metadata: {}, ...rest, customer },
    decode: decodeEventResponse,
    signal,
    // An event resent is an event counted twice.
    retry: 'never',
  });
}
