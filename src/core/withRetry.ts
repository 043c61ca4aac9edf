import type { TransportContext } from './createTransportContext.js';
import { defaultRetryPolicy, retrying, type RetryPolicy } from './retry.js';

/**
 * Turns on the client's opt-in retries (`options.retry`): calls marked `retry: 'safe'` are resent after a lost
 * answer or a 502/503/504. Applied by `createVoucherifyClient` and `createValidationClient` only, so the provider's
 * own client (React Query retries there) does not carry the loop.
 *
 * @example
 * const context = withRetry(createTransportContext(options), options.retry)
 */
export function withRetry(context: TransportContext, retry: Partial<RetryPolicy> | false | undefined): TransportContext {
  if (retry) context.config.retry = retrying({ ...defaultRetryPolicy, ...retry });
  return context;
}
