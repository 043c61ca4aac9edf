import { isVoucherifyError, VoucherifyError } from '../core/index.js';

/** The `key` of a redeem error whose outcome is unknown: Voucherify may or may not have redeemed. */
export const OUTCOME_UNKNOWN = 'outcome_unknown';

// Connection errors where the request provably never left this machine: nothing can have been redeemed.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

function neverSent(error: VoucherifyError): boolean {
  let cause: unknown = error.cause;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && notSentCodes.has(code)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** True when a failed write may still have happened on Voucherify's side. */
function isAmbiguous(error: VoucherifyError): boolean {
  switch (error.kind) {
    case 'timeout':
      return true;
    case 'network':
      return !neverSent(error);
    case 'invalid_response':
      // A 3xx is the API (or a proxy before it) declining to process the request: nothing was redeemed.
      if (error.key === 'redirect') return false;
      // A 2xx we could not read: the redemption most likely went through.
      return error.status === undefined || error.status < 400 || error.status >= 500;
    case 'api':
      return error.status === undefined || error.status >= 500;
    default:
      return false;
  }
}

/**
 * Rewrites a failed write whose outcome is unknown (timeout, dropped connection, 5xx, unreadable 2xx) into a
 * `VoucherifyError` with key `outcome_unknown` that says what to do: look the redemption up before any retry.
 * Definite failures (4xx: expired, not found, auth, rate limit) are returned unchanged: nothing was redeemed.
 */
export function toRedeemError(error: unknown, what: string, orderId: string | undefined, rollbackOf?: string): unknown {
  if (!isVoucherifyError(error) || !isAmbiguous(error)) return error;
  const order = orderId ? `order ${JSON.stringify(orderId)}` : 'this order';
  const common = { kind: error.kind, key: OUTCOME_UNKNOWN, status: error.status, requestId: error.requestId, cause: error };
  if (rollbackOf !== undefined) {
    const id = JSON.stringify(rollbackOf);
    return new VoucherifyError({
      ...common,
      message: `${error.message}. The outcome of ${what} is unknown: Voucherify may have rolled it back. Do not retry blindly; look redemption ${id} up first.`,
      details:
        `getRedemption(${id}): status ROLLED_BACK means the rollback happened; otherwise roll back again ` +
        '(a repeat of one that happened is refused with already_rolled_back, so nothing is undone twice).',
    });
  }
  return new VoucherifyError({
    ...common,
    message:
      `${error.message}. The outcome of ${what} is unknown: Voucherify may have redeemed it. ` +
      `Do not retry blindly; look the redemption up for ${order} first.`,
    details:
      `Find the redemption for ${order} (the parent redemption id you stored, getRedemption(id), reconcileRedeem, or the ` +
      "order's redemptions in the Voucherify dashboard / GET /v1/redemptions). If it exists, keep it (or roll it back); " +
      'if it does not, redeem again.',
  });
}

/**
 * True for a redeem error after which Voucherify may or may not have redeemed the code: look it up before retrying.
 *
 * @example
 * try { await server.redeem(params) } catch (error) {
 *   if (isRedeemOutcomeUnknown(error)) await reconcile(orderId) // never a blind retry
 * }
 */
export function isRedeemOutcomeUnknown(error: unknown): error is VoucherifyError {
  return isVoucherifyError(error) && error.key === OUTCOME_UNKNOWN;
}
