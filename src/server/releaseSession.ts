import { isVoucherifyError, pathSegment } from '../core/index.js';
import { callNoContent } from '../core/internal.js';
import { requireCodes } from './params.js';
import type { ReleaseSessionParams, ReleaseSessionResult, ServerContext } from './types.js';

/**
 * DELETE /v1/vouchers/{code}/sessions/{sessionKey}, once per code: gives back the uses a `reserve` held. A 404
 * (`not_found`: the session expired, was consumed by a redeem with its key, was released already, or the voucher
 * is gone) means nothing is held any more; it is reported in `notFound`, not thrown. Retried like a read: a repeat
 * of a release that happened is that same 404.
 *
 * @example
 * await releaseSession(context, { codes: ['SAVE10'], sessionKey: reservation.sessionKey }) // { released: ['SAVE10'], notFound: [] }
 */
export async function releaseSession(context: ServerContext, params: ReleaseSessionParams): Promise<ReleaseSessionResult> {
  if (!params || typeof params !== 'object') throw new TypeError('releaseSession needs parameters: { codes, sessionKey }');
  const codes = requireCodes('releaseSession', params.code, params.codes);
  const key = pathSegment('releaseSession(sessionKey)', params.sessionKey);
  const paths = codes.map((code) => `/v1/vouchers/${pathSegment('releaseSession(code)', code)}/sessions/${key}`);
  const outcomes = await Promise.allSettled(
    paths.map((path) => callNoContent(context.config, { method: 'DELETE', path, signal: params.signal, retry: 'safe', timeoutMs: context.timeoutMs })),
  );
  const result: ReleaseSessionResult = { released: [], notFound: [] };
  let failure: unknown;
  outcomes.forEach((outcome, index) => {
    const code = codes[index]!;
    if (outcome.status === 'fulfilled') result.released.push(code);
    else if (isVoucherifyError(outcome.reason) && outcome.reason.status === 404) result.notFound.push(code);
    else failure ??= outcome.reason;
  });
  // A failure leaves that code's hold in place until its ttl; calling again is safe (released codes answer 404).
  if (failure !== undefined) throw failure;
  return result;
}
