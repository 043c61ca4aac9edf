import type { RouteHandler } from '../http/context.js';
import { toSimpleCustomer, upsertCustomer } from '../state/customerStore.js';
import { identify } from '../engine/requestIdentity.js';
import { invalidPayload, json, readBody } from '../http/responses.js';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** POST /client/v1/events: records a custom event; an unknown customer is created, as Voucherify does. */
export const trackEvent: RouteHandler = async (context) => {
  const body = await readBody(context.request);
  if (!body) return invalidPayload('The request body must be a JSON object');
  if (typeof body.event !== 'string' || body.event.trim() === '') return invalidPayload('event is required');
  if (!isObject(body.customer)) return invalidPayload('customer is required');
  const who = identify(context.state, context.secret, { customer: body.customer }, false);
  if (who instanceof Response) return who;
  const customer = upsertCustomer(context.state, body.customer, context.now);
  if (!customer) return invalidPayload('customer needs an id or a source_id', 'invalid_customer');
  const metadata = isObject(body.metadata) ? body.metadata : {};
  context.state.events.push({ event: body.event, customer_id: customer.id, metadata });
  return json(200, {
    object: 'event',
    type: body.event,
    customer: toSimpleCustomer(customer),
    referral: null,
    loyalty: null,
    metadata,
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
  });
};
