import { createTracker, type Tracker } from './createTracker.js';
import { VoucherifyError } from './errors.js';
import { normalizeApiUrl, type TransportConfig } from './request.js';
import type { RetryPolicy } from './retry.js';
import { timerMs } from './timerMs.js';
import type { Customer } from './types.js';
import type { TierValidation } from './validate.js';

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
  /**
   * Opt-in retries for calls that are safe to resend (reads): network errors and 502/503/504, never a 429 or a
   * write. Off by default: in React, React Query retries (`validateQueryOptions`). `{}` takes the default policy
   * (2 retries, full-jitter backoff from 300 ms).
   */
  retry?: Partial<RetryPolicy> | false;
  /** The tracker whose id is sent and which adopts returned ids; a memory-only one when omitted. */
  tracker?: Tracker;
}

/** What every operation of one client shares: the transport and the tracker. Internal. */
export interface TransportContext {
  config: TransportConfig;
  tracker: Tracker;
  /**
   * Runs a call with the current id; on `ambiguous_tracking_id` drops the stored id and tries once without it.
   * The answer's `tracking_id` is adopted before it resolves unless `adopt` is false (the caller adopts it then),
   * and only while the tracker's `epoch` is the one the request was sent under.
   */
  withIdentity<T extends { tracking_id?: string | null | undefined }>(
    explicit: string | undefined,
    send: (trackingId: string | null) => Promise<T>,
    adopt?: boolean,
  ): Promise<T>;
  /** Set by the clients that qualify (`validateTiers`): validations then resend without a failed tier under ALL. */
  tiers?: TierValidation;
}

function requireKey(name: string, value: unknown): string {
  // A setup hint (missing keys answer 401 anyway): development builds only; bundlers drop it in production.
  if (typeof process !== 'undefined') {
    if (process.env.NODE_ENV !== 'production') {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new TypeError(`${name} is required: use the client-side keys from Project Settings → Client-side Settings`);
      }
    }
  }
  return String(value).trim();
}

/**
 * Checks the options once and builds what the operations share. Each operation lives in its own module
 * (`validate`, `track`, …) so a bundle holds only the ones it calls.
 *
 * @example
 * const context = createTransportContext({ clientApplicationId, clientToken })
 * const result = await validate(context, { code: 'SAVE10' })
 */
export function createTransportContext(options: VoucherifyClientOptions): TransportContext {
  const headers: Record<string, string> = {
    'X-Client-Application-Id': requireKey('clientApplicationId', options.clientApplicationId),
    'X-Client-Token': requireKey('clientToken', options.clientToken),
    'X-Voucherify-Channel': 'voucherkit',
  };
  if (options.origin) headers.origin = options.origin;
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof process !== 'undefined') {
    if (process.env.NODE_ENV !== 'production') {
      if (typeof fetchImpl !== 'function') throw new TypeError('No fetch available: pass options.fetch');
    }
  }
  const config: TransportConfig = {
    baseUrl: normalizeApiUrl(options.apiUrl ?? 'https://api.voucherify.io'),
    headers,
    fetch: fetchImpl,
    // 'voucherkit', not the caller's name: every client shares one string, which keeps the core bundle in its budget.
    timeoutMs: timerMs('voucherkit', 'timeoutMs', options.timeoutMs ?? 8000),
  };
  const tracker = options.tracker ?? createTracker({ consent: false });

  async function withIdentity<T extends { tracking_id?: string | null | undefined }>(
    explicit: string | undefined,
    send: (trackingId: string | null) => Promise<T>,
    adopt = true,
  ): Promise<T> {
    // The cookie is read here, at the first call, never at creation or render.
    tracker.hydrate();
    // Taken as the request is built, checked as its answer is adopted: a sign-in in between makes it someone else's.
    const { outgoingId, epoch } = tracker.getSnapshot();
    const run = async (trackingId: string | null) => {
      const body = await send(trackingId);
      if (adopt) tracker.adopt(body.tracking_id, epoch);
      return body;
    };
    const trackingId = explicit ?? outgoingId;
    try {
      return await run(trackingId);
    } catch (error) {
      if (explicit || !trackingId || !(error instanceof VoucherifyError) || error.key !== 'ambiguous_tracking_id') throw error;
      // The refused id was the previous shopper's: the tracker no longer holds it, and a retry would be sent for
      // someone who has left, so the refusal is the answer.
      if (tracker.getSnapshot().epoch !== epoch) throw error;
      // Dropped at once, whoever adopts: the refused id must not be sent again by a call started meanwhile.
      tracker.forget();
      return run(tracker.getSnapshot().outgoingId);
    }
  }

  return { config, tracker, withIdentity };
}

/**
 * The customer with the tracking id as `source_id`, unless the caller named the customer already.
 *
 * @example
 * withSourceId(undefined, 'track_abc') // { source_id: 'track_abc' }
 */
export function withSourceId(customer: Customer | undefined, trackingId: string | null): Customer | undefined {
  if (!trackingId || customer?.id || customer?.source_id) return customer;
  return { ...customer, source_id: trackingId };
}
