import type { StackableValidationResponse } from '../schemas/stackableValidation.js';
import { answerEntries } from './validationResult.js';

/**
 * The ids of the promotion tiers a stackable validation found INAPPLICABLE when that cost the whole answer: under
 * `redeemables_application_mode: ALL` one inapplicable redeemable fails them all, so a tier that stopped applying
 * (the cart changed, a budget ran out) would reject the shopper's code with it. The caller drops these tiers and
 * validates once more (browser and server alike). Empty under PARTIAL (the others apply anyway), or when nothing
 * failed; an answer without `stacking_rules` counts as ALL when it is invalid.
 *
 * @example
 * const dropped = inapplicableTiers(body) // ['promo_over_100']: validate again without them
 */
export function inapplicableTiers(response: StackableValidationResponse): string[] {
  const mode = response.stacking_rules?.redeemables_application_mode;
  if (mode === 'PARTIAL' || (mode !== 'ALL' && response.valid)) return [];
  return [
    ...new Set(
      answerEntries(response)
        .filter((entry) => entry.object === 'promotion_tier' && entry.status === 'INAPPLICABLE')
        .map((entry) => entry.id),
    ),
  ];
}
