import type { StackableValidationResponse } from '../schemas/stackableValidation.js';
import { buildRedeemables, type PromotionRef } from './buildRedeemables.js';
import { withSourceId, type TransportContext } from './createTransportContext.js';
import type { Decode } from './decode.js';
import { refuseSession } from './refuseSession.js';
import { call } from './request.js';
import { decodeStackableValidation } from './decodeStackableValidation.js';
import type { Customer, Order, ValidationResult } from './types.js';
import { fromStackableValidation } from './validationResult.js';

/** Parameters shared by validations. */
export interface ValidateParams {
  /** One code, or several with `codes` (stacking). */
  code?: string;
  codes?: readonly string[];
  /**
   * Promotion tiers to apply beside the codes (ids, or `{ id, hierarchy }`), e.g. those a qualification offered.
   * Sent after the codes in the order `buildRedeemables` defines. With `createVoucherifyClient` (and the provider's
   * client once `usePromotions` qualified with it), under the ALL application mode a tier that turns out INAPPLICABLE
   * is dropped and the validation runs once more, so it never costs the shopper a code; `createValidationClient`
   * (a field's codes only) sends the tiers as given.
   */
  promotions?: readonly (string | PromotionRef)[];
  order?: Order;
  customer?: Customer;
  metadata?: Record<string, unknown>;
  /**
   * Refused in the browser (a TypeError): a LOCK session holds a use of the code, and the publishable key is public.
   * Reserve codes from your server with the server helper's `reserve`.
   */
  session?: undefined;
  /**
   * The credits to use per gift card code (minor units), when the shopper chose to use less than the card could
   * cover; a card without an entry takes what Voucherify applies: min(balance, amount due).
   */
  giftCredits?: Readonly<Record<string, number>> | undefined;
  /** Overrides the tracker's id for this call. */
  trackingId?: string;
  /**
   * False leaves the answer's id to you: call `tracker.adopt(result.trackingId, epoch)` when ready, with the tracker's
   * `epoch` read before this call (so an answer that crossed a sign-in is refused), e.g. after caching the answer under
   * that id so the re-keyed query finds it (`validateQueryOptions` does). @default true
   */
  adoptTrackingId?: boolean;
  options?: { expand?: Array<'order' | 'redemption' | 'redeemable' | 'category'> };
  signal?: AbortSignal;
}

/** Sends the validation with these tiers, checked by `decode` (the codes' own decoder by default). Internal. */
export type SendValidation = (tiers: readonly (string | PromotionRef)[], decode?: Decode<StackableValidationResponse>) => Promise<StackableValidationResponse>;

/**
 * How a client sends and folds validations that carry promotion tiers (`validateTiers`): set on the context by the
 * clients that qualify, so the field's bundle holds neither the ALL-mode resend nor the category checks. Internal.
 */
export type TierValidation = (send: SendValidation, promotions: readonly (string | PromotionRef)[], codes: string[]) => Promise<ValidationResult>;

/**
 * POST /client/v1/validations. An invalid code resolves with `valid: false`; failures reject with `VoucherifyError`.
 *
 * @example
 * const result = await validate(createTransportContext(options), { code: 'SAVE10', order: { amount: 4000 } })
 */
export async function validate(context: TransportContext, params: ValidateParams): Promise<ValidationResult> {
  const codes = params.codes ? [...params.codes] : params.code !== undefined ? [params.code] : [];
  const promotions = params.promotions ?? [];
  // A misuse hint (the API refuses an empty code itself), so development builds only; bundlers drop it in production.
  if (typeof process !== 'undefined') {
    if (process.env.NODE_ENV !== 'production') {
      if ((codes.length === 0 && promotions.length === 0) || codes.some((code) => typeof code !== 'string' || code.trim() === '')) {
        throw new TypeError('validate needs a non-empty `code` or `codes` (or `promotions`)');
      }
    }
  }
  refuseSession('validate', params.session);
  const { order, metadata, options, giftCredits } = params;
  const send: SendValidation = (tiers, decode = decodeStackableValidation) =>
    context.withIdentity(
      params.trackingId,
      (trackingId) => {
        const customer = withSourceId(params.customer, trackingId);
        return call(context.config, {
          method: 'POST',
          path: '/client/v1/validations',
          // JSON drops the undefined fields.
          body: { redeemables: buildRedeemables(codes, tiers, giftCredits), order, customer, tracking_id: trackingId || undefined, metadata, options },
          decode,
          signal: params.signal,
          retry: 'safe',
        });
      },
      params.adoptTrackingId,
    );
  return context.tiers ? context.tiers(send, promotions, codes) : fromStackableValidation(await send(promotions), codes);
}
