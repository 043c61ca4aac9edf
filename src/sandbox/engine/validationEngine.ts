import { calculateDiscount } from '../../core/index.js';
import { cloneOrder, findLine, toOrderCalculated, type OrderDraft } from './orderMath.js';
import { PayloadRangeError, readCredits } from './payloadNumbers.js';
import type { ApiErrorBody } from '../http/responses.js';
import { heldOn } from './sessionLocks.js';
import { checkVoucher, rejection } from './voucherRules.js';
import type { SandboxState, SandboxVoucher } from '../types.js';

/** One entry of `redeemables` in a stackable request. */
export interface RedeemableRequest {
  object: 'voucher' | 'promotion_tier' | 'promotion_stack';
  id: string;
  gift?: { credits?: number };
}

/** The outcome for one redeemable. */
export interface Evaluated {
  request: RedeemableRequest;
  voucher: SandboxVoucher | undefined;
  status: 'APPLICABLE' | 'INAPPLICABLE';
  error: ApiErrorBody | null;
  /** What this redeemable takes off the order (minor units). */
  discount: number;
}

/** The outcome of a whole stack. */
export interface StackOutcome {
  /** Every redeemable applies (the sandbox's stacking mode is ALL). */
  valid: boolean;
  entries: Evaluated[];
  /** The order with the units UNIT discounts added. */
  order: OrderDraft;
  /** Sum of the discounts that apply when `valid`; 0 otherwise, because ALL mode applies nothing then. */
  totalDiscount: number;
}

/** The project's stacking rules as Voucherify reports them; the sandbox uses Voucherify's defaults, ALL mode. */
export const STACKING_RULES = Object.freeze({
  redeemables_limit: 30,
  applicable_redeemables_limit: 5,
  applicable_redeemables_per_category_limit: 1,
  applicable_redeemables_category_limits: {},
  applicable_exclusive_redeemables_limit: 1,
  exclusive_categories: [],
  joint_categories: [],
  redeemables_application_mode: 'ALL',
  redeemables_sorting_rule: 'REQUESTED_ORDER',
  redeemables_products_application_mode: 'STACK',
  redeemables_no_effect_rule: 'REDEEM_ANYWAY',
  no_effect_skip_categories: [],
  no_effect_redeem_anyway_categories: [],
  redeemables_rollback_order_mode: 'WITHOUT_ORDER',
});

const objects = new Set(['voucher', 'promotion_tier', 'promotion_stack']);

/** Why a payload is invalid: Voucherify's error key and the details. */
export interface PayloadProblem {
  key: string;
  details: string;
}

/** Reads `redeemables`, or says why they are invalid. */
export function parseRedeemables(input: unknown): RedeemableRequest[] | PayloadProblem {
  if (!Array.isArray(input) || input.length === 0) return { key: 'invalid_payload', details: 'redeemables must be a non-empty array' };
  if (input.length > 30) return { key: 'invalid_payload', details: 'redeemables accepts at most 30 entries' };
  const seen = new Set<string>();
  const result: RedeemableRequest[] = [];
  for (const [index, raw] of input.entries()) {
    const entry = raw as Record<string, unknown> | null;
    if (!entry || typeof entry !== 'object' || typeof entry.id !== 'string' || !objects.has(entry.object as string)) {
      return { key: 'invalid_payload', details: `redeemables[${index}] must be { object: 'voucher' | 'promotion_tier' | 'promotion_stack', id }` };
    }
    const key = `${String(entry.object)}:${entry.id}`;
    if (seen.has(key)) return { key: 'duplicated_redeemables', details: `${entry.id} appears more than once in redeemables` };
    seen.add(key);
    const request: RedeemableRequest = { object: entry.object as RedeemableRequest['object'], id: entry.id };
    const credits = readCredits(entry.gift, `redeemables[${index}].gift`);
    if (typeof credits === 'string') return { key: 'invalid_payload', details: credits };
    if (credits !== undefined) request.gift = { credits };
    result.push(request);
  }
  if (result.length > 1 && result.some((entry) => entry.object === 'promotion_stack')) {
    return { key: 'invalid_redeemables', details: 'A promotion_stack cannot be combined with other redeemables' };
  }
  return result;
}

