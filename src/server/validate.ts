import { fromStackableValidation, withSessionKey, withStackingFields } from '../core/internal.js';
import { checkParams, validateParamsSchema } from './paramSchemas.js';
import { giftCreditsFor } from './giftCredits.js';
import { customerFor, requireCodes, requireTierIds, resolveTrackingId, toServerOrder } from './params.js';
import type { ServerContext, ServerValidateParams, ServerValidationResult } from './types.js';
import { validateRedeemables } from './validateRedeemables.js';

/**
 * POST /v1/validations with your server's order: the same `ValidationResult` as the browser gets,
 * so a checkout can re-check the codes (and promotion tiers) against the real cart before charging. A gift
 * card's `giftCredits` are capped by its balance and the amount due first (`giftCreditsFor`). Retried like
 * a read, except a LOCK session that could not be keyed (a resend would lock a second use).
 */
export async function validate(context: ServerContext, params: ServerValidateParams): Promise<ServerValidationResult> {
  if (!params || typeof params !== 'object') throw new TypeError('validate needs parameters: { code, order? }');
  checkParams('validate', validateParamsSchema, params);
  const hasTiers = (params.promotions?.length ?? 0) > 0;
  const codes = requireCodes('validate', params.code, params.codes, hasTiers);
  const tiers = requireTierIds('validate', params.promotions ?? [], codes.length);
  const trackingId = resolveTrackingId('validate', params);
  const customer = customerFor(params.customer, trackingId);
  // Keyed once, before the first send: a resend then overwrites this session instead of locking another use.
  const session = withSessionKey(params.session);
  const credits = await giftCreditsFor(context, 'validate', {
    codes,
    giftCredits: params.giftCredits,
    order: params.order ? toServerOrder(params.order) : undefined,
    customer,
    signal: params.signal,
    timeoutMs: params.timeoutMs ?? context.timeoutMs,
  });
  const { body, dropped } = await validateRedeemables(context, {
    codes,
    tiers,
    giftCredits: credits,
    order: params.order,
    customer,
    trackingId,
    metadata: params.metadata,
    session,
    signal: params.signal,
    timeoutMs: params.timeoutMs,
  });
  return {
    ...withStackingFields(fromStackableValidation(body, codes), body),
    sessionKey: body.session?.key ?? null,
    ...(params.promotions ? { droppedPromotions: dropped } : {}),
  };
}
