import { isRetryableError } from './retrySafety.js';
import { timerMs } from './timerMs.js';

/** Runs one send again after a lost answer, as a retry policy allows (see `retrying`). */
export type Retrier = <T>(send: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/**
 * How calls that are safe to resend (`retry: 'safe'`: reads, keyed LOCK validations, keyed upserts) are retried
 * after a lost answer or a 502/503/504. Writes (redeem, events, keyless LOCK or customer creation) never are.
 */
export interface RetryPolicy {
  /** Extra attempts after the first. @default 2 */
  retries: number;
  /** Base of the exponential backoff, in ms (0 to 2^31−1; 0 resends at once). @default 300 */
  baseDelayMs: number;
  /** Ceiling of one delay, in ms (0 to 2^31−1). @default 3000 */
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

/**
 * A retrier for `TransportConfig.retry`: resends a call marked `retry: 'safe'` after an error `isRetryableError`
 * accepts (a lost answer, a 502/503/504), at most `policy.retries` times, with full-jitter backoff. Never a 429,
 * a timeout, an offline browser or a 4xx. The delays are checked here, once; `where` starts the messages of its errors.
 *
 * @example
 * const config = { ...transport, retry: retrying(defaultRetryPolicy) }
 */
export function retrying(policy: RetryPolicy, where = 'voucherkit'): Retrier {
  timerMs(where, 'retry.baseDelayMs', policy.baseDelayMs, { min: 0 });
  timerMs(where, 'retry.maxDelayMs', policy.maxDelayMs, { min: 0 });
  return async (send, signal) => {
    for (let tries = 0; ; tries++) {
      try {
        return await send();
      } catch (error) {
        if (tries >= policy.retries || !isRetryableError(error)) throw error;
      }
      await sleep(backoffDelay(tries, policy), signal);
    }
  };
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
