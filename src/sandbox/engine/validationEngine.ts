import { calculateDiscount, type Discount } from '../../core/index.js';
import type { ApiErrorBody } from '../http/responses.js';
import type { SandboxCategory, SandboxState, SandboxTierRecord, SandboxVoucher } from '../types.js';
import { checkPromotionTier } from './evaluatePromotionTier.js';
import { cloneOrder, findLine, type OrderDraft } from './orderMath.js';
import { PayloadRangeError, readCredits } from './payloadNumbers.js';
import type { RequestIdentity } from './requestIdentity.js';
import { heldOn } from './sessionLocks.js';
import { applicationOrder, createStackingGate, type SkipKey } from './stackingRules.js';
import { checkVoucher, rejection } from './voucherRules.js';

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
  tier: SandboxTierRecord | undefined;
  categories: readonly SandboxCategory[];
  status: 'APPLICABLE' | 'INAPPLICABLE' | 'SKIPPED';
  error: ApiErrorBody | null;
  /** Why a SKIPPED redeemable was not applied. */
  skip: SkipKey | null;
  /** What this redeemable takes off the order (minor units). */
  discount: number;
  /** What the redeemables applied before this one took off. */
  before: number;
}

/** The outcome of a whole stack. */
export interface StackOutcome {
  /** ALL mode: nothing is INAPPLICABLE and something applies; PARTIAL mode: something applies. */
  valid: boolean;
  /** The entries in the order they were applied (exclusive ones first, then the sorting rule). */
  entries: Evaluated[];
  /** The order with the units UNIT discounts added. */
  order: OrderDraft;
  /** Sum of the discounts that apply when `valid`; 0 otherwise, because nothing is applied then. */
  totalDiscount: number;
}

/** Who a stack is evaluated for: the identity (customer rules of vouchers) and the metadata (validation rules). */
export type StackCustomer = Pick<RequestIdentity, 'identity' | 'metadata'>;

const objects = new Set(['voucher', 'promotion_tier', 'promotion_stack']);

/** Why a payload is invalid: Voucherify's error key and the details. */
export interface PayloadProblem {
  key: string;
  details: string;
}

/** Reads `redeemables` (at most `limit`, the project's `redeemables_limit`), or says why they are invalid. */
export function parseRedeemables(input: unknown, limit = 30): RedeemableRequest[] | PayloadProblem {
  if (!Array.isArray(input) || input.length === 0) return { key: 'invalid_payload', details: 'redeemables must be a non-empty array' };
  if (input.length > limit) return { key: 'invalid_payload', details: `redeemables accepts at most ${limit} entries` };
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

/** What a redeemable gives: a voucher's discount or gift, a tier's `action.discount`. */
interface DiscountSource {
  discount?: Discount | null | undefined;
  gift?: { balance: number } | null | undefined;
  unit_price?: number | undefined;
}

/**
 * What `source` takes off `remaining`, adding the units of a UNIT discount to `order` when they are missing. A gift
 * card gives at most its balance less the credits other sessions hold (`heldCredits`).
 */
export function discountOf(source: DiscountSource, remaining: number, order: OrderDraft, credits: number | undefined, heldCredits: number): number {
  if (source.gift) {
    const free = source.gift.balance - heldCredits;
    const usable = Math.min(credits ?? free, free);
    return calculateDiscount(remaining, { gift: { balance: usable } });
  }
  const discount = source.discount;
  if (!discount) return 0;
  if (discount.type !== 'UNIT') return calculateDiscount(remaining, { discount });
  const unitType = discount.unit_type ?? '';
  const units = discount.unit_off ?? 0;
  let line = findLine(order, unitType);
  if (!line) {
    // ADD_MISSING_ITEMS (the default effect): Voucherify adds the free units to the order, then discounts them.
    const price = source.unit_price ?? 0;
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

/** A redeemable found in the state, before it is checked. */
type Resolved = Pick<Evaluated, 'request' | 'voucher' | 'tier' | 'categories'>;

function resolve(state: SandboxState, request: RedeemableRequest): Resolved {
  const voucher = request.object === 'voucher' ? state.vouchers.get(request.id) : undefined;
  const tier = request.object === 'promotion_tier' ? state.tiers.get(request.id) : undefined;
  return { request, voucher, tier, categories: voucher?.categories ?? tier?.categories ?? [] };
}

/**
 * Checks each redeemable and computes the discounts with the core math, in the stacking rules' order, each one
 * on what the previous ones left ("based on discounted amount"; `order.amount` rules see that amount too).
 * A valid redeemable the stacking rules do not let apply is SKIPPED with its key; under ALL, everything after
 * an INAPPLICABLE one is SKIPPED (`preceding_validation_failed`). Uses and credits held by LOCK sessions are
 * not available, except those of `sessionKey` (the request's own session).
 */
export function evaluateStack(
  state: SandboxState,
  now: number,
  redeemables: readonly RedeemableRequest[],
  requestOrder: OrderDraft,
  who: StackCustomer,
  sessionKey?: string,
): StackOutcome {
  const rules = state.stackingRules;
  const gate = createStackingGate(rules);
  let order = cloneOrder(requestOrder);
  let total = 0;
  let failed = false;
  const entries = applicationOrder(
    rules,
    redeemables.map((request) => resolve(state, request)),
  ).map((resolved): Evaluated => {
    const outcome = { ...resolved, error: null, skip: null, discount: 0, before: total };
    const skipped = (skip: SkipKey): Evaluated => ({ ...outcome, status: 'SKIPPED', skip });
    if (failed && rules.redeemables_application_mode === 'ALL') return skipped('preceding_validation_failed');
    const { request, voucher, tier } = resolved;
    const context = { orderAmount: order.amount - total, items: order.items, customerMetadata: who.metadata };
    const held = voucher ? heldOn(state, now, request.id, sessionKey) : { uses: 0, credits: 0 };
    const error =
      request.object === 'promotion_tier'
        ? checkPromotionTier(tier, request.id, now, state, context).error
        : request.object === 'voucher'
          ? checkVoucher(voucher, request.id, { state, now, ...context, identity: who.identity, credits: request.gift?.credits, held })
          : rejection('not_found', request.id, `Cannot find ${request.object} with id ${request.id}`);
    if (error) {
      failed = true;
      return { ...outcome, status: 'INAPPLICABLE', error: request.object === 'voucher' ? error : { ...error, resource_type: request.object } };
    }
    const blocked = gate.blocked(resolved.categories);
    if (blocked) return skipped(blocked);
    const scratch = cloneOrder(order);
    const source = voucher ?? { discount: tier?.tier.action.discount, unit_price: tier?.tier.unit_price };
    const discount = discountOf(source, order.amount - total, scratch, request.gift?.credits, held.credits);
    if (discount === 0 && gate.skipsNoEffect(resolved.categories)) return skipped('no_effect');
    order = scratch;
    gate.record(resolved.categories);
    total += discount;
    return { ...outcome, status: 'APPLICABLE', discount };
  });
  const applies = entries.some((entry) => entry.status === 'APPLICABLE');
  const valid = rules.redeemables_application_mode === 'ALL' ? applies && !failed : applies;
  return { valid, entries, order, totalDiscount: valid ? total : 0 };
}
