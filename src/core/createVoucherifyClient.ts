import { createTracker, type Tracker } from './createTracker.js';
import { VoucherifyError } from './errors.js';
import { call, checkTimeoutMs, normalizeApiUrl, type TransportConfig } from './request.js';
import { defaultRetryPolicy, type RetryPolicy } from './retry.js';
import {
  eventResponseSchema,
  legacyValidationSchema,
  promotionTiersResponseSchema,
  qualificationsResponseSchema,
  stackableValidationSchema,
  type EventResponse,
  type PromotionTiersResponse,
  type QualificationsResponse,
} from './schemas.js';
import { toLegacyQuery } from './legacyQuery.js';
import type { Customer, Order, ValidationResult, ValidationSession } from './types.js';
import { fromLegacyValidation, fromStackableValidation } from './validationResult.js';

/** Options for `createVoucherifyClient`. Only the publishable client-side keys belong here. */
export interface VoucherifyClientOptions {
  clientApplicationId: string;
  clientToken: string;
  /** Your region's API host. @default 'https://api.voucherify.io' */
  apiUrl?: string;
  /** Sent as the `origin` header where the runtime does not set one itself (Node, edge). */
  origin?: string;
  fetch?: typeof globalThis.fetch;
  /** Per request. @default 8000 */
  timeoutMs?: number;
  /** Retry policy for reads; `false` turns retries off. */
  retry?: Partial<RetryPolicy> | false;
  /** The tracker whose id is sent and which adopts returned ids; a memory-only one when omitted. */
  tracker?: Tracker;
}

/** Parameters shared by validations. */
export interface ValidateParams {
  /** One code, or several with `codes` (stacking). */
  code?: string;
  codes?: readonly string[];
  order?: Order;
  customer?: Customer;
  metadata?: Record<string, unknown>;
  session?: ValidationSession;
  /** Overrides the tracker's id for this call. */
  trackingId?: string;
  options?: { expand?: Array<'order' | 'redemption' | 'redeemable' | 'category'> };
  signal?: AbortSignal;
}

/** Parameters of `track`. */
export interface TrackParams {
  customer?: Customer;
  metadata?: Record<string, unknown>;
  referral?: { code?: string; referrer_id?: string };
  loyalty?: { code?: string };
  signal?: AbortSignal;
}

/** Parameters of `qualifications`. */
export interface QualificationsParams {
  customer?: Customer;
  order?: Order;
  scenario?: 'ALL' | 'CUSTOMER_WALLET' | 'AUDIENCE_ONLY' | 'PRODUCTS' | 'PRODUCTS_DISCOUNT' | 'PROMOTION_STACKS' | 'PRODUCTS_BY_CUSTOMER' | 'PRODUCTS_DISCOUNT_BY_CUSTOMER';
  options?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** Parameters of `listPromotionTiers`. */
export interface PromotionTiersParams {
  isAvailable?: boolean;
  limit?: number;
  page?: number;
  order?: 'created_at' | '-created_at' | 'updated_at' | '-updated_at';
  signal?: AbortSignal;
}

/** The browser-safe Voucherify client. */
export interface VoucherifyClient {
  readonly tracker: Tracker;
  /** POST /client/v1/validations. An invalid code resolves with `valid: false`; failures reject with `VoucherifyError`. */
  validate(params: ValidateParams): Promise<ValidationResult>;
  /** GET /client/v1/validate, deprecated by Voucherify; for old projects. Sends the tracking id in every form. */
  validateVoucher(code: string, params?: Omit<ValidateParams, 'code' | 'codes' | 'options'>): Promise<ValidationResult>;
  /** POST /client/v1/events. */
  track(event: string, params?: TrackParams): Promise<EventResponse>;
  /** POST /client/v1/qualifications. */
  qualifications(params?: QualificationsParams): Promise<QualificationsResponse>;
  /** GET /client/v1/promotions/tiers. */
  listPromotionTiers(params?: PromotionTiersParams): Promise<PromotionTiersResponse>;
}

function requireKey(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TypeError(`${name} is required: use the client-side keys from Project Settings → Client-side Settings`);
  }
  return value.trim();
}

/** The customer with the tracking id as `source_id`, unless the caller named the customer already. */
function withSourceId(customer: Customer | undefined, trackingId: string | null): Customer | undefined {
  if (!trackingId || customer?.id || customer?.source_id) return customer;
  return { ...customer, source_id: trackingId };
}

/**
 * Creates the client for Voucherify's client-side API: timeouts, abort, retry for reads, typed errors,
 * zod-checked responses, and the tracking id sent on every call and adopted from every answer.
 *
 * @example
 * const client = createVoucherifyClient({ clientApplicationId, clientToken, tracker: createTracker() })
 * const result = await client.validate({ code: 'SAVE10', order: { amount: 4000 } })
 */
