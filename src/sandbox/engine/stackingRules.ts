import type { SandboxActiveStackingRules, SandboxCategory, SandboxStackingRules } from '../types.js';

/**
 * Voucherify's default stacking rules (a new project's, as its answers report them): ALL mode, requested order,
 * 30 redeemables per request, 5 applied, 1 per category, 1 exclusive.
 */
export const DEFAULT_STACKING_RULES: Readonly<SandboxActiveStackingRules> = Object.freeze({
  redeemables_limit: 30,
  applicable_redeemables_limit: 5,
  applicable_redeemables_per_category_limit: 1,
  applicable_redeemables_category_limits: {},
  applicable_exclusive_redeemables_limit: 1,
  exclusive_categories: [],
  joint_categories: [],
  redeemables_application_mode: 'ALL',
  redeemables_sorting_rule: 'REQUESTED_ORDER',
  redeemables_no_effect_rule: 'REDEEM_ANYWAY',
  no_effect_skip_categories: [],
  no_effect_redeem_anyway_categories: [],
});

/** The seven `result.details.key` values of a SKIPPED redeemable, with the spec's messages. */
export const SKIP_MESSAGES = Object.freeze({
  applicable_redeemables_limit_exceeded: 'Applicable redeemables limit exceeded',
  applicable_redeemables_per_category_limit_exceeded: 'Applicable redeemables limit per category exceeded',
  applicable_exclusive_redeemables_limit_exceeded: 'Applicable exclusive redeemables limit exceeded',
  applicable_exclusive_redeemables_per_category_limit_exceeded: 'Applicable exclusive redeemables limit per category exceeded',
  exclusion_rules_not_met: 'Redeemable cannot be applied due to exclusion rules',
  preceding_validation_failed: 'Redeemable cannot be applied due to preceding validation failure',
  no_effect: 'Redeemable cannot be applied due to no effect',
});

/** Why a valid redeemable was not applied. */
export type SkipKey = keyof typeof SKIP_MESSAGES;

/**
 * The rules in force: the sandbox's option over Voucherify's defaults. Exclusive and joint categories default
 * to the declared categories whose `stacking_rules_type` is EXCLUSIVE or JOINT.
 *
 * @example
 * resolveStackingRules({ redeemables_application_mode: 'PARTIAL' }, []).applicable_redeemables_limit // 5
 */
export function resolveStackingRules(option: SandboxStackingRules | undefined, categories: readonly SandboxCategory[]): SandboxActiveStackingRules {
  const typed = (type: 'JOINT' | 'EXCLUSIVE') => [
    ...new Set(categories.filter((category) => category.stacking_rules_type === type).map((category) => category.id)),
  ];
  return structuredClone({
    ...DEFAULT_STACKING_RULES,
    exclusive_categories: typed('EXCLUSIVE'),
    joint_categories: typed('JOINT'),
    ...option,
  });
}

/** The `stacking_rules` object of an answer (`StackingRules`: every required field, Voucherify's fixed ones too). */
export function stackingRulesResponse(rules: SandboxActiveStackingRules): Record<string, unknown> {
  return { ...rules, redeemables_products_application_mode: 'STACK', redeemables_rollback_order_mode: 'WITHOUT_ORDER' };
}

/** How a redeemable stacks: EXCLUSIVE (never stackable), JOINT (always stackable) or common. */
export function stackingKind(rules: SandboxActiveStackingRules, categories: readonly SandboxCategory[]): 'EXCLUSIVE' | 'JOINT' | 'COMMON' {
  if (categories.some((category) => rules.exclusive_categories.includes(category.id))) return 'EXCLUSIVE';
  if (categories.some((category) => rules.joint_categories.includes(category.id))) return 'JOINT';
  return 'COMMON';
}

/**
 * The order redeemables apply in: exclusive ones first (Voucherify's "apply Always stackable categories last"
 * setting), then by the sorting rule: the request's order, or the lowest category hierarchy first (entries
 * without a category last), ties in request order.
 */
export function applicationOrder<T extends { categories: readonly SandboxCategory[] }>(rules: SandboxActiveStackingRules, entries: readonly T[]): T[] {
  const rank = (entry: T) => (stackingKind(rules, entry.categories) === 'EXCLUSIVE' ? 0 : 1);
  const hierarchy = (entry: T) =>
    rules.redeemables_sorting_rule === 'CATEGORY_HIERARCHY' ? Math.min(Infinity, ...entry.categories.map((category) => category.hierarchy ?? 1)) : 0;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || hierarchy(a.entry) - hierarchy(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Counts what a stack applied so far and says whether the next valid redeemable must be skipped. */
export interface StackingGate {
  /** The key a valid redeemable with these categories is skipped with, or null when it may apply. */
  blocked(categories: readonly SandboxCategory[]): SkipKey | null;
  /** Whether a redeemable with no effect (0 off) is skipped rather than redeemed anyway. */
  skipsNoEffect(categories: readonly SandboxCategory[]): boolean;
  /** Counts an applied redeemable. */
  record(categories: readonly SandboxCategory[]): void;
}

/**
 * A gate over `rules`: exclusion first (an applied exclusive redeemable blocks common ones), then the global,
 * exclusive and per-category limits, each with its SKIPPED key.
 *
 * @example
 * const gate = createStackingGate(DEFAULT_STACKING_RULES)
 * gate.blocked([]) // null
 */
export function createStackingGate(rules: SandboxActiveStackingRules): StackingGate {
  let applied = 0;
  let exclusive = 0;
  const perCategory = new Map<string, number>();
  const exclusivePerCategory = new Map<string, number>();
  return {
    blocked(categories) {
      const kind = stackingKind(rules, categories);
      if (kind === 'COMMON' && exclusive > 0) return 'exclusion_rules_not_met';
      if (applied >= rules.applicable_redeemables_limit) return 'applicable_redeemables_limit_exceeded';
      if (kind === 'EXCLUSIVE') {
        if (exclusive >= rules.applicable_exclusive_redeemables_limit) return 'applicable_exclusive_redeemables_limit_exceeded';
        const limit = rules.applicable_exclusive_redeemables_per_category_limit;
        if (limit !== undefined && categories.some((category) => (exclusivePerCategory.get(category.id) ?? 0) >= limit)) {
          return 'applicable_exclusive_redeemables_per_category_limit_exceeded';
        }
      }
      const overCategory = categories.some(
        (category) =>
          (perCategory.get(category.id) ?? 0) >= (rules.applicable_redeemables_category_limits[category.id] ?? rules.applicable_redeemables_per_category_limit),
      );
      return overCategory ? 'applicable_redeemables_per_category_limit_exceeded' : null;
    },
    skipsNoEffect(categories) {
      const ids = categories.map((category) => category.id);
      if (ids.some((id) => rules.no_effect_skip_categories.includes(id))) return true;
      if (ids.some((id) => rules.no_effect_redeem_anyway_categories.includes(id))) return false;
      return rules.redeemables_no_effect_rule === 'SKIP';
    },
    record(categories) {
      applied += 1;
      const isExclusive = stackingKind(rules, categories) === 'EXCLUSIVE';
      if (isExclusive) exclusive += 1;
      for (const category of categories) {
        perCategory.set(category.id, (perCategory.get(category.id) ?? 0) + 1);
        if (isExclusive) exclusivePerCategory.set(category.id, (exclusivePerCategory.get(category.id) ?? 0) + 1);
      }
    },
  };
}
