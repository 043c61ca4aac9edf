import type { RouteHandler } from '../http/context.js';
import { newId } from '../state/ids.js';
import { toOrderCalculated } from '../engine/orderMath.js';
import { json } from '../http/responses.js';
import { holdFor, lockSession } from '../engine/sessionLocks.js';
import { readStackable } from './stackableRequest.js';
import { STACKING_RULES, toValidationRedeemable } from '../engine/validationEngine.js';

/**
 * POST /client/v1/validations and POST /v1/validations. A code that does not apply is a 200 with
 * `valid: false` and the error in `redeemables[i].result.error`; only a malformed payload is a 400. A valid
 * validation with `session.type: 'LOCK'` holds one use of each code (and a gift card's credits) until a redeem
 * with the key, a DELETE of the session or its ttl; an invalid one holds nothing and echoes no session.
 */
export const validateStackable: RouteHandler = async (context) => {
  const parsed = await readStackable(context, context.api === 'client');
  if (parsed instanceof Response) return parsed;
  const { outcome, who } = parsed;
  let before = 0;
  const redeemables = outcome.entries.map((entry) => {
    const result = toValidationRedeemable(entry, outcome, before);
    if (entry.status === 'APPLICABLE') before += entry.discount;
    return result;
  });
  const inapplicable = redeemables.filter((entry) => entry.status === 'INAPPLICABLE');
  const session = parsed.session && outcome.valid ? lockSession(context.state, context.now, parsed.session, outcome.entries.map(holdFor)) : undefined;
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
