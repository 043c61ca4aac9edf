import { assertServerRuntime } from './assertServerRuntime.js';
import { defaultRetryPolicy, normalizeApiUrl, retrying, timerMs, type RetryPolicy, type TransportConfig } from '../core/internal.js';
import { createCustomers } from './customers.js';
import { createPublish } from './createPublish.js';
import { readPublishOptions, type PublishOptions } from './publishOptions.js';
import { listRedemptions } from './listRedemptions.js';
import { nudges } from './nudges.js';
import { qualify } from './qualify.js';
import { reconcileRedeem } from './reconcileRedeem.js';
import { redeem } from './redeem.js';
import { redeemVoucher } from './redeemVoucher.js';
import { releaseSession } from './releaseSession.js';
import { reserve } from './reserve.js';
import { getRedemption } from './getRedemption.js';
import { giftCardBalance } from './giftCardBalance.js';
import { rollback } from './rollback.js';
import type { ServerContext } from './types.js';
import type { VoucherifyServer } from './voucherifyServer.js';
import { validate } from './validate.js';

/** Options for `createVoucherifyServer`. Read the keys from server-only environment variables. */
export interface VoucherifyServerOptions {
  /** Project Settings → Application Keys → Application ID (`X-App-Id`). */
  applicationId: string;
  /** Project Settings → Application Keys → Secret Key (`X-App-Token`). Never in a `NEXT_PUBLIC_`/`VITE_` variable. */
  secretKey: string;
  /** Your region's API host. @default 'https://api.voucherify.io' */
  apiUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Per call, redeem included (1 to 2^31−1 ms). @default 10000 */
  timeoutMs?: number;
  /** Retry policy for reads (validate, customers, getRedemption); `false` turns it off. A redeem is never retried. */
  retry?: Partial<RetryPolicy> | false;
  /**
   * The campaigns `publish` may publish personal codes from; `publish` refuses every other one, and every
   * campaign when this is omitted.
   * @example { campaigns: { welcome: {}, newsletter: { anonymous: true } } }
   */
  publish?: PublishOptions;
}

function requireString(name: string, value: unknown, hint: string): string {
  // The value itself never goes into the message: it may be the secret.
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${name} must be a non-empty string: ${hint}`);
  return value.trim();
}

/**
 * Creates the server-side Voucherify client: redeem with the browser's tracking id, validate against your
 * server's order, roll back, and read or change customers. Refuses to run where `window` exists.
 *
 * @example
 * const voucherify = createVoucherifyServer({
 *   applicationId: process.env.VOUCHERIFY_APP_ID!,
 *   secretKey: process.env.VOUCHERIFY_SECRET_KEY!,
 * })
 * const { customerId, order } = await voucherify.redeem({ code, request, order: { source_id: orderId, amount: 5000 } })
 */
export function createVoucherifyServer(options: VoucherifyServerOptions): VoucherifyServer {
  assertServerRuntime('createVoucherifyServer');
  if (!options || typeof options !== 'object') throw new TypeError('createVoucherifyServer needs { applicationId, secretKey }');
  const hint = 'use the application keys from Project Settings → Application Keys, read from a server-only environment variable';
  const headers: Record<string, string> = {
    'X-App-Id': requireString('applicationId', options.applicationId, hint),
    'X-App-Token': requireString('secretKey', options.secretKey, hint),
    'X-Voucherify-Channel': 'voucherkit-server',
  };
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchImpl !== 'function') throw new TypeError('No fetch available: pass options.fetch');
  // At startup, not at the first checkout: 2^31 ms or more would time every call out after 1 ms.
  const timeoutMs = timerMs('createVoucherifyServer', 'timeoutMs', options.timeoutMs ?? 10_000);
  const config: TransportConfig = {
    baseUrl: normalizeApiUrl(options.apiUrl ?? 'https://api.voucherify.io'),
    headers,
    fetch: fetchImpl,
    timeoutMs,
    // The server's own policy: reads retried by default; a redeem is marked 'never' per call.
    retry: options.retry === false ? undefined : retrying({ ...defaultRetryPolicy, ...options.retry }, 'createVoucherifyServer'),
  };
  const context: ServerContext = { config, timeoutMs };
  const publishCampaigns = readPublishOptions(options.publish);

  return {
    redeem: (params) => redeem(context, params),
    validate: (params) => validate(context, params),
    reserve: (params) => reserve(context, params),
    releaseSession: (params) => releaseSession(context, params),
    rollback: (redemptionId, rollbackOptions) => rollback(context, redemptionId, rollbackOptions),
    redemptions: { list: (params) => listRedemptions(context, params) },
    reconcileRedeem: (params) => reconcileRedeem(context, params),
    getRedemption: (redemptionId, lookupOptions) => getRedemption(context, redemptionId, lookupOptions),
    redeemVoucher: (code, params) => redeemVoucher(context, code, params),
    customers: createCustomers(context),
    publish: createPublish(context, publishCampaigns),
    qualify: (params) => qualify(context, params),
    nudges: (params) => nudges(context, params),
    giftCardBalance: (code, lookupOptions) => giftCardBalance(context, code, lookupOptions),
  };
}
