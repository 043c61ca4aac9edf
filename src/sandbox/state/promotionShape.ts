import { calculateDiscount } from '../../core/index.js';
import type { SandboxCategory, SandboxPromotionCampaign, SandboxRuleCondition, SandboxStackingRules, SandboxValidationRule } from '../types.js';

const RULE_NAMES = new Set(['order.amount', 'customer.metadata', 'order.items.any', 'product.id']);
const OPERATORS = new Set(['$is', '$is_not', '$in', '$not_in', '$more_than', '$more_than_or_equal', '$less_than', '$less_than_or_equal']);
const NUMERIC = new Set(['$more_than', '$more_than_or_equal', '$less_than', '$less_than_or_equal']);
const FORMULAS = ['amount_off_formula', 'percent_off_formula', 'unit_off_formula', 'fixed_amount_formula'] as const;
const isMinor = (value: unknown): boolean => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isDate = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Refuses a rule condition the sandbox could not evaluate exactly; `where` names it. */
function assertCondition(where: string, condition: unknown): void {
  if (!isObject(condition)) throw new TypeError(`${where} must be an object { name, conditions }`);
  const { name, property, conditions } = condition as Partial<SandboxRuleCondition>;
  if (typeof name !== 'string' || !RULE_NAMES.has(name)) {
    throw new RangeError(`${where}.name must be one of ${[...RULE_NAMES].join(', ')} (the rules the sandbox evaluates), got ${JSON.stringify(name)}`);
  }
  if (name === 'customer.metadata' && (typeof property !== 'string' || property === '')) throw new TypeError(`${where}: customer.metadata needs a property`);
  if (!isObject(conditions) || Object.keys(conditions).length === 0) throw new TypeError(`${where}.conditions must name at least one operator`);
  for (const [operator, values] of Object.entries(conditions)) {
    if (!OPERATORS.has(operator)) throw new RangeError(`${where}.conditions.${operator} is not supported; use ${[...OPERATORS].join(', ')}`);
    if (!Array.isArray(values) || values.length === 0) throw new TypeError(`${where}.conditions.${operator} must be a non-empty array`);
    if (NUMERIC.has(operator) && name !== 'order.amount' && name !== 'customer.metadata') {
      throw new RangeError(`${where}.conditions.${operator} compares numbers; ${name} is matched with $is, $is_not, $in or $not_in`);
    }
    if (name === 'order.amount' && !values.every(isMinor)) throw new TypeError(`${where}.conditions.${operator} must hold amounts in minor units (integers)`);
  }
}

/**
 * Refuses, when the sandbox is created, a validation rule it could not serve exactly: a missing id or name, a
 * rule name or operator it does not evaluate, or a `logic` that names a condition it does not have.
 *
 * @example
 * assertValidationRules([{ id: 'val_x', name: 'X', rules: { '1': { name: 'order.count', conditions: { $is: [1] } } } }]) // RangeError: … order.count …
 */
export function assertValidationRules(rules: readonly SandboxValidationRule[]): void {
  if (!Array.isArray(rules)) throw new TypeError('createSandbox: validationRules must be an array');
  const seen = new Set<string>();
  rules.forEach((rule: SandboxValidationRule | null, index) => {
    if (typeof rule?.id !== 'string' || rule.id === '') throw new TypeError(`createSandbox: validationRules[${index}].id must be a non-empty string`);
    const where = `createSandbox: validation rule ${JSON.stringify(rule.id)}`;
    if (seen.has(rule.id)) throw new RangeError(`${where} is defined twice`);
    seen.add(rule.id);
    if (typeof rule.name !== 'string') throw new TypeError(`${where}: name must be a string`);
    if (!isObject(rule.rules)) throw new TypeError(`${where}: rules must be an object { "1": { name, conditions }, logic? }`);
    const keys = Object.keys(rule.rules).filter((key) => key !== 'logic');
    if (keys.length === 0) throw new TypeError(`${where}: rules needs at least one condition ("1")`);
    for (const key of keys) {
      if (!/^\d+$/.test(key)) throw new RangeError(`${where}: rules keys are "1", "2", …, got ${JSON.stringify(key)}`);
      assertCondition(`${where}: rules["${key}"]`, rule.rules[key]);
    }
    const logic = rule.rules.logic;
    if (logic !== undefined) {
      if (typeof logic !== 'string' || !/^[\s\d()]*(?:(?:and|or)[\s\d()]*)*$/i.test(logic))
        throw new TypeError(`${where}: logic must read like "1 and (2 or 3)"`);
      for (const named of logic.match(/\d+/g) ?? [])
        if (!keys.includes(named)) throw new RangeError(`${where}: logic names rule ${named}, which is not defined`);
    }
    if (!isDate(rule.created_at)) throw new TypeError(`${where}: created_at must be an ISO date-time`);
  });
}

function assertCategories(where: string, categories: readonly SandboxCategory[] | undefined): void {
  if (categories === undefined) return;
  if (!Array.isArray(categories)) throw new TypeError(`${where}.categories must be an array`);
  categories.forEach((category, index) => {
    if (typeof category?.id !== 'string' || typeof category.name !== 'string') throw new TypeError(`${where}.categories[${index}] needs an id and a name`);
    if (category.hierarchy !== undefined && !Number.isSafeInteger(category.hierarchy))
      throw new TypeError(`${where}.categories[${index}].hierarchy must be an integer`);
    if (category.stacking_rules_type !== undefined && category.stacking_rules_type !== 'JOINT' && category.stacking_rules_type !== 'EXCLUSIVE') {
      throw new RangeError(`${where}.categories[${index}].stacking_rules_type must be JOINT or EXCLUSIVE`);
    }
  });
}

