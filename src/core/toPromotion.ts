import type { Category, Discount } from '../schemas/common.js';
import type { QualifiedRedeemable } from '../schemas/qualifications.js';
import { toOrderTotals } from './validationResult.js';

/** A qualified promotion tier as a list shows it. */
export interface QualifiedPromotion {
  /** The tier id (`promo_…`): what `validate({ promotions })` and the server's `suggested` take. */
  id: string;
  /** The shopper-facing text ("10% off orders over $100"); qualifications carry it, validations never do. */
  banner: string | null;
  /** The tier's name (`expand: ['redeemable']`). */
  name: string | null;
  campaignId: string | null;
  campaignName: string | null;
  metadata: Record<string, unknown>;
  /** `expand: ['category']`: hierarchy and JOINT / EXCLUSIVE, to word an exclusivity reason. */
  categories: Category[];
  discount: Discount | null;
  /**
   * What this tier alone takes off the undiscounted cart, as Voucherify priced it. Not additive: the total of
   * several tiers and codes comes only from a stackable validation.
   */
  discountAmountAlone: number | null;
  /**
   * The validation rules' verdict under AUDIENCE_ONLY: 'PARTIALLY_VALID' when the customer qualifies but the
   * order does not yet (a nudge); null when the answer has no assignments (`expand: ['validation_rules']`).
   */
  validationStatus: string | null;
  /** The validation rule ids assigned to the tier (`expand: ['validation_rules']`). */
  ruleIds: string[];
}

/**
 * A qualification entry of object `promotion_tier` as a `QualifiedPromotion`.
 *
 * @example
 * const promotions = redeemables.filter((entry) => entry.object === 'promotion_tier').map(toPromotion)
 */
export function toPromotion(entry: QualifiedRedeemable): QualifiedPromotion {
  const assignments = entry.validation_rules_assignments?.data ?? [];
  const statuses = assignments.map((assignment) => assignment.validation_status).filter((status): status is string => typeof status === 'string');
  return {
    ...toListedPromotion(entry),
    // The weakest verdict speaks for the tier: one unmet rule is enough to need a nudge.
    validationStatus: statuses.find((status) => status === 'INVALID') ?? statuses.find((status) => status === 'PARTIALLY_VALID') ?? statuses[0] ?? null,
    ruleIds: assignments.map((assignment) => assignment.rule_id),
  };
}

/**
 * `toPromotion` for a qualification sent without `expand: ['validation_rules']` (a promotion list's): no verdict,
 * no rule ids, and none of the code that reads them in the browser's bundle. Internal.
 *
 * @example
 * const promotions = redeemables.filter((entry) => entry.object === 'promotion_tier').map(toListedPromotion)
 */
export function toListedPromotion(entry: QualifiedRedeemable): QualifiedPromotion {
  return {
    id: entry.id,
    banner: entry.banner ?? null,
    name: entry.name ?? null,
    campaignId: entry.campaign_id ?? null,
    campaignName: entry.campaign_name ?? null,
    metadata: entry.metadata ?? {},
    categories: entry.categories ?? [],
    discount: entry.result?.discount ?? null,
    discountAmountAlone: toOrderTotals(entry.order)?.totalAppliedDiscountAmount ?? null,
    validationStatus: null,
    ruleIds: [],
  };
}