export function createVoucherifyClient(options: VoucherifyClientOptions): VoucherifyClient {
  const headers: Record<string, string> = {
    'X-Client-Application-Id': requireKey('clientApplicationId', options.clientApplicationId),
    'X-Client-Token': requireKey('clientToken', options.clientToken),
    'X-Voucherify-Channel': 'voucherkit',
  };
  if (options.origin) headers.origin = options.origin;
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== 'function') throw new TypeError('No fetch available: pass options.fetch');
  const config: TransportConfig = {
    baseUrl: normalizeApiUrl(options.apiUrl ?? 'https://api.voucherify.io'),
    headers,
    fetch: fetchImpl,
    timeoutMs: checkTimeoutMs(options.timeoutMs ?? 8000),
    retry: options.retry === false ? false : { ...defaultRetryPolicy, ...options.retry },
  };
  const tracker = options.tracker ?? createTracker({ consent: false });

  /** Runs a call with the current id; on `ambiguous_tracking_id` drops the stored id and tries once without it. */
  async function withIdentity<T extends { tracking_id?: string | null | undefined }>(
    explicit: string | undefined,
    send: (trackingId: string | null) => Promise<T>,
  ): Promise<T> {
    const trackingId = explicit ?? tracker.outgoingId();
    try {
      const body = await send(trackingId);
      tracker.adopt(body.tracking_id);
      return body;
    } catch (error) {
      if (explicit || !trackingId || !(error instanceof VoucherifyError) || error.key !== 'ambiguous_tracking_id') throw error;
      tracker.forget();
      const body = await send(tracker.outgoingId());
      tracker.adopt(body.tracking_id);
      return body;
    }
  }

  return {
    tracker,
    async validate(params) {
      const codes = params.codes ? [...params.codes] : params.code !== undefined ? [params.code] : [];
      if (codes.length === 0 || codes.some((code) => typeof code !== 'string' || code.trim() === '')) {
        throw new TypeError('validate needs a non-empty `code` or `codes`');
      }
      const body = await withIdentity(params.trackingId, (trackingId) =>
        call(config, {
          method: 'POST',
          path: '/client/v1/validations',
          body: {
            redeemables: codes.map((id) => ({ object: 'voucher', id })),
            ...(params.order ? { order: params.order } : {}),
            ...(withSourceId(params.customer, trackingId) ? { customer: withSourceId(params.customer, trackingId) } : {}),
            ...(trackingId ? { tracking_id: trackingId } : {}),
            ...(params.metadata ? { metadata: params.metadata } : {}),
            ...(params.session ? { session: params.session } : {}),
            ...(params.options ? { options: params.options } : {}),
          },
          schema: stackableValidationSchema,
          signal: params.signal,
          idempotent: true,
        }),
      );
      return fromStackableValidation(body, codes);
    },
    async validateVoucher(code, params = {}) {
      if (typeof code !== 'string' || code.trim() === '') throw new TypeError('validateVoucher needs a non-empty code');
      const body = await withIdentity(params.trackingId, (trackingId) =>
        call(config, {
          method: 'GET',
          path: '/client/v1/validate',
          query: toLegacyQuery(code, { ...params, customer: withSourceId(params.customer, trackingId) }, trackingId),
          schema: legacyValidationSchema,
          signal: params.signal,
          idempotent: true,
        }),
      );
      return fromLegacyValidation(body, code);
    },
    async track(event, params = {}) {
      if (typeof event !== 'string' || event.trim() === '') throw new TypeError('track needs an event name');
      const trackingId = tracker.outgoingId();
      const customer = withSourceId(params.customer, trackingId);
      if (!customer) {
        throw new TypeError('track needs a customer: call setIdentity, validate a code first, or pass params.customer');
      }
      const { signal, ...rest } = params;
      return call(config, {
        method: 'POST',
        path: '/client/v1/events',
        body: { event, metadata: {}, ...rest, customer },
        schema: eventResponseSchema,
        signal,
        idempotent: false,
      });
    },
    async qualifications(params = {}) {
      const { signal, ...rest } = params;
      const body = await withIdentity(undefined, (trackingId) =>
        call(config, {
          method: 'POST',
          path: '/client/v1/qualifications',
          body: { ...rest, customer: withSourceId(rest.customer, trackingId), ...(trackingId ? { tracking_id: trackingId } : {}) },
          schema: qualificationsResponseSchema,
          signal,
          idempotent: true,
        }),
      );
      return body;
    },
    listPromotionTiers(params = {}) {
      const query = new URLSearchParams();
      if (params.isAvailable !== undefined) query.set('is_available', String(params.isAvailable));
      if (params.limit !== undefined) query.set('limit', String(params.limit));
      if (params.page !== undefined) query.set('page', String(params.page));
      if (params.order) query.set('order', params.order);
      return call(config, {
        method: 'GET',
        path: '/client/v1/promotions/tiers',
        query,
        schema: promotionTiersResponseSchema,
        signal: params.signal,
        idempotent: true,
      });
    },
  };
}
