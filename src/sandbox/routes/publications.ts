import type { RouteHandler } from '../http/context.js';
import { publishVouchers, resolveTarget } from '../engine/publishVouchers.js';
import { readPublicationRequest } from '../engine/readPublicationRequest.js';
import { identify } from '../engine/requestIdentity.js';
import { json, notFound, readBody } from '../http/responses.js';
import { upsertCustomer } from '../state/customerStore.js';
import { toPublicationObject } from '../state/publicationObject.js';

/**
 * POST /v1/publications (secret keys) and POST /client/v1/publish (publishable keys, behind `clientPublishGuard`):
 * publishes a voucher, or `count` codes a campaign generates, to one customer. See `publishVouchers` for repeats,
 * `source_id` and `join_once`.
 */
export const createPublication: RouteHandler = async (context) => {
  const request = readPublicationRequest(await readBody(context.request), context.url.searchParams);
  if (request instanceof Response) return request;
  const target = resolveTarget(context.state, request.target);
  if (target instanceof Response) return target;
  const who = identify(context.state, context.secret, { customer: request.customer }, false);
  if (who instanceof Response) return who;
  // A customer named only by an id the sandbox does not know is not created under a new id.
  if (typeof request.customer.id === 'string' && !context.state.customers.has(request.customer.id) && typeof request.customer.source_id !== 'string') {
    return notFound('customer', request.customer.id);
  }
  const customer = upsertCustomer(context.state, request.customer, context.now);
  if (!customer) return notFound('customer', String(request.customer.id));
  const publication = publishVouchers(context.state, context.now, request, target, customer);
  if (publication instanceof Response) return publication;
  return json(200, toPublicationObject(context.state, publication, customer, who.trackingId));
};
