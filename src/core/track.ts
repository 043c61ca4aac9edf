import * as z from 'zod/mini';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import { call } from './request.js';
import { optionalString } from './schemas.js';
import type { Customer } from './types.js';

const customerRefSchema = /* @__PURE__ */ z.object({
  id: optionalString,
  source_id: optionalString,
  name: optionalString,
  email: optionalString,
  object: optionalString,
});

/** POST /client/v1/events. */
export const eventResponseSchema = /* @__PURE__ */ z.object({
  object: /* @__PURE__ */ z.literal('event'),
  type: /* @__PURE__ */ z.string(),
  customer: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(customerRefSchema)),
});
/** The tracked event as Voucherify echoes it. */
export type EventResponse = z.infer<typeof eventResponseSchema>;

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
  if (typeof event !== 'string' || event.trim() === '') throw new TypeError('track needs an event name');
  context.tracker.hydrate();
  const customer = withSourceId(params.customer, context.tracker.getSnapshot().outgoingId);
  if (!customer) {
    throw new TypeError('track needs a customer: call setIdentity, validate a code first, or pass params.customer');
  }
  const { signal, ...rest } = params;
  return call(context.config, {
    method: 'POST',
    path: '/client/v1/events',
    body: { event, metadata: {}, ...rest, customer },
    schema: eventResponseSchema,
    signal,
    // An event resent is an event counted twice.
    retry: 'never',
  });
}
