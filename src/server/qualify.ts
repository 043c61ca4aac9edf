import type { Customer, QualifyAllResult, QualifyOptions } from '../core/index.js';
import { call, pageQualifications } from '../core/internal.js';
import { qualificationsResponseSchema } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import { checkParams, qualifyParamsSchema } from './paramSchemas.js';
import { customerFor, resolveTrackingId, toServerOrder } from './params.js';
import type { ServerContext, ServerOrder, TrackingIdInput } from './types.js';

/** Parameters of the server's `qualify`: the customer and cart from your server, and what to ask for. */
export interface ServerQualifyParams extends TrackingIdInput, QualifyOptions {
  customer?: Customer;
  order?: ServerOrder;
  /** @default 'ALL'. `AUDIENCE_ONLY` checks the customer's rules only: what `nudges` reads. */
  scenario?: 'ALL' | 'CUSTOMER_WALLET' | 'AUDIENCE_ONLY';
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Per page. */
  timeoutMs?: number;
}

/**
 * POST /v1/qualifications with the secret keys, every page (50 a page, at most `maxPages`): what the customer and
 * order qualify for now, each entry priced alone. What `redeem({ promotions })` and `nudges` decide with; the
 * browser's list is only a suggestion. Retried like a read.
 *
 * @example
 * const { redeemables } = await voucherify.qualify({ order, request, resourceType: 'promotion_tier' })
 */
export async function qualify(context: ServerContext, params: ServerQualifyParams): Promise<QualifyAllResult> {
  if (!params || typeof params !== 'object') throw new TypeError('qualify needs parameters: { order, customer? }');
  checkParams('qualify', qualifyParamsSchema, params);
  const trackingId = resolveTrackingId('qualify', params);
  const customer = customerFor(params.customer, trackingId);
  const request = {
    scenario: params.scenario ?? 'ALL',
    ...(params.order ? { order: toServerOrder(params.order) } : {}),
    ...(customer ? { customer } : {}),
    ...(trackingId ? { tracking_id: trackingId } : {}),
    ...(params.metadata ? { metadata: params.metadata } : {}),
  };
  return pageQualifications(
    (options) =>
      call(context.config, {
        method: 'POST',
        path: '/v1/qualifications',
        body: { ...request, options },
        decode: decodeWith(qualificationsResponseSchema),
        signal: params.signal,
        retry: 'safe',
        timeoutMs: params.timeoutMs ?? context.timeoutMs,
      }),
    params,
  );
}
