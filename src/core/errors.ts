/**
 * What went wrong, from the caller's point of view. An invalid code is never an error: it is a result.
 * `redeem_guard` is voucherkit's own redeem-once guard on the server (an order in progress, a conflicting
 * request, a store that failed): Voucherify said nothing, and a browser never sees it.
 */
export type VoucherifyErrorKind = 'network' | 'timeout' | 'rate_limited' | 'auth' | 'invalid_response' | 'api' | 'redeem_guard';

/** Fields a `VoucherifyError` is built from. */
export interface VoucherifyErrorInit {
  kind: VoucherifyErrorKind;
  message: string;
  status?: number | undefined;
  key?: string | undefined;
  details?: string | undefined;
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  /** The merchant's custom message (`error.message` in Voucherify's error object), when present. */
  customMessage?: string | undefined;
  cause?: unknown;
}

/**
 * A failed call to Voucherify: transport, auth, rate limit, malformed response or an API error.
 * A runtime class, so `instanceof` works (the official SDK exports it as a type only).
 *
 * @example
 * try { await client.validate({ code }) } catch (error) {
 *   if (error instanceof VoucherifyError && error.kind === 'rate_limited') wait(error.retryAfterMs)
 * }
 */
export class VoucherifyError extends Error {
  override readonly name = 'VoucherifyError';
  // Declared, not defined: the constructor assigns each one, so class fields would only add a first `undefined` (and bytes).
  declare readonly kind: VoucherifyErrorKind;
  declare readonly status: number | undefined;
  declare readonly key: string | undefined;
  declare readonly details: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly customMessage: string | undefined;

  constructor(init: VoucherifyErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.key = init.key;
    this.details = init.details;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.customMessage = init.customMessage;
  }

  /** A plain object for logs: no headers, no request configuration, no keys. */
  toJSON(): Omit<VoucherifyErrorInit, 'cause'> & { name: string } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      key: this.key,
      details: this.details,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      customMessage: this.customMessage,
    };
  }
}

/**
 * True for a `VoucherifyError`, also across bundle copies of the library, where `instanceof` can fail.
 *
 * @example
 * if (isVoucherifyError(error) && error.kind === 'network') showOfflineHint()
 */
export function isVoucherifyError(value: unknown): value is VoucherifyError {
  return value instanceof VoucherifyError || (value instanceof Error && value.name === 'VoucherifyError' && 'kind' in value);
}
