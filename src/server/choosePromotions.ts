import { buildRedeemables, type Customer } from '../core/index.js';
import { inapplicableTiers } from '../core/internal.js';
import { customerFor, MAX_REDEEMABLES } from './params.js';
import { qualify } from './qualify.js';
import type { RedeemPromotions, ServerContext, ServerOrder } from './types.js';
import { validateRedeemables } from './validateRedeemables.js';

/** The tiers a redeem sends, and why the others are not sent. */
export interface ChosenPromotions {
  /** In `buildRedeemables` order. */
  tiers: string[];
  refused: string[];
  dropped: string[];
  complete: boolean;
}

/** What `choosePromotions` needs of the redeem. */
export interface PromotionsRequest {
  codes: readonly string[];
  choice: RedeemPromotions;
  order: ServerOrder;
  customer: Customer | undefined;
  trackingId: string | null;
  metadata?: Record<string, unknown> | undefined;
  /** The capped gift credits the redeem sends: the tiers are judged beside them, not beside each card's whole balance. */
  giftCredits?: Record<string, number> | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Decides on the server which promotion tiers a redeem sends: qualifies the customer and order now (secret keys,
 * every page, tiers only), keeps every qualifying tier (`'auto'`) or only the suggested ids the qualification
 * confirms (a forged id is refused, never sent), and at most as many as fit beside the codes (30 in all). A
 * qualification ignores budgets and per-customer limits, so unless the project stacks in PARTIAL mode the codes
 * and tiers are then validated together: under ALL a tier found INAPPLICABLE is dropped (and validated once more)
 * so that it never costs the shopper a code. Reads only; the redeem that follows is the only write.
 *
 * @example
 * const { tiers, refused } = await choosePromotions(context, { codes, choice: 'auto', order, customer, trackingId })
 */
export async function choosePromotions(context: ServerContext, request: PromotionsRequest): Promise<ChosenPromotions> {
  const { codes, choice, order, trackingId, signal, timeoutMs } = request;
  const qualification = await qualify(context, {
    order,
    ...(request.customer ? { customer: request.customer } : {}),
    trackingId,
    resourceType: 'promotion_tier',
    expand: ['redeemable'],
    ...(signal ? { signal } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  const qualified = new Set(qualification.redeemables.filter((entry) => entry.object === 'promotion_tier').map((entry) => entry.id));
  const suggested = choice === 'auto' ? undefined : [...new Set(choice.suggested.map((id) => id.trim()))];
  const confirmed = suggested ? suggested.filter((id) => qualified.has(id)) : [...qualified];
  const refused = suggested ? suggested.filter((id) => !qualified.has(id)) : [];
  // The same order as the redeem sends; what does not fit beside the codes is left out from the end.
  const ordered = buildRedeemables([], confirmed)
    .map((entry) => entry.id)
    .slice(0, Math.max(0, MAX_REDEEMABLES - codes.length));
  const base = { refused, complete: qualification.complete };
  const mode = qualification.first.stacking_rules?.redeemables_application_mode;
  if (ordered.length === 0 || mode === 'PARTIAL') return { ...base, tiers: ordered, dropped: [] };
  const { body, tiers, dropped } = await validateRedeemables(context, {
    codes,
    tiers: ordered,
    order,
    customer: customerFor(request.customer, trackingId),
    trackingId,
    metadata: request.metadata,
    giftCredits: request.giftCredits,
    signal,
    timeoutMs,
  });
  // A tier the second answer still finds INAPPLICABLE is left out too: the redeem is never resent.
  const still = inapplicableTiers(body);
  return { ...base, tiers: tiers.filter((id) => !still.includes(id)), dropped: [...dropped, ...still.filter((id) => !dropped.includes(id))] };
}
