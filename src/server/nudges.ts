import { pathSegment, toPromotion, type Customer } from '../core/index.js';
import { call } from '../core/internal.js';
import { validationRuleSchema, type ValidationRule, type ValidationRuleCondition } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import { checkParams, nudgesParamsSchema } from './paramSchemas.js';
import { qualify } from './qualify.js';
import type { ServerContext, ServerOrder, TrackingIdInput } from './types.js';

/** Parameters of `nudges`: the cart and customer from your server. */
export interface NudgesParams extends TrackingIdInput {
  /** Your server-side cart; `amount` (minor units), or items with `amount` or `price` × `quantity`. */
  order: ServerOrder;
  customer?: Customer;
  /** Pages of 50 qualified tiers read at most. @default 10 */
  maxPages?: number;
  signal?: AbortSignal;
  /** Per call. */
  timeoutMs?: number;
}

/** A tier the customer is one step from: "Add $12.01 more for 10% off". */
export interface Nudge {
  tierId: string;
  /** The shopper-facing text of the tier; null when the merchant wrote none. */
  banner: string | null;
  /** What the threshold measures; only the order amount is read today. */
  metric: 'order.amount';
  /** The rule's bound, minor units, as written (`$more_than: [10000]` → 10000). */
  threshold: number;
  /** Whether the bound itself qualifies (`$more_than_or_equal`) or not (`$more_than`). */
  inclusive: boolean;
  /** How much more the cart needs, minor units: threshold − amount, plus 1 when the bound is strict. */
  missing: number;
  /** The validation rule the threshold came from. */
  ruleId: string;
}

const METRIC = 'order.amount';

/** The order's amount as Voucherify reads it: `amount`, else the items' amounts (or price × quantity). */
function amountOf(order: ServerOrder): number | undefined {
  if (typeof order.amount === 'number') return order.amount;
  if (!Array.isArray(order.items) || order.items.length === 0) return undefined;
  let sum = 0;
  for (const item of order.items) {
    const line = item.amount ?? (typeof item.price === 'number' ? item.price * (item.quantity ?? 1) : undefined);
    if (typeof line !== 'number') return undefined;
    sum += line;
  }
  return sum;
}

const firstNumber = (values: unknown): number | undefined => {
  const value: unknown = Array.isArray(values) ? values[0] : undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

// The gap a rule's `order.amount` lower bound leaves at `amount`, or undefined when the rule has none or the cart
// already meets it. `$more_than` is strict: at exactly the threshold the cart still needs one more minor unit.
function gapOf(rule: ValidationRule, amount: number): Pick<Nudge, 'threshold' | 'inclusive' | 'missing'> | undefined {
  let gap: Pick<Nudge, 'threshold' | 'inclusive' | 'missing'> | undefined;
  for (const [key, value] of Object.entries(rule.rules ?? {})) {
    if (key === 'logic' || typeof value === 'string') continue;
    const condition: ValidationRuleCondition = value;
    if (condition.name !== METRIC || !condition.conditions) continue;
    const strict = firstNumber(condition.conditions.$more_than);
    const inclusive = firstNumber(condition.conditions.$more_than_or_equal);
    for (const [threshold, isInclusive] of [
      [strict, false],
      [inclusive, true],
    ] as const) {
      if (threshold === undefined) continue;
      const missing = threshold - amount + (isInclusive ? 0 : 1);
      // Several bounds on one rule: the cart must pass them all, so the largest gap is the one to show.
      if (missing > 0 && (!gap || missing > gap.missing)) gap = { threshold, inclusive: isInclusive, missing };
    }
  }
  return gap;
}

/**
 * The promotion tiers the customer is one step from: POST /v1/qualifications with the `AUDIENCE_ONLY` scenario
 * (the customer's rules checked, the order's skipped; every page, tiers only), then, for each tier whose rules are
 * `PARTIALLY_VALID`, its validation rules (GET /v1/validation-rules/{id}, secret keys only, each read once) →
 * `{ tierId, banner, metric, threshold, missing }` for an `order.amount` lower bound the cart does not meet yet.
 * Sorted by `missing`, smallest first. Only `$more_than` (strict: + 1 minor unit) and `$more_than_or_equal` on the
 * order amount are read; other rules (items, metadata, bundles) give no nudge. For a merchant route the browser
 * calls: the thresholds never reach the browser otherwise.
 *
 * @example
 * const nudges = await voucherify.nudges({ order: { amount: 8799 }, request })
 * // [{ tierId: 'promo_10_off', banner: '10% off orders over $100', metric: 'order.amount', threshold: 10000, missing: 1202, … }]
 */
export async function nudges(context: ServerContext, params: NudgesParams): Promise<Nudge[]> {
  if (!params || typeof params !== 'object') throw new TypeError('nudges needs parameters: { order, customer? }');
  checkParams('nudges', nudgesParamsSchema, params);
  const amount = amountOf(params.order);
  if (amount === undefined) throw new TypeError('nudges: `order.amount` is required (or items with `amount`, or `price` and `quantity`)');
  const { signal } = params;
  const timeoutMs = params.timeoutMs ?? context.timeoutMs;
  const qualification = await qualify(context, {
    order: params.order,
    ...(params.customer ? { customer: params.customer } : {}),
    ...(params.trackingId !== undefined ? { trackingId: params.trackingId } : {}),
    ...(params.request !== undefined ? { request: params.request } : {}),
    ...(params.cookieName !== undefined ? { cookieName: params.cookieName } : {}),
    scenario: 'AUDIENCE_ONLY',
    resourceType: 'promotion_tier',
    expand: ['redeemable', 'validation_rules'],
    ...(params.maxPages !== undefined ? { maxPages: params.maxPages } : {}),
    ...(signal ? { signal } : {}),
    timeoutMs,
  });
  const tiers = qualification.redeemables
    .filter((entry) => entry.object === 'promotion_tier')
    .map(toPromotion)
    .filter((tier) => tier.validationStatus === 'PARTIALLY_VALID');
  const rules = new Map<string, Promise<ValidationRule>>();
  const ruleOf = (id: string) => {
    let rule = rules.get(id);
    if (!rule) {
      rule = call(context.config, {
        method: 'GET',
        path: `/v1/validation-rules/${pathSegment('nudges(rule id)', id)}`,
        decode: decodeWith(validationRuleSchema),
        signal,
        retry: 'safe',
        timeoutMs,
      });
      rules.set(id, rule);
    }
    return rule;
  };
  const found = await Promise.all(
    tiers.map(async (tier) => {
      let best: Nudge | undefined;
      for (const ruleId of tier.ruleIds) {
        const gap = gapOf(await ruleOf(ruleId), amount);
        if (gap && (!best || gap.missing > best.missing)) best = { tierId: tier.id, banner: tier.banner, metric: METRIC, ...gap, ruleId };
      }
      return best;
    }),
  );
  return found.filter((nudge): nudge is Nudge => nudge !== undefined).sort((a, b) => a.missing - b.missing || (a.tierId < b.tierId ? -1 : 1));
}
