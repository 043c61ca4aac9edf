import { decodeTierValidation } from './decodeStackableValidation.js';
import { inapplicableTiers } from './inapplicableTiers.js';
import type { TierValidation } from './validate.js';
import { fromStackableValidation, withStackingFields } from './validationResult.js';

/**
 * How the clients that qualify validate (`createVoucherifyClient`, and the provider's client once `usePromotions`
 * qualified with it): the answer's categories and stacking rules are checked and kept in the result (the SKIPPED
 * reasons read them), and under the ALL application mode a tier found INAPPLICABLE, which fails the codes with it,
 * is dropped and the validation sent once more, so it never costs the shopper a code. Internal.
 *
 * @example
 * context.tiers = validateTiers
 */
export const validateTiers: TierValidation = async (send, promotions, codes) => {
  let body = await send(promotions, decodeTierValidation);
  const dropped = inapplicableTiers(body);
  const kept = promotions.filter((tier) => !dropped.includes(typeof tier === 'string' ? tier : tier.id));
  // Nothing left to validate: the first answer stands (the API refuses an empty list).
  if (dropped.length > 0 && codes.length + kept.length > 0) body = await send(kept, decodeTierValidation);
  return withStackingFields(fromStackableValidation(body, codes), body);
};