/**
 * What `voucher` takes off `remaining`, adding the units of a UNIT discount to `order` when they are missing. A gift
 * card gives at most its balance less the credits other sessions hold (`heldCredits`).
 */
function discountOf(voucher: SandboxVoucher, remaining: number, order: OrderDraft, credits: number | undefined, heldCredits: number): number {
  if (voucher.gift) {
    const free = voucher.gift.balance - heldCredits;
    const usable = Math.min(credits ?? free, free);
    return calculateDiscount(remaining, { gift: { balance: usable } });
  }
  const discount = voucher.discount;
  if (!discount) return 0;
  if (discount.type !== 'UNIT') return calculateDiscount(remaining, { discount });
  const unitType = discount.unit_type ?? '';
  const units = discount.unit_off ?? 0;
  let line = findLine(order, unitType);
  if (!line) {
    // ADD_MISSING_ITEMS (the default effect): Voucherify adds the free units to the order, then discounts them.
    const price = voucher.unit_price ?? 0;
    line = { product_id: unitType, quantity: units, price, amount: units * price };
    if (!Number.isSafeInteger(order.amount + line.amount)) {
      throw new PayloadRangeError(`order.amount plus the free ${unitType} units a UNIT discount adds must be at most ${Number.MAX_SAFE_INTEGER}`);
    }
    order.items.push(line);
    order.amount += line.amount;
    remaining += line.amount;
  }
  return calculateDiscount(remaining, { discount }, { unitPrice: line.price ?? 0 });
}

/**
 * Checks each redeemable in the requested order and computes the discounts with the core math, each one on
 * what the previous ones left. Uses and credits held by LOCK sessions are not available, except those of
 * `sessionKey` (the request's own session: a redeem consuming it, or a validation overwriting it).
 */
export function evaluateStack(
  state: SandboxState,
  now: number,
  redeemables: readonly RedeemableRequest[],
  requestOrder: OrderDraft,
  identity: string | null,
  sessionKey?: string,
): StackOutcome {
  const order = cloneOrder(requestOrder);
  let total = 0;
  const entries = redeemables.map((request): Evaluated => {
    if (request.object !== 'voucher') {
      const error = rejection('not_found', request.id, `Cannot find ${request.object} with id ${request.id}`);
      return { request, voucher: undefined, status: 'INAPPLICABLE', error: { ...error, resource_type: request.object }, discount: 0 };
    }
    const voucher = state.vouchers.get(request.id);
    const held = heldOn(state, now, request.id, sessionKey);
    const error = checkVoucher(voucher, request.id, {
      state,
      now,
      orderAmount: order.amount - total,
      identity,
      credits: request.gift?.credits,
      held,
    });
    if (error || !voucher) return { request, voucher, status: 'INAPPLICABLE', error, discount: 0 };
    const discount = discountOf(voucher, order.amount - total, order, request.gift?.credits, held.credits);
    total += discount;
    return { request, voucher, status: 'APPLICABLE', error: null, discount };
  });
  const valid = entries.every((entry) => entry.status === 'APPLICABLE');
  return { valid, entries, order, totalDiscount: valid ? total : 0 };
}

/** The `result` of one redeemable: its discount or gift when it applies, its error when it does not. */
export function redeemableResult(entry: Evaluated): Record<string, unknown> {
  if (entry.status !== 'APPLICABLE' || !entry.voucher) return { error: entry.error };
  if (entry.voucher.gift) return { gift: { balance: entry.voucher.gift.balance, credits: entry.discount } };
  return { discount: entry.voucher.discount };
}

/** The `redeemables[i]` entry of a validation response. */
export function toValidationRedeemable(entry: Evaluated, outcome: StackOutcome, before: number): Record<string, unknown> {
  const base = { status: entry.status, id: entry.request.id, object: entry.request.object === 'voucher' ? 'voucher' : 'promotion_tier' };
  if (entry.status !== 'APPLICABLE') return { ...base, result: redeemableResult(entry) };
  return {
    ...base,
    order: toOrderCalculated(outcome.order, { discount: before + entry.discount, applied: entry.discount }),
    applicable_to: { data: [], total: 0, object: 'list', data_ref: 'data' },
    inapplicable_to: { data: [], total: 0, object: 'list', data_ref: 'data' },
    result: redeemableResult(entry),
    metadata: entry.voucher?.metadata ?? {},
  };
}
