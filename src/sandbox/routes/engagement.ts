import type { RouteHandler } from '../http/context.js';
import { toCustomerResponse, toSimpleCustomer, upsertCustomer } from '../state/customerStore.js';
import { newId } from '../state/ids.js';
import { toOrderCalculated } from '../engine/orderMath.js';
import { readOrder, readQueryInteger } from '../engine/payloadNumbers.js';
import { identify } from '../engine/requestIdentity.js';
import { errorResponse, invalidPayload, json, notFound, readBody } from '../http/responses.js';
import { evaluateStack, redeemableResult, STACKING_RULES } from '../engine/validationEngine.js';
import { toVoucherObject } from '../state/voucherObject.js';
import { withLockedCredits } from '../engine/giftCredits.js';

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

/**
 * POST /client/v1/qualifications: the vouchers this customer and order qualify for. The sandbox has no
 * campaigns, so it offers the vouchers that would apply and that are unpublished or held by this customer.
 */
export const checkEligibility: RouteHandler = async (context) => {
  const body = (await readBody(context.request)) ?? {};
  if (body === null) return invalidPayload('The request body must be a JSON object');
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const who = identify(context.state, context.secret, { trackingId: body.tracking_id, customer: body.customer }, true);
  if (who instanceof Response) return who;
  const date = new Date(context.now).toISOString();
  const data = [...context.state.vouchers.values()]
    .filter((voucher) => !voucher.holder_id || voucher.holder_id === who.customer?.id)
    .map((voucher) => evaluateStack(context.state, context.now, [{ object: 'voucher', id: voucher.code }], order, who.identity))
    .filter((outcome) => outcome.valid)
    .map((outcome) => {
      const entry = outcome.entries[0]!;
      return {
        id: entry.request.id,
        object: 'voucher',
        created_at: date,
        result: withLockedCredits(redeemableResult(entry), entry.voucher, { state: context.state, now: context.now, session: body.session }),
        order: toOrderCalculated(outcome.order, { discount: entry.discount, applied: entry.discount }),
        applicable_to: { data: [], total: 0, object: 'list', data_ref: 'data' },
        inapplicable_to: { data: [], total: 0, object: 'list', data_ref: 'data' },
        metadata: entry.voucher?.metadata ?? {},
      };
    });
  return json(200, {
    redeemables: { object: 'list', data_ref: 'data', data, total: data.length, has_more: false },
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
    order: toOrderCalculated(order, { discount: 0, applied: 0 }),
    stacking_rules: STACKING_RULES,
  });
};

/** GET /client/v1/promotions/tiers: the sandbox runs no promotions, so the list is empty and well-formed. */
export const listPromotionTiers: RouteHandler = (context) => {
  const limit = readQueryInteger(context.url.searchParams, 'limit', { min: 1, max: 100, fallback: 10 });
  if (typeof limit === 'string') return invalidPayload(limit);
  const page = readQueryInteger(context.url.searchParams, 'page', { min: 1, fallback: 1 });
  if (typeof page === 'string') return invalidPayload(page);
  return json(200, { object: 'list', data_ref: 'tiers', tiers: [], total: 0, has_more: false });
};

/** POST /client/v1/publish: assigns a specific voucher to a customer. Campaigns do not exist in the sandbox. */
export const publishVoucher: RouteHandler = async (context) => {
  const body = await readBody(context.request);
  if (!body || !isObject(body.customer)) return invalidPayload('customer is required');
  if (typeof body.voucher !== 'string') {
    const name = isObject(body.campaign) ? String(body.campaign.name ?? body.campaign.id ?? '') : String(body.campaign ?? '');
    return name
      ? notFound('campaign', name)
      : errorResponse({ code: 400, key: 'missing_vouchers', message: 'Missing vouchers', details: 'Name a voucher or a campaign' });
  }
  const voucher = context.state.vouchers.get(body.voucher);
  if (!voucher) return notFound('voucher', body.voucher);
  const who = identify(context.state, context.secret, { customer: body.customer }, false);
  if (who instanceof Response) return who;
  const customer = upsertCustomer(context.state, body.customer, context.now);
  if (!customer) return invalidPayload('customer needs an id or a source_id', 'invalid_customer');
  if (voucher.holder_id && voucher.holder_id !== customer.id) {
    return errorResponse({
      code: 400,
      key: 'voucher_already_published',
      message: 'Voucher already published',
      details: `Voucher ${voucher.code} is already published to another customer`,
      resource_id: voucher.code,
      resource_type: 'voucher',
    });
  }
  voucher.holder_id = customer.id;
  return json(200, {
    id: newId('pub'),
    object: 'publication',
    created_at: new Date(context.now).toISOString(),
    customer_id: customer.id,
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
    metadata: isObject(body.metadata) ? body.metadata : {},
    channel: 'API',
    source_id: typeof body.source_id === 'string' ? body.source_id : null,
    result: 'SUCCESS',
    customer: toCustomerResponse(customer),
    vouchers_id: [`v_${voucher.code}`],
    voucher: toVoucherObject(voucher),
  });
};
