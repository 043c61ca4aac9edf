import type { RouteHandler } from '../http/context.js';
import { notFound } from '../http/responses.js';
import { endHold } from '../engine/sessionLocks.js';

/**
 * DELETE /v1/vouchers/{code}/sessions/{sessionKey}: releases the use (and gift credits) the session holds on
 * this code; 204 with no body. A session that locked several codes is released one code per DELETE. 404
 * `not_found` for an unknown voucher, and for a session that holds nothing on it (unknown, lapsed, released
 * or consumed by a redeem).
 */
export const releaseSession: RouteHandler = (context) => {
  const code = context.params.code ?? '';
  const key = context.params.sessionKey ?? '';
  if (!context.state.vouchers.has(code)) return notFound('voucher', code);
  if (!endHold(context.state, context.now, key, code)) return notFound('session', key);
  return new Response(null, { status: 204 });
};