/**
 * Refuses, when the sandbox is created, promotions it could not serve exactly: campaigns without id, name or
 * tiers, duplicate tier ids, a discount the core math refuses (formulas, `units[]`), unparseable dates, and
 * validation rules a tier names that `ruleIds` does not hold. The error names the campaign or tier and the field.
 *
 * @example
 * assertSandboxPromotions([{ id: 'camp_a', name: 'A', tiers: [] }], new Set()) // TypeError: … needs at least one tier
 */
export function assertSandboxPromotions(campaigns: readonly SandboxPromotionCampaign[], ruleIds: ReadonlySet<string>): void {
  if (!Array.isArray(campaigns)) throw new TypeError('createSandbox: promotions must be an array of campaigns');
  const tierIds = new Set<string>();
  campaigns.forEach((campaign: SandboxPromotionCampaign | null, index) => {
    if (typeof campaign?.id !== 'string' || campaign.id === '' || typeof campaign.name !== 'string') {
      throw new TypeError(`createSandbox: promotions[${index}] needs an id and a name`);
    }
    const where = `createSandbox: campaign ${JSON.stringify(campaign.id)}`;
    if (!Array.isArray(campaign.tiers) || campaign.tiers.length === 0) throw new TypeError(`${where} needs at least one tier`);
    if (!isDate(campaign.start_date) || !isDate(campaign.expiration_date))
      throw new TypeError(`${where}: start_date and expiration_date must be ISO date-times`);
    assertCategories(where, campaign.categories);
    campaign.tiers.forEach((tier, tierIndex) => {
      if (typeof tier?.id !== 'string' || tier.id === '' || typeof tier.name !== 'string')
        throw new TypeError(`${where}: tiers[${tierIndex}] needs an id and a name`);
      const at = `createSandbox: tier ${JSON.stringify(tier.id)}`;
      if (tierIds.has(tier.id)) throw new RangeError(`${at} is defined twice`);
      tierIds.add(tier.id);
      const discount = tier.action?.discount;
      if (!isObject(discount)) throw new TypeError(`${at}: action.discount is required (the discount shapes vouchers take)`);
      for (const field of FORMULAS) {
        if ((discount as Record<string, unknown>)[field] != null)
          throw new RangeError(`${at}: action.discount.${field} is not supported: the sandbox evaluates no formula`);
      }
      try {
        calculateDiscount(0, { discount }, { unitPrice: 0 });
      } catch (error) {
        throw new RangeError(`${at}: ${(error as Error).message}`, { cause: error });
      }
      if (discount.type === 'UNIT' && typeof discount.unit_type !== 'string') throw new TypeError(`${at}: a UNIT discount needs action.discount.unit_type`);
      if (tier.unit_price !== undefined && !isMinor(tier.unit_price)) throw new TypeError(`${at}: unit_price must be a non-negative integer (minor units)`);
      if (tier.hierarchy !== undefined && !Number.isSafeInteger(tier.hierarchy)) throw new TypeError(`${at}: hierarchy must be an integer`);
      if (!isDate(tier.start_date) || !isDate(tier.expiration_date) || !isDate(tier.created_at)) {
        throw new TypeError(`${at}: start_date, expiration_date and created_at must be ISO date-times`);
      }
      for (const ruleId of tier.validation_rules ?? []) {
        if (!ruleIds.has(ruleId)) throw new RangeError(`${at}: validation rule ${JSON.stringify(ruleId)} is not among validationRules`);
      }
    });
  });
}

const LIMITS = [
  'redeemables_limit',
  'applicable_redeemables_limit',
  'applicable_redeemables_per_category_limit',
  'applicable_exclusive_redeemables_limit',
  'applicable_exclusive_redeemables_per_category_limit',
] as const;

/**
 * Refuses stacking rules outside what Voucherify's dashboard accepts: limits are whole numbers from 1 (30 at
 * most, 5 for the exclusive ones), modes are the spec's enums.
 *
 * @example
 * assertStackingRules({ applicable_redeemables_limit: 0 }) // RangeError: … applicable_redeemables_limit …
 */
export function assertStackingRules(rules: SandboxStackingRules | undefined): void {
  if (rules === undefined) return;
  if (!isObject(rules)) throw new TypeError('createSandbox: stackingRules must be an object');
  for (const field of LIMITS) {
    const value = rules[field];
    const max = field.includes('exclusive') ? 5 : 30;
    if (value !== undefined && !(typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= max)) {
      throw new RangeError(`createSandbox: stackingRules.${field} must be an integer from 1 to ${max}, got ${String(value)}`);
    }
  }
  for (const [category, value] of Object.entries(rules.applicable_redeemables_category_limits ?? {})) {
    if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 && value <= 30))
      throw new RangeError(`createSandbox: stackingRules.applicable_redeemables_category_limits.${category} must be an integer from 1 to 30`);
  }
  const enums: Array<[keyof SandboxStackingRules, string[]]> = [
    ['redeemables_application_mode', ['ALL', 'PARTIAL']],
    ['redeemables_sorting_rule', ['REQUESTED_ORDER', 'CATEGORY_HIERARCHY']],
    ['redeemables_no_effect_rule', ['REDEEM_ANYWAY', 'SKIP']],
  ];
  for (const [field, allowed] of enums) {
    const value = rules[field];
    if (value !== undefined && !allowed.includes(value as string))
      throw new RangeError(`createSandbox: stackingRules.${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}
