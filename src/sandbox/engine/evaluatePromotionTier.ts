import { errorBody, type ApiErrorBody } from '../http/responses.js';
import { isTierLive } from '../state/promotionTiers.js';
import type { SandboxState, SandboxTierRecord } from '../types.js';
import { evaluateValidationRules, type RuleContext, type RuleVerdict } from './evaluateValidationRules.js';

/** A tier checked against an order and a customer: the rejection (null when it applies) and each rule's verdict. */
export interface TierCheck {
  error: ApiErrorBody | null;
  verdicts: RuleVerdict[];
}

const messages = {
  order_rules_violated: 'Order does not match validation rules',
  customer_rules_violated: 'Customer does not match validation rules',
} as const;

/**
 * Checks a promotion tier in Voucherify's order: it exists (404 `not_found`), it and its campaign are active
 * and within their dates (`promotion_inactive`, the key Voucherify's failed tier redemptions carry), then its
 * validation rules (`customer_rules_violated` when a customer condition fails, else `order_rules_violated`,
 * with the merchant's message in `error.message`).
 *
 * @example
 * checkPromotionTier(state.tiers.get('promo_10_off_over_100'), 'promo_10_off_over_100', now, state, { orderAmount: 10001, items: [], customerMetadata: null }).error // null
 */
export function checkPromotionTier(record: SandboxTierRecord | undefined, id: string, now: number, state: SandboxState, context: RuleContext): TierCheck {
  const resource = { resource_id: id, resource_type: 'promotion_tier' };
  if (!record) {
    return {
      error: errorBody({ code: 404, key: 'not_found', message: 'Resource not found', details: `Cannot find promotion_tier with id ${id}`, ...resource }),
      verdicts: [],
    };
  }
  if (!isTierLive(record, now)) {
    return {
      error: errorBody({ code: 400, key: 'promotion_inactive', message: 'Inactive Promotion', details: `Promotion tier ${id} is not active now`, ...resource }),
      verdicts: [],
    };
  }
  const verdicts = evaluateValidationRules(state, record.tier.validation_rules, context);
  const failed = verdicts.find((verdict) => !verdict.passed);
  if (!failed?.key) return { error: null, verdicts };
  return {
    error: errorBody({
      code: 400,
      key: failed.key,
      message: messages[failed.key],
      details: `Promotion tier ${id} does not meet validation rule ${failed.ruleId}`,
      ...resource,
      ...(failed.message ? { error: { message: failed.message } } : {}),
    }),
    verdicts,
  };
}
