import { normalizeCode, type Customer, type ValidationResult } from '../core/index.js';
import { findRedeemable } from '../core/findRedeemable.js';
import { call, fromStackableValidation } from '../core/internal.js';
import { sameCode } from '../core/sameCode.js';
import { stackableValidationSchema } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import type { ServerContext, ServerOrder } from './types.js';

/** What the server checks the shopper's chosen credits against: its own cart, customer and codes. */
export interface GiftCreditsInput {
  codes: readonly string[];
  /** The shopper's choice per gift card code, in minor units; a code without an entry takes what Voucherify applies. */
  giftCredits: Readonly<Record<string, number>> | undefined;
  order: ServerOrder | undefined;
  customer: Customer | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/** The requested credits keyed by the call's own codes; a key that names none of them is a TypeError. */
function requestedCredits(method: string, codes: readonly string[], giftCredits: Readonly<Record<string, number>>): Map<string, number> {
  const requested = new Map<string, number>();
  for (const [key, credits] of Object.entries(giftCredits)) {
    const code = codes.find((c) => sameCode(c, normalizeCode(key).code));
    if (code === undefined) throw new TypeError(`${method}: \`giftCredits\` names ${JSON.stringify(key)}, which is not one of the codes`);
    requested.set(code, credits);
  }
  return requested;
}

/**
 * The credits to send per gift card: the shopper's choice capped by the card's balance and by what the server's
 * own cart still owes after the other codes' discounts, each card in the order of `codes` (two cards never cover
 * more than the order). Codes that are not gift cards get none.
 *
 * @example
 * capGiftCredits(result, ['SAVE10', 'GIFT50'], new Map([['GIFT50', 99_999]])) // Map { 'GIFT50' => 3000 } on a 4000 cart
 */
export function capGiftCredits(
  result: ValidationResult,
  codes: readonly string[],
  requested: ReadonlyMap<string, number>,
  orderAmount = 0,
): Map<string, number> {
  const redeemables = codes.map((code) => ({ code, redeemable: findRedeemable(result, code) }));
  const discounts = redeemables.reduce((sum, { redeemable: r }) => sum + (!r?.gift && r?.status === 'APPLICABLE' ? (r.discountAmount ?? 0) : 0), 0);
  let due = Math.max(0, (result.order?.amount ?? orderAmount) - discounts);
  const capped = new Map<string, number>();
  for (const { code, redeemable } of redeemables) {
    if (!redeemable?.gift) continue;
    const balance = redeemable.gift.balance ?? 0;
    const credits = Math.min(requested.get(code) ?? balance, balance, due);
    if (requested.has(code)) capped.set(code, credits);
    due -= credits;
  }
  return capped;
}

/**
 * With `giftCredits`, a validation of the codes against the server's own cart (a read, retried like one), then the
 * capped credits per code; without, nothing is asked and undefined is returned. The browser's numbers are a wish,
 * never the amount charged.
 *
 * @example
 * const credits = await giftCreditsFor(context, 'redeem', { codes, giftCredits: { GIFT50: 3700 }, order, customer, timeoutMs })
 */
export async function giftCreditsFor(context: ServerContext, method: string, input: GiftCreditsInput): Promise<Record<string, number> | undefined> {
  if (!input.giftCredits) return undefined;
  const requested = requestedCredits(method, input.codes, input.giftCredits);
  if (requested.size === 0) return undefined;
  const body = await call(context.config, {
    method: 'POST',
    path: '/v1/validations',
    // No tracking id and no session: this only reads balances and discounts, and must hold nothing.
    body: {
      redeemables: input.codes.map((id) => ({ object: 'voucher', id })),
      ...(input.order ? { order: input.order } : {}),
      ...(input.customer ? { customer: input.customer } : {}),
    },
    decode: decodeWith(stackableValidationSchema),
    signal: input.signal,
    retry: 'safe',
    timeoutMs: input.timeoutMs,
  });
  // A record, as `buildRedeemables` takes it (the one builder of every stackable list).
  return Object.fromEntries(capGiftCredits(fromStackableValidation(body, input.codes), input.codes, requested, input.order?.amount));
}
