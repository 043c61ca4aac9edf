import { buildRedeemables, VoucherifyError } from '../core/index.js';
import { decodeWith } from './decodeWith.js';
import { call, toOrderTotals, toRejection } from '../core/internal.js';
import { choosePromotions, type ChosenPromotions } from './choosePromotions.js';
import { hasNothingToRedeem, nothingToRedeem } from './nothingToRedeem.js';
import { customerFor, orderRef, requireCodes, resolveTrackingId, toServerOrder } from './params.js';
import { checkParams, redeemParamsSchema } from './paramSchemas.js';
import { giftCreditsFor } from './giftCredits.js';
import { sendRedeem } from './sendRedeem.js';
import { waitUnlessAborted } from './waitUnlessAborted.js';
import { stackableRedemptionSchema, type Redemption, type StackableRedemptionResponse } from './schemas.js';
import type { InapplicableCode, RedeemParams, RedeemResult, ServerContext } from './types.js';

function inapplicableOf(response: StackableRedemptionResponse): InapplicableCode[] {
  return (response.inapplicable_redeemables ?? []).map((entry) => ({ code: entry.id, rejection: toRejection(entry.result?.error) }));
}

/** Nothing was redeemed: the codes' rejection as a typed API error (status and Voucherify key kept). */
function nothingRedeemed(response: StackableRedemptionResponse, redemptions: Redemption[]): VoucherifyError {
  const inapplicable = response.inapplicable_redeemables?.[0];
  const error = inapplicable?.result?.error;
  const failed = redemptions.find((r) => r.result === 'FAILURE');
  const key = error?.key ?? failed?.failure_code ?? 'unknown';
  return new VoucherifyError({
    kind: 'api',
    status: error?.code ?? 400,
    key,
    message: error?.message ?? failed?.failure_message ?? `The code could not be redeemed (${key})`,
    details: error?.details ?? undefined,
    requestId: error?.request_id ?? undefined,
    customMessage: error?.error?.message ?? undefined,
  });
}

function customerIdOf(response: StackableRedemptionResponse): string | null {
  const parent = response.parent_redemption;
  const first = response.redemptions[0];
  return parent?.customer_id ?? parent?.customer?.id ?? first?.customer_id ?? first?.customer?.id ?? response.order?.customer_id ?? null;
}

/**
 * POST /v1/redemptions with the tracking id carried into `customer.source_id` and `tracking_id`.
 * Without codes (`codes: []` or none) and without `promotions` it sends nothing and resolves `redeemed: false` at
 * the order's full price. With `promotions` the server first decides the tiers itself (`choosePromotions`:
 * qualification, then validation under the ALL mode) and redeems the codes then the tiers (`buildRedeemables`).
 * Never retried; a rejected code is a typed `api` error with Voucherify's key and nothing redeemed.
 * The caller's `signal` stops a redeem only before it is sent; once sent, the request runs on under its own
 * timeout and an abort only stops the caller waiting (a half-sent redeem would be an unknown outcome).
 */
