import { buildRedeemables, sessionRetrySafety, type Customer, type ValidationSession } from '../core/index.js';
import { call, inapplicableTiers } from '../core/internal.js';
import { stackableValidationSchema, type StackableValidationResponse } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import { toServerOrder } from './params.js';
import type { ServerContext, ServerOrder } from './types.js';

/** One server validation's request, with the codes and tiers already checked. */
export interface RedeemablesValidation {
  codes: readonly string[];
  tiers: readonly string[];
  /** Capped gift-card credits per code (`giftCreditsFor`). */
  giftCredits?: Readonly<Record<string, number>> | undefined;
  order?: ServerOrder | undefined;
  customer?: Customer | undefined;
  trackingId: string | null;
  metadata?: Record<string, unknown> | undefined;
  session?: Partial<ValidationSession> | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/**
 * POST /v1/validations of the codes then the tiers (`buildRedeemables`). Under the ALL mode a tier found
 * INAPPLICABLE fails the whole answer, codes included; it is dropped and the validation sent once more, so a tier
 * that stopped applying never costs the shopper a code. Shared by `validate`, `reserve` and `redeem({ promotions })`.
 *
 * @example
 * const { body, tiers, dropped } = await validateRedeemables(context, { codes, tiers, order, trackingId: null })
 */
export async function validateRedeemables(
  context: ServerContext,
  request: RedeemablesValidation,
): Promise<{ body: StackableValidationResponse; tiers: string[]; dropped: string[] }> {
  const { codes, order, customer, trackingId, metadata, session } = request;
  const send = (tiers: readonly string[]) =>
    call(context.config, {
      method: 'POST',
      path: '/v1/validations',
      body: {
        redeemables: buildRedeemables(codes, tiers, request.giftCredits),
        ...(order ? { order: toServerOrder(order) } : {}),
        ...(customer ? { customer } : {}),
        ...(trackingId ? { tracking_id: trackingId } : {}),
        ...(metadata ? { metadata } : {}),
        ...(session ? { session } : {}),
      },
      decode: decodeWith(stackableValidationSchema),
      signal: request.signal,
      // A LOCK session is keyed before the first send: a resend overwrites it instead of locking another use.
      retry: sessionRetrySafety(session),
      timeoutMs: request.timeoutMs ?? context.timeoutMs,
    });
  const body = await send(request.tiers);
  const dropped = inapplicableTiers(body);
  const kept = request.tiers.filter((tier) => !dropped.includes(tier));
  // Nothing left to validate: the first answer stands (the API refuses an empty list).
  if (dropped.length === 0 || codes.length + kept.length === 0) return { body, tiers: [...request.tiers], dropped: [] };
  return { body: await send(kept), tiers: kept, dropped };
}
