import { sessionRetrySafety } from '../core/index.js';
import { decodeWith } from './decodeWith.js';
import { call, fromStackableValidation, withSessionKey } from '../core/internal.js';
import { stackableValidationSchema } from '../schemas/index.js';
import { checkParams, validateParamsSchema } from './paramSchemas.js';
import { giftCreditsFor, toRedeemables } from './giftCredits.js';
import { customerFor, requireCodes, resolveTrackingId, toServerOrder } from './params.js';
import type { ServerContext, ServerValidateParams, ServerValidationResult } from './types.js';

/**
 * POST /v1/validations with your server's order: the same `ValidationResult` as the browser gets,
 * so a checkout can re-check the codes against the real cart before charging. Retried like a read, except a
 * LOCK session that could not be keyed (a resend would lock a second use).
 */
export async function validate(context: ServerContext, params: ServerValidateParams): Promise<ServerValidationResult> {
  if (!params || typeof params !== 'object') throw new TypeError('validate needs parameters: { code, order? }');
  checkParams('validate', validateParamsSchema, params);
  const codes = requireCodes('validate', params.code, params.codes);
  const trackingId = resolveTrackingId('validate', params);
  const customer = customerFor(params.customer, trackingId);
  // Keyed once, before the first send: a resend then overwrites this session instead of locking another use.
  const session = withSessionKey(params.session);
  const order = params.order ? toServerOrder(params.order) : undefined;
  const timeoutMs = params.timeoutMs ?? context.timeoutMs;
  const credits = await giftCreditsFor(context, 'validate', { codes, giftCredits: params.giftCredits, order, customer, signal: params.signal, timeoutMs });
  const body = await call(context.config, {
    method: 'POST',
    path: '/v1/validations',
    body: {
      redeemables: toRedeemables(codes, credits),
      ...(order ? { order } : {}),
      ...(customer ? { customer } : {}),
      ...(trackingId ? { tracking_id: trackingId } : {}),
      ...(params.metadata ? { metadata: params.metadata } : {}),
      ...(session ? { session } : {}),
    },
    decode: decodeWith(stackableValidationSchema),
    signal: params.signal,
    retry: sessionRetrySafety(session),
    timeoutMs,
  });
  return { ...fromStackableValidation(body, codes), sessionKey: body.session?.key ?? null };
}
