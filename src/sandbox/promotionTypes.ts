// The sandbox's promotion types: campaigns with tiers, categories, validation rules and stacking rules.
import type { Discount } from '../core/index.js';

/** A campaign category; `stacking_rules_type` EXCLUSIVE is "never stackable", JOINT "always stackable". */
export interface SandboxCategory {
  id: string;
  name: string;
  /** Lower applies first under the `CATEGORY_HIERARCHY` sorting rule. @default 1 */
  hierarchy?: number;
  stacking_rules_type?: 'JOINT' | 'EXCLUSIVE';
}

/** A promotion tier: a code-less discount that applies when its validation rules pass. */
export interface SandboxPromotionTier {
  /** `promo_…`; also the id a stackable request sends (`{ object: 'promotion_tier', id }`). */
  id: string;
  name: string;
  /** The shopper-facing text. */
  banner?: string;
  /** The same discount shapes vouchers take (no formulas, no `units[]`). */
  action: { discount: Discount };
  /** The tier's rank inside its campaign (lower first), as Voucherify's `hierarchy`. @default 1 */
  hierarchy?: number;
  metadata?: Record<string, unknown>;
  /** `false` answers `promotion_inactive`. @default true */
  active?: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  /** Ids of `validationRules` assigned to the tier; all must pass. */
  validation_rules?: string[];
  /** Price (value × 100) of the unit a UNIT discount adds when the order lacks it. @default 0 */
  unit_price?: number;
  /** ISO date-time, the qualifications cursor; when omitted, 2025-01-01T00:00:00Z plus the tier's index in seconds. */
  created_at?: string;
}

/** A promotion campaign: its tiers share its id, name, dates, activity and categories. */
export interface SandboxPromotionCampaign {
  /** `camp_…` */
  id: string;
  name: string;
  active?: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  categories?: SandboxCategory[];
  tiers: SandboxPromotionTier[];
}

/** One condition of a validation rule, in Voucherify's shape (`rules["1"]`). */
export interface SandboxRuleCondition {
  /**
   * `order.amount` (the amount after the discounts applied before it), `customer.metadata` (with `property`),
   * `order.items.any` / `product.id` (a product in the cart: ids or source ids).
   */
  name: 'order.amount' | 'customer.metadata' | 'order.items.any' | 'product.id';
  property?: string | null;
  /**
   * `$more_than`, `$more_than_or_equal`, `$less_than`, `$less_than_or_equal`, `$is`, `$is_not`, `$in`, `$not_in`:
   * lists of strings, numbers or objects (a boolean metadata value matches "true" / "false").
   */
  conditions: Partial<Record<SandboxRuleOperator, unknown[]>>;
  error?: { message?: string };
}

/** The condition operators the sandbox evaluates. */
export type SandboxRuleOperator = '$is' | '$is_not' | '$in' | '$not_in' | '$more_than' | '$more_than_or_equal' | '$less_than' | '$less_than_or_equal';

/** A validation rule, as GET /v1/validation-rules/{id} returns it; assigned to tiers and vouchers by id. */
export interface SandboxValidationRule {
  /** `val_…` */
  id: string;
  name: string;
  /** Conditions keyed "1", "2", … and `logic` ("1 and (2 or 3)"; every condition ANDed when omitted). */
  rules: { [key: string]: SandboxRuleCondition | string | undefined; logic?: string };
  /** The merchant's message, sent as `error.message` when the rule fails. */
  error?: { message?: string };
  created_at?: string;
}

/** The project's stacking rules (Voucherify's names); each omitted field takes Voucherify's default. */
export interface SandboxStackingRules {
  redeemables_limit?: number;
  applicable_redeemables_limit?: number;
  applicable_redeemables_per_category_limit?: number;
  applicable_redeemables_category_limits?: Record<string, number>;
  applicable_exclusive_redeemables_limit?: number;
  applicable_exclusive_redeemables_per_category_limit?: number;
  /** Category ids that are never stackable; by default those declared `stacking_rules_type: 'EXCLUSIVE'`. */
  exclusive_categories?: string[];
  /** Category ids that are always stackable; by default those declared `stacking_rules_type: 'JOINT'`. */
  joint_categories?: string[];
  redeemables_application_mode?: 'ALL' | 'PARTIAL';
  redeemables_sorting_rule?: 'REQUESTED_ORDER' | 'CATEGORY_HIERARCHY';
  redeemables_no_effect_rule?: 'REDEEM_ANYWAY' | 'SKIP';
  no_effect_skip_categories?: string[];
  no_effect_redeem_anyway_categories?: string[];
}

/** The stacking rules in force: every field filled in, except the optional exclusive per-category limit. */
export interface SandboxActiveStackingRules extends Required<Omit<SandboxStackingRules, 'applicable_exclusive_redeemables_per_category_limit'>> {
  applicable_exclusive_redeemables_per_category_limit?: number;
}

/** A stored promotion tier: the tier, its campaign, and its redemption count. */
export interface SandboxTierRecord {
  tier: SandboxPromotionTier & { created_at: string };
  campaign: SandboxPromotionCampaign;
  /** The campaign's and the tier's categories (the campaign's first). */
  categories: SandboxCategory[];
  redeemed: number;
}
