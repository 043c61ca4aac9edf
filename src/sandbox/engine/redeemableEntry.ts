import { toCategoryObject } from '../state/promotionTiers.js';
import { toOrderCalculated } from './orderMath.js';
import { SKIP_MESSAGES } from './stackingRules.js';
import type { Evaluated, StackOutcome } from './validationEngine.js';

/** The `options.expand` values the stackable calls and qualifications honour. */
export type Expand = ReadonlySet<string>;

/** Reads `options.expand` (unknown values are ignored, as Voucherify ignores them). */
export function readExpand(options: unknown): Expand {
  const expand = options && typeof options === 'object' ? (options as { expand?: unknown }).expand : undefined;
  return new Set(Array.isArray(expand) ? expand.filter((value): value is string => typeof value === 'string') : []);
}

/** The `result` of one redeemable: its discount or gift when it applies, its error or skip reason otherwise. */
export function redeemableResult(entry: Evaluated): Record<string, unknown> {
  if (entry.status === 'SKIPPED' && entry.skip) return { details: { key: entry.skip, message: SKIP_MESSAGES[entry.skip] } };
  if (entry.status !== 'APPLICABLE') return { error: entry.error };
  if (entry.tier) return { discount: entry.tier.tier.action.discount };
  if (entry.voucher?.gift) return { gift: { balance: entry.voucher.gift.balance, credits: entry.discount } };
  return { discount: entry.voucher?.discount };
}

/**
 * What `expand` adds to a redeemable: `redeemable` its name and campaign (and a tier's banner), `category` its
 * categories. Nothing for a redeemable the sandbox does not hold.
 */
export function expandedFields(entry: Pick<Evaluated, 'voucher' | 'tier' | 'categories'>, expand: Expand): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (expand.has('category') && (entry.voucher || entry.tier)) fields.categories = entry.categories.map(toCategoryObject);
  if (expand.has('redeemable') && entry.tier) {
    const { tier, campaign } = entry.tier;
    Object.assign(fields, { name: tier.name, banner: tier.banner ?? tier.name, campaign_name: campaign.name, campaign_id: campaign.id });
  } else if (expand.has('redeemable') && entry.voucher) {
    if (entry.voucher.campaign) fields.campaign_name = entry.voucher.campaign;
  }
  return fields;
}

/** The metadata a redeemable reports: the voucher's or the tier's. */
export const metadataOf = (entry: Pick<Evaluated, 'voucher' | 'tier'>): Record<string, unknown> => entry.voucher?.metadata ?? entry.tier?.tier.metadata ?? {};

const emptyList = () => ({ data: [], total: 0, object: 'list', data_ref: 'data' });

/** The `redeemables[i]` entry of a validation response (the banner is a qualification's field, never a validation's). */
export function toValidationRedeemable(entry: Evaluated, outcome: StackOutcome, expand: Expand = new Set()): Record<string, unknown> {
  const { banner: _banner, ...expanded } = expandedFields(entry, expand);
  const base = { status: entry.status, id: entry.request.id, object: entry.request.object === 'voucher' ? 'voucher' : 'promotion_tier', ...expanded };
  if (entry.status !== 'APPLICABLE') return { ...base, result: redeemableResult(entry) };
  return {
    ...base,
    order: toOrderCalculated(outcome.order, { discount: entry.before + entry.discount, applied: entry.discount }),
    applicable_to: emptyList(),
    inapplicable_to: emptyList(),
    result: redeemableResult(entry),
    metadata: metadataOf(entry),
  };
}
