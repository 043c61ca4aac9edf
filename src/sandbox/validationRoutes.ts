import type { RouteHandler } from './context.js';
import { newId } from './ids.js';
import { toOrderCalculated } from './orderMath.js';
import { json } from './responses.js';
import { readStackable, sessionOf } from './stackableRequest.js';
import { STACKING_RULES, toValidationRedeemable } from './validationEngine.js';

/**
 * POST /client/v1/validations and POST /v1/validations. A code that does not apply is a 200 with
 * `valid: false` and the error in `redeemables[i].result.error`; only a malformed payload is a 400.
 */
export const validateStackable: RouteHandler = async (context) => {
  const parsed = await readStackable(context, context.api === 'client');
  if (parsed instanceof Response) return parsed;
  const { outcome, who, body } = parsed;
  let before = 0;
  const redeemables = outcome.entries.map((entry) => {
    const result = toValidationRedeemable(entry, outcome, before);
    if (entry.status === 'APPLICABLE') before += entry.discount;
    return result;
  });
  const inapplicable = redeemables.filter((entry) => entry.status === 'INAPPLICABLE');
  const session = sessionOf(body, () => newId('ssn'));
  return json(200, {
    id: newId('valid'),
    valid: outcome.valid,
    redeemables,
    ...(inapplicable.length > 0 ? { inapplicable_redeemables: inapplicable } : {}),
    order: toOrderCalculated(
      outcome.order,
      { discount: outcome.totalDiscount, applied: outcome.totalDiscount },
      who.customer ? { customer_id: who.customer.id } : {},
    ),
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
    ...(session ? { session } : {}),
    stacking_rules: STACKING_RULES,
  });
};
