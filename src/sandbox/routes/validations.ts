import type { RouteHandler } from '../http/context.js';
import { newId } from '../state/ids.js';
import { toOrderCalculated } from '../engine/orderMath.js';
import { json } from '../http/responses.js';
import { readExpand, toValidationRedeemable } from '../engine/redeemableEntry.js';
import { holdsFor, lockSession } from '../engine/sessionLocks.js';
import { stackingRulesResponse } from '../engine/stackingRules.js';
import { readStackable } from './stackableRequest.js';

/**
 * POST /client/v1/validations and POST /v1/validations. A code or tier that does not apply is a 200 with
 * `valid: false` (ALL mode) and the error in `redeemables[i].result.error`; one the stacking rules leave out is
 * SKIPPED with `result.details.key`; only a malformed payload is a 400. A valid validation with
 * `session.type: 'LOCK'` holds one use of each applied code (and a gift card's credits) until a redeem with the
 * key, a DELETE of the session or its ttl; an invalid one holds nothing and echoes no session.
 */
export const validateStackable: RouteHandler = async (context) => {
  const parsed = await readStackable(context, context.api === 'client');
  if (parsed instanceof Response) return parsed;
  const { outcome, who } = parsed;
  const expand = readExpand(parsed.body.options);
  const redeemables = outcome.entries.map((entry) => toValidationRedeemable(entry, outcome, expand));
  const inapplicable = redeemables.filter((entry) => entry.status === 'INAPPLICABLE');
  const skipped = redeemables.filter((entry) => entry.status === 'SKIPPED');
  const session = parsed.session && outcome.valid ? lockSession(context.state, context.now, parsed.session, holdsFor(outcome.entries)) : undefined;
  return json(200, {
    id: newId('valid'),
    valid: outcome.valid,
    redeemables,
    ...(skipped.length > 0 ? { skipped_redeemables: skipped } : {}),
    ...(inapplicable.length > 0 ? { inapplicable_redeemables: inapplicable } : {}),
    order: toOrderCalculated(
      outcome.order,
      { discount: outcome.totalDiscount, applied: outcome.totalDiscount },
      who.customer ? { customer_id: who.customer.id } : {},
    ),
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
    ...(session ? { session } : {}),
    stacking_rules: stackingRulesResponse(context.state.stackingRules),
  });
};
