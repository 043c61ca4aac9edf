import { customerRetrySafety, pathSegment, type Customer } from '../core/index.js';
import { decodeWith } from './decodeWith.js';
import { call } from '../core/internal.js';
import { customerSchema } from './schemas.js';
import type { CustomerPatch, ServerContext, ServerCustomers } from './types.js';

function customerPath(method: string, idOrSourceId: string): string {
  // Tracking ids hold `/ + =`: encoded, they stay inside one path segment.
  return `/v1/customers/${pathSegment(`customers.${method}(idOrSourceId), a customer id (cust_…) or source_id,`, idOrSourceId)}`;
}

/**
 * The customer calls: GET and PUT /v1/customers/{id} (Voucherify id or source_id) and the POST upsert.
 * Misuse rejects with a TypeError, like every other method of the server client.
 */
export function createCustomers(context: ServerContext): ServerCustomers {
  return {
    async get(idOrSourceId, options = {}) {
      return call(context.config, {
        method: 'GET',
        path: customerPath('get', idOrSourceId),
        decode: decodeWith(customerSchema),
        signal: options.signal,
        retry: 'safe',
      });
    },
    async update(idOrSourceId, patch: CustomerPatch, options = {}) {
      const path = customerPath('update', idOrSourceId);
      if (!patch || typeof patch !== 'object') throw new TypeError('customers.update needs the fields to change');
      // The path names the customer; ids in the body would contradict it.
      const { id: _id, source_id: _sourceId, ...fields } = patch as Customer;
      return call(context.config, { method: 'PUT', path, body: fields, decode: decodeWith(customerSchema), signal: options.signal, retry: 'safe' });
    },
    async upsert(customer, options = {}) {
      if (!customer || typeof customer !== 'object') throw new TypeError('customers.upsert needs a customer');
      return call(context.config, {
        method: 'POST',
        path: '/v1/customers',
        body: customer,
        decode: decodeWith(customerSchema),
        signal: options.signal,
        // Keyed on id / source_id, same body gives the same customer; without either, a resend creates a second one.
        retry: customerRetrySafety(customer),
      });
    },
  };
}
