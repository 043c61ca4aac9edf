/**
 * How calls that are safe to resend (`retry: 'safe'`: reads, keyed LOCK validations, keyed upserts) are retried
 * after a lost answer or a 502/503/504. Writes (redeem, events, keyless LOCK or customer creation) never are.
 */
export interface RetryPolicy {
  /** Extra attempts after the first. @default 2 */
  retries: number;
  /** Base of the exponential backoff, in ms. @default 300 */
  baseDelayMs: number;
  /** Ceiling of one delay, in ms. @default 3000 */
  maxDelayMs: number;
}

/** The policy used when none is given. */
export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseDelayMs: 300, maxDelayMs: 3000 };

/**
 * Exponential backoff with full jitter: a random delay in `[0, min(max, base · 2^attempt)]`.
 *
 * @example
 * backoffDelay(1, defaultRetryPolicy) // somewhere in 0..600
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** Statuses worth another try for a call that is safe to resend: the upstream was briefly unavailable. */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/**
 * Milliseconds to wait after a 429, from `Retry-After` (seconds or an HTTP date) or `X-Rate-Limit-Retry`
 * (Unix seconds). Undefined when the server says nothing usable.
 *
 * @example
 * retryAfterMs(new Headers({ 'Retry-After': '2' })) // 2000
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const epoch = Number(headers.get('x-rate-limit-retry') ?? Number.NaN);
  if (Number.isFinite(epoch) && epoch > 0) return Math.max(0, Math.round(epoch * 1000 - now));
  return undefined;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
