import { isVoucherifyError } from './errors.js';
import type { Customer, ValidationSession } from './types.js';

/**
 * Whether one call may be sent again after a lost answer (a dropped connection, a 502/503/504): `'safe'`
 * when a resend cannot do anything twice, `'never'` for writes (redeem, rollback, events, a keyless LOCK,
 * a customer created without `id` or `source_id`). The transport honours it per call, and so should any
 * retry layered on top (React Query's `retry`).
 */
export type RetrySafety = 'safe' | 'never';

/**
 * `'never'` for a session without a key: each resend would open a new session and lock one more use of the
 * code. With a key, a resend overwrites the same session (the spec's `Session.key`).
 *
 * @example
 * sessionRetrySafety({ type: 'LOCK' }) // 'never'
 */
export function sessionRetrySafety(session: Partial<ValidationSession> | null | undefined): RetrySafety {
  if (session == null) return 'safe';
  return typeof session.key === 'string' && session.key.trim() !== '' ? 'safe' : 'never';
}

/**
 * `'never'` for a customer without `id` and `source_id`: the upsert creates one, and a resend a second.
 *
 * @example
 * customerRetrySafety({ email: 'ada@example.com' }) // 'never'
 */
export function customerRetrySafety(customer: Customer | null | undefined): RetrySafety {
  const named = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return named(customer?.id) || named(customer?.source_id) ? 'safe' : 'never';
}

/**
 * True for an error after which a `'safe'` call may be sent again: the answer was lost (network) or the
 * upstream was briefly unavailable (502/503/504). Not a timeout, an offline browser, a 4xx or a redirect.
 *
 * @example
 * useQuery({ queryFn, retry: (count, error) => safety === 'safe' && isRetryableError(error) && count < 2 })
 */
export function isRetryableError(error: unknown): boolean {
  if (!isVoucherifyError(error)) return false;
  if (error.kind === 'network') return error.key !== 'offline';
  return error.kind === 'api' && (error.status === 502 || error.status === 503 || error.status === 504);
}

/**
 * The session with a key of our own (`ssn_` and 32 random letters and digits), made once before the first
 * send so a resend overwrites the same session instead of locking another use. Unchanged when it has a key,
 * is not a session, or no random source exists (it then stays keyless, and is never resent).
 *
 * @example
 * withSessionKey({ type: 'LOCK' }) // { type: 'LOCK', key: 'ssn_…' }
 */
export function withSessionKey<T extends Partial<ValidationSession>>(session: T): T;
export function withSessionKey<T extends Partial<ValidationSession>>(session: T | undefined): T | undefined;
export function withSessionKey<T extends Partial<ValidationSession>>(session: T | undefined): T | undefined {
  const crypto = globalThis.crypto;
  if (session == null || typeof session !== 'object' || sessionRetrySafety(session) === 'safe' || !crypto?.getRandomValues) return session;
  // A unique id, not a secret: base 36 of each byte's remainder gives about 165 random bits.
  const key = `ssn_${Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => (byte % 36).toString(36)).join('')}`;
  return { ...session, key };
}