export async function redeem(context: ServerContext, params: RedeemParams): Promise<RedeemResult> {
  if (!params || typeof params !== 'object') throw new TypeError('redeem needs parameters: { code, order, request? }');
  if (!params.order || typeof params.order !== 'object') throw new TypeError('redeem needs your server-side `order`');
  // An order without a voucher is normal: nothing to send.
  if (hasNothingToRedeem(params)) return withExpectedTotal(nothingToRedeem('redeem', params), params.expectedTotal);
  checkParams('redeem', redeemParamsSchema, params);
  const codes = requireCodes('redeem', params.code, params.codes, params.promotions !== undefined);
  const orderId = orderRef(params.order);
  if (!orderId) {
    throw new TypeError('redeem needs your order id as `order.source_id`: it is how a redemption is found again after a timeout');
  }
  const trackingId = resolveTrackingId('redeem', params);
  const customer = customerFor(params.customer, trackingId);
  const signal = params.signal;
  signal?.throwIfAborted();
  const timeoutMs = params.timeoutMs ?? context.timeoutMs;
  // The shopper's chosen credits, capped by each card's balance and this cart's amount due (a validation first);
  // before the tiers are chosen, so they are judged beside the credits the redeem sends.
  const credits = await giftCreditsFor(context, 'redeem', {
    codes,
    giftCredits: params.giftCredits,
    order: toServerOrder(params.order),
    customer,
    signal,
    timeoutMs,
  });
  const chosen = params.promotions
    ? await choosePromotions(context, {
        codes,
        choice: params.promotions,
        order: params.order,
        customer: params.customer,
        trackingId,
        metadata: params.metadata,
        giftCredits: credits,
        signal,
        timeoutMs: params.timeoutMs,
      })
    : undefined;
  const tiers = chosen?.tiers ?? [];
  if (codes.length + tiers.length === 0) {
    // No code, and no tier qualifies now: the order at its full price, with what became of the suggestions.
    return withExpectedTotal({ ...nothingToRedeem('redeem', params), ...(chosen ? { promotions: promotionsOf(chosen, null) } : {}) }, params.expectedTotal);
  }
  // Built field by field: a client-sent `discount` anywhere in params has no way into the body (S4).
  const send = (sentTrackingId: string | null) => {
    // Also before the ambiguous-id fallback: nothing more is sent for a caller who has left.
    signal?.throwIfAborted();
    return call(context.config, {
      method: 'POST',
      path: '/v1/redemptions',
      body: {
        redeemables: buildRedeemables(codes, tiers, credits),
        order: toServerOrder(params.order),
        ...(customer ? { customer } : {}),
        ...(sentTrackingId ? { tracking_id: sentTrackingId } : {}),
        ...(params.metadata ? { metadata: params.metadata } : {}),
        ...(params.session?.key ? { session: { type: 'LOCK', key: params.session.key } } : {}),
      },
      decode: decodeWith(stackableRedemptionSchema),
      // No caller signal: only the timeout ends a sent redeem.
      retry: 'never',
      timeoutMs,
    });
  };
  return waitUnlessAborted(
    sendRedeem(send, params.customer, trackingId, orderId).then(({ body, sentTrackingId }) => {
      const result = toRedeemResult(body, sentTrackingId);
      return withExpectedTotal(chosen ? { ...result, promotions: promotionsOf(chosen, body) } : result, params.expectedTotal);
    }),
    signal,
  );
}

/** `RedeemResult.promotions`: the tiers redeemed are those with a successful child redemption. */
function promotionsOf(chosen: ChosenPromotions, response: StackableRedemptionResponse | null) {
  const redeemedIds = new Set(
    (response?.redemptions ?? [])
      .filter((r) => r.related_object_type === 'promotion_tier' && r.result !== 'FAILURE' && r.related_object_id)
      .map((r) => r.related_object_id!),
  );
  return {
    redeemed: chosen.tiers.filter((id) => redeemedIds.has(id)),
    sent: chosen.tiers,
    refused: chosen.refused,
    dropped: chosen.dropped,
    complete: chosen.complete,
  };
}

/** `RedeemResult.totalMismatch` when the caller passed the total the shopper saw. */
function withExpectedTotal(result: RedeemResult, expected: number | undefined): RedeemResult {
  if (expected === undefined) return result;
  const redeemed = result.order?.totalAmount ?? null;
  return { ...result, totalMismatch: redeemed === expected ? null : { expected, redeemed } };
}

function toRedeemResult(response: StackableRedemptionResponse, sent: string | null): RedeemResult {
  const succeeded = response.redemptions.filter((r) => r.result !== 'FAILURE');
  if (succeeded.length === 0) throw nothingRedeemed(response, response.redemptions);
  const parent = response.parent_redemption ?? null;
  return {
    redeemed: true,
    redemptions: response.redemptions,
    parentRedemption: parent,
    order: toOrderTotals(response.order ?? parent?.order ?? succeeded[0]?.order),
    customerId: customerIdOf(response),
    trackingId: parent?.tracking_id ?? succeeded[0]?.tracking_id ?? sent,
    inapplicable: inapplicableOf(response),
    raw: response,
  };
}
