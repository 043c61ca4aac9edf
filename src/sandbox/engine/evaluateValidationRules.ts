import type { OrderLine } from './orderMath.js';
import type { SandboxRuleCondition, SandboxState, SandboxValidationRule } from '../types.js';

/** What a validation rule is checked against. */
export interface RuleContext {
  /** What `order.amount` compares: the order after the discounts applied before this redeemable. */
  orderAmount: number;
  items: readonly OrderLine[];
  /** The request's customer metadata (else the stored customer's); null when the request names no customer. */
  customerMetadata: Record<string, unknown> | null;
  /** AUDIENCE_ONLY: the order's conditions are not checked (treated as met) and reported as omitted. */
  omitOrderRules?: boolean;
}

/** The outcome of one rule, in the words of a qualification's `validation_rules_assignments` entry. */
export interface RuleVerdict {
  ruleId: string;
  passed: boolean;
  /** VALID: every condition checked and met; PARTIALLY_VALID: met as far as checked, order conditions omitted. */
  status: 'VALID' | 'PARTIALLY_VALID' | 'INVALID';
  /** Which key a failure answers: a customer condition decides it, else the order's. */
  key: 'order_rules_violated' | 'customer_rules_violated' | null;
  /** The condition keys ("1", …) not checked. */
  omitted: string[];
  /** The merchant's message for the failure (the rule's, else the failing condition's). */
  message: string | undefined;
}

const isCustomerCondition = (condition: SandboxRuleCondition) => condition.name === 'customer.metadata';

/** Whether one value meets one operator's list. */
function meets(operator: string, value: unknown, list: readonly unknown[]): boolean {
  const [first] = list;
  switch (operator) {
    case '$is':
    case '$in':
      return list.some((item) => item === value);
    case '$is_not':
    case '$not_in':
      return !list.some((item) => item === value);
    case '$more_than':
      return typeof value === 'number' && typeof first === 'number' && value > first;
    case '$more_than_or_equal':
      return typeof value === 'number' && typeof first === 'number' && value >= first;
    case '$less_than':
      return typeof value === 'number' && typeof first === 'number' && value < first;
    case '$less_than_or_equal':
      return typeof value === 'number' && typeof first === 'number' && value <= first;
    default:
      return false;
  }
}

/** The ids a product condition's value names: a string, or an object with `id` / `source_id`. */
function productIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    const { id, source_id } = value as { id?: unknown; source_id?: unknown };
    return [id, source_id].filter((part): part is string => typeof part === 'string');
  }
  return [];
}

/** Whether the cart meets a product-in-cart condition: `$is`/`$in` any listed product, `$is_not`/`$not_in` none. */
function cartMeets(operator: string, items: readonly OrderLine[], list: readonly unknown[]): boolean {
  const wanted = new Set(list.flatMap(productIds));
  const inCart = items.some((line) => line.quantity > 0 && [line.product_id, line.sku_id, line.source_id].some((id) => id !== undefined && wanted.has(id)));
  return operator === '$is_not' || operator === '$not_in' ? !inCart : inCart;
}

function conditionMet(condition: SandboxRuleCondition, context: RuleContext): boolean {
  return Object.entries(condition.conditions).every(([operator, list]) => {
    const values = list ?? [];
    switch (condition.name) {
      case 'order.amount':
        return meets(operator, context.orderAmount, values);
      case 'customer.metadata':
        return meets(operator, context.customerMetadata?.[condition.property ?? ''], values);
      default:
        return cartMeets(operator, context.items, values);
    }
  });
}

/** Evaluates `logic` ("1 and (2 or 3)") over the condition results; every condition ANDed when there is none. */
function evaluateLogic(logic: string | undefined, keys: readonly string[], value: (key: string) => boolean): boolean {
  if (logic === undefined || logic.trim() === '') return keys.every(value);
  const tokens = logic.toLowerCase().match(/\d+|and|or|\(|\)/g) ?? [];
  let position = 0;
  const factor = (): boolean => {
    const token = tokens[position++];
    if (token === '(') {
      const result = expression();
      position += 1; // ')'
      return result;
    }
    return value(token ?? '');
  };
  const term = (): boolean => {
    let result = factor();
    while (tokens[position] === 'and') {
      position += 1;
      result = factor() && result;
    }
    return result;
  };
  const expression = (): boolean => {
    let result = term();
    while (tokens[position] === 'or') {
      position += 1;
      result = term() || result;
    }
    return result;
  };
  return expression();
}

/** Checks one validation rule against an order and a customer. */
export function evaluateValidationRule(rule: SandboxValidationRule, context: RuleContext): RuleVerdict {
  const conditions = Object.entries(rule.rules).filter(
    (entry): entry is [string, SandboxRuleCondition] => entry[0] !== 'logic' && typeof entry[1] === 'object',
  );
  const byKey = new Map(conditions);
  const keys = conditions.map(([key]) => key);
  const orderKeys = conditions.filter(([, condition]) => !isCustomerCondition(condition)).map(([key]) => key);
  const met = (key: string, assumeOrder: boolean) => {
    const condition = byKey.get(key);
    if (!condition) return false;
    if (assumeOrder && !isCustomerCondition(condition)) return true;
    return conditionMet(condition, context);
  };
  const customerPasses = evaluateLogic(rule.rules.logic, keys, (key) => met(key, true));
  const passes = context.omitOrderRules ? customerPasses : evaluateLogic(rule.rules.logic, keys, (key) => met(key, false));
  const omitted = context.omitOrderRules ? orderKeys : [];
  const failing = conditions.find(([key]) => !met(key, Boolean(context.omitOrderRules)))?.[1];
  return {
    ruleId: rule.id,
    passed: passes,
    status: !passes ? 'INVALID' : omitted.length > 0 ? 'PARTIALLY_VALID' : 'VALID',
    key: passes ? null : customerPasses ? 'order_rules_violated' : 'customer_rules_violated',
    omitted,
    message: passes ? undefined : (rule.error?.message ?? failing?.error?.message),
  };
}

/** Checks every rule `ruleIds` names; a rule the state does not hold fails (the shape check refuses it earlier). */
export function evaluateValidationRules(state: SandboxState, ruleIds: readonly string[] | undefined, context: RuleContext): RuleVerdict[] {
  return (ruleIds ?? []).map((ruleId) => {
    const rule = state.validationRules.get(ruleId);
    if (rule) return evaluateValidationRule(rule, context);
    return { ruleId, passed: false, status: 'INVALID', key: 'order_rules_violated', omitted: [], message: undefined };
  });
}
