import * as z from 'zod/mini';
import { optionalString } from './common.js';

/**
 * One condition of a validation rule: `name` is what it tests (`order.amount`, `customer.metadata`, …) and
 * `conditions` maps an operator (`$more_than`, `$more_than_or_equal`, `$is`, …) to its values.
 */
export const validationRuleConditionSchema = /* @__PURE__ */ z.looseObject({
  name: optionalString,
  property: optionalString,
  // Values are arrays in the spec; kept unchecked here, so one odd operator never hides the rule's others.
  conditions: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()))),
});
/** One condition of a validation rule. */
export type ValidationRuleCondition = z.infer<typeof validationRuleConditionSchema>;

/**
 * GET /v1/validation-rules/{id} (secret keys only): a rule's body, e.g.
 * `{ "1": { "name": "order.amount", "conditions": { "$more_than": [10000] } }, "logic": "1" }`. `logic` is the only
 * string; every other key holds a condition. The only place a tier's threshold can be read.
 */
export const validationRuleSchema = /* @__PURE__ */ z.looseObject({
  id: /* @__PURE__ */ z.string(),
  name: optionalString,
  rules: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(
      /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.union([/* @__PURE__ */ z.string(), validationRuleConditionSchema])),
    ),
  ),
});
/** A validation rule. */
export type ValidationRule = z.infer<typeof validationRuleSchema>;
