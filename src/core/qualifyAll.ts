import type { TransportContext } from './createTransportContext.js';
import { pageQualifications, type QualifyAllResult, type QualifyOptions } from './pageQualifications.js';
import { qualifications, type QualificationsParams } from './qualifications.js';

/** Parameters of `qualifyAll`: the customer and cart, and what to ask for. */
export interface QualifyAllParams extends Omit<QualificationsParams, 'options'>, QualifyOptions {}

/**
 * POST /client/v1/qualifications to the end: every page (50 a page, bounded by `maxPages`), filtered to tiers when
 * asked, expanded with what a promotion list shows. Each entry is priced alone against the undiscounted cart, and
 * Voucherify may answer from a cache up to 5 minutes old that ignores budgets and per-customer limits: a
 * qualification says what could apply; the total of codes and tiers together comes only from `validate` with
 * `promotions`.
 *
 * @example
 * const { redeemables } = await qualifyAll(context, { order, resourceType: 'promotion_tier' })
 * const result = await validate(context, { codes, promotions: redeemables.map((tier) => tier.id), order })
 */
export function qualifyAll(context: TransportContext, params: QualifyAllParams = {}): Promise<QualifyAllResult> {
  const { resourceType, campaignIds, expand, sortingRule, maxPages, ...request } = params;
  return pageQualifications((options) => qualifications(context, { ...request, options }), {
    resourceType,
    campaignIds,
    expand,
    sortingRule,
    maxPages,
  });
}
