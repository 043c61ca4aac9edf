import { isVoucherifyError, VoucherifyError, type Customer } from '../core/index.js';
import { call } from '../core/internal.js';
import { publicationResponseSchema, type PublicationResponse, type PublishedVoucher } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import { resolveTrackingId } from './params.js';
import type { PublishCampaignOptions } from './publishOptions.js';
import type { ServerContext, TrackingIdInput } from './types.js';
import { waitUnlessAborted } from './waitUnlessAborted.js';

/** Parameters of `publish`. */
export interface PublishParams extends TrackingIdInput {
  /** A campaign on the `publish.campaigns` allow-list of `createVoucherifyServer`. */
  campaign: string;
  /**
   * Your authenticated customer, from your session (`{ source_id: user.id }`), never from the browser's request.
   * Without `id` or `source_id`, only a campaign marked `anonymous` accepts the tracking id alone.
   */
  customer?: Customer;
  /** Publication metadata. The tracking id, when there is one, is added as `tracking_id`: the link to the browsing profile. */
  metadata?: Record<string, unknown>;
  /**
   * Your publication id (`source_id`). Optional: `join_once` already gives one code per customer and campaign. When a
   * publication with it exists for another customer or campaign, the call rejects with `duplicate_source_id`.
   */
  sourceId?: string;
  /** Stops waiting (the request, once sent, runs on: a publish is never sent twice). */
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** What `publish` resolves to: the customer's code, the same one on every repeat (`join_once`). */
export interface PublishResult {
  /** The code to show, or to apply with the field's `apply(code)`. */
  code: string;
  publicationId: string;
  customerId: string | null;
  /** The published voucher: discount, dates, holder. */
  voucher: PublishedVoucher | null;
  raw: PublicationResponse;
}

/** `publish` of one server instance. */
export type Publish = (params: PublishParams) => Promise<PublishResult>;

const keyPart = (value: string): string => `${value.length}:${value}`;

function toResult(response: PublicationResponse): PublishResult {
  const code = response.voucher?.code ?? response.vouchers?.[0];
  if (!code) {
    throw new VoucherifyError({ kind: 'invalid_response', message: 'The publication names no voucher code', details: 'voucher.code' });
  }
  return { code, publicationId: response.id, customerId: response.customer_id ?? null, voucher: response.voucher ?? null, raw: response };
}

/** `duplicate_source_id` means this publication was made before; the error says what to do instead of resending. */
function explainDuplicate(error: unknown, sourceId: string | undefined): unknown {
  if (!sourceId || !isVoucherifyError(error) || error.key !== 'duplicate_source_id') return error;
  return new VoucherifyError({
    kind: 'api',
    status: error.status,
    key: error.key,
    requestId: error.requestId,
    details: error.details,
    message:
      `Already published: a publication with source_id ${JSON.stringify(sourceId)} exists (for another customer or campaign, or ` +
      'Voucherify answers repeats this way). Nothing new was published. Call publish without sourceId: join_once returns the ' +
      "customer's code; or give each customer and campaign its own sourceId.",
    cause: error,
  });
}

/**
 * `publish` behind an allow-list: POST /v1/publications?join_once=true for the merchant's authenticated customer.
 * Misuse (a campaign not on the list, no customer, a tracking id alone for a campaign not marked `anonymous`) is a
 * TypeError before any request. Never retried; concurrent calls for one campaign and customer share one request.
 */
export function createPublish(context: ServerContext, allowed: ReadonlyMap<string, Required<PublishCampaignOptions>>): Publish {
  const inFlight = new Map<string, Promise<PublishResult>>();
  return async (params) => {
    if (!params || typeof params !== 'object') throw new TypeError('publish needs parameters: { campaign, customer }');
    const campaign: unknown = params.campaign;
    if (typeof campaign !== 'string' || campaign === '') throw new TypeError('publish needs a `campaign` name');
    const rule = allowed.get(campaign);
    if (!rule) {
      const names = [...allowed.keys()].map((name) => JSON.stringify(name)).join(', ') || 'none';
      throw new TypeError(
        `publish: campaign ${JSON.stringify(campaign)} is not on the allow-list (${names}); add it to createVoucherifyServer({ publish: { campaigns } })`,
      );
    }
    if (params.customer !== undefined && (params.customer === null || typeof params.customer !== 'object')) {
      throw new TypeError('publish: customer must be your authenticated customer, e.g. { source_id: user.id }');
    }
    if (params.sourceId !== undefined && (typeof params.sourceId !== 'string' || params.sourceId === '')) {
      throw new TypeError('publish: sourceId must be a non-empty string');
    }
    if (params.metadata !== undefined && (params.metadata === null || typeof params.metadata !== 'object' || Array.isArray(params.metadata))) {
      throw new TypeError('publish: metadata must be an object');
    }
    const trackingId = resolveTrackingId('publish', params);
    const signedIn = Boolean(params.customer?.id || params.customer?.source_id);
    if (!signedIn && !(rule.anonymous && trackingId)) {
      throw new TypeError(
        rule.anonymous
          ? `publish: campaign ${JSON.stringify(campaign)} needs a customer (customer.source_id) or the browser's tracking id`
          : `publish: campaign ${JSON.stringify(campaign)} needs your authenticated customer (customer.source_id = your user id); ` +
              'a tracking id alone is accepted only for campaigns marked { anonymous: true }',
      );
    }
    const customer: Customer = signedIn ? params.customer! : { ...params.customer, source_id: trackingId! };
    const who = customer.id ?? customer.source_id!;
    const key = `${keyPart(campaign)}${keyPart(who)}`;
    params.signal?.throwIfAborted();
    let shared = inFlight.get(key);
    if (!shared) {
      const metadata = { ...params.metadata, ...(trackingId && signedIn ? { tracking_id: trackingId } : {}) };
      shared = call(context.config, {
        method: 'POST',
        path: '/v1/publications',
        query: new URLSearchParams({ join_once: 'true' }),
        body: {
          campaign: { name: campaign, count: 1 },
          customer,
          ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
          ...(params.sourceId ? { source_id: params.sourceId } : {}),
        },
        decode: decodeWith(publicationResponseSchema),
        // A create: a resend after a lost answer could publish a second code. No caller signal: only the timeout ends it.
        retry: 'never',
        timeoutMs: params.timeoutMs ?? context.timeoutMs,
      })
        .then(toResult, (error: unknown) => {
          throw explainDuplicate(error, params.sourceId);
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return waitUnlessAborted(shared, params.signal);
  };
}
