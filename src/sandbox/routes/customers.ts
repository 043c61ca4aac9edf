import type { RouteHandler } from '../http/context.js';
import { findCustomer, toCustomerResponse, updateCustomer, upsertCustomer } from '../state/customerStore.js';
import { readPaging } from '../engine/payloadNumbers.js';
import { invalidPayload, json, notFound, readBody } from '../http/responses.js';

/** GET /v1/customers: newest first, paged with `limit` (1–100, default 10) and `page` (1–99), filtered by `email`. */
export const listCustomers: RouteHandler = (context) => {
  const query = context.url.searchParams;
  const paging = readPaging(query);
  if (typeof paging === 'string') return invalidPayload(paging);
  const { limit, page } = paging;
  const email = query.get('email');
  const all = [...context.state.customers.values()]
    .filter((customer) => !email || customer.email === email)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  const slice = all.slice((page - 1) * limit, page * limit);
  return json(200, {
    object: 'list',
    data_ref: 'customers',
    customers: slice.map(toCustomerResponse),
    total: all.length,
    has_more: page * limit < all.length,
  });
};

/** POST /v1/customers: an upsert by `id` or `source_id`, as Voucherify does. */
export const createCustomer: RouteHandler = async (context) => {
  const body = await readBody(context.request);
  if (!body) return invalidPayload('The request body must be a customer object');
  const customer = upsertCustomer(context.state, body, context.now);
  if (!customer) return invalidPayload('A customer needs a source_id or at least one profile field', 'invalid_customer');
  return json(200, toCustomerResponse(customer));
};

/** GET /v1/customers/{customerId}: by Voucherify id or source id (raw identity or tracking id). */
export const getCustomer: RouteHandler = (context) => {
  const id = context.params.customerId ?? '';
  const customer = findCustomer(context.state, id);
  return customer ? json(200, toCustomerResponse(customer)) : notFound('customer', id);
};

/** PUT /v1/customers/{customerId}: a partial update; fields not sent stay unchanged. */
export const putCustomer: RouteHandler = async (context) => {
  const id = context.params.customerId ?? '';
  const customer = findCustomer(context.state, id);
  if (!customer) return notFound('customer', id);
  const body = await readBody(context.request);
  if (!body) return invalidPayload('The request body must be a customer object');
  return json(200, toCustomerResponse(updateCustomer(customer, body, context.now)));
};
