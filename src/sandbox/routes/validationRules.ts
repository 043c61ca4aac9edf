import type { RouteHandler } from '../http/context.js';
import { json, notFound } from '../http/responses.js';

/** When a rule names no `created_at`. */
const RULES_CREATED_AT = '2025-01-01T00:00:00.000Z';

/**
 * GET /v1/validation-rules/{validationRuleId} (secret keys only: there is no client-side twin): the rule as
 * Voucherify stores it, `rules` with its conditions and `logic`; 404 `not_found` for an unknown id.
 */
export const getValidationRule: RouteHandler = (context) => {
  const id = context.params.validationRuleId ?? '';
  const rule = context.state.validationRules.get(id);
  if (!rule) return notFound('validation_rules', id);
  const conditions = Object.entries(rule.rules).filter(([key, value]) => key !== 'logic' && typeof value === 'object');
  const rules = Object.fromEntries(conditions.map(([key, value]) => [key, { property: null, rules: {}, ...(value as object) }]));
  return json(200, {
    id: rule.id,
    name: rule.name,
    rules: { ...rules, logic: rule.rules.logic ?? conditions.map(([key]) => key).join(' and ') },
    ...(rule.error ? { error: rule.error } : {}),
    applicable_to: { excluded: [], included: [], included_all: false },
    created_at: rule.created_at ?? RULES_CREATED_AT,
    type: 'advanced',
    context_type: 'global',
    assignments_count:
      [...context.state.tiers.values()].filter((record) => record.tier.validation_rules?.includes(id)).length +
      [...context.state.vouchers.values()].filter((voucher) => voucher.validation_rules?.includes(id)).length,
    object: 'validation_rules',
  });
};
