import { toCustomerResponse } from './customerStore.js';
import type { SandboxCustomer, SandboxPublication, SandboxState } from '../types.js';
import { toVoucherObject } from './voucherObject.js';

/**
 * A stored publication as `PublicationsCreateResponseBody` shows it: one code as `voucher` (the voucher object), several
 * as `vouchers` (their codes). `channel` is always `API`, the one value the response schema allows, whatever channel
 * the request named (kept in `state.publications`).
 */
export function toPublicationObject(
  state: SandboxState,
  publication: SandboxPublication,
  customer: SandboxCustomer,
  trackingId: string | null,
): Record<string, unknown> {
  const [first, ...rest] = publication.codes;
  const single = first !== undefined && rest.length === 0 ? state.vouchers.get(first) : undefined;
  return {
    id: publication.id,
    object: 'publication',
    created_at: publication.created_at,
    customer_id: publication.customer_id,
    ...(trackingId ? { tracking_id: trackingId } : {}),
    metadata: publication.metadata,
    channel: 'API',
    source_id: publication.source_id,
    result: 'SUCCESS',
    customer: toCustomerResponse(customer),
    vouchers_id: publication.codes.map((code) => `v_${code}`),
    ...(single ? { voucher: toVoucherObject(single) } : { vouchers: publication.codes }),
  };
}
