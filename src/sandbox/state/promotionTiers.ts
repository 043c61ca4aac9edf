import type { SandboxCategory, SandboxPromotionCampaign, SandboxTierRecord } from '../types.js';

/** When a tier names no `created_at`: tiers list in the order given, newest first, a second apart. */
const TIER_EPOCH = Date.parse('2025-01-01T00:00:00.000Z');
/** Categories carry no date in the sandbox's input; the API requires one. */
const CATEGORY_CREATED_AT = '2025-01-01T00:00:00.000Z';

/**
 * The stored tiers of `campaigns`, by id: each with its campaign, its categories (the campaign's) and a
 * redemption count of 0. A tier without `created_at` gets a stable one from its position.
 *
 * @example
 * loadTiers(SEED_PROMOTIONS).get('promo_free_shipping')?.campaign.name // 'Free shipping'
 */
export function loadTiers(campaigns: readonly SandboxPromotionCampaign[]): Map<string, SandboxTierRecord> {
  const tiers = new Map<string, SandboxTierRecord>();
  let index = 0;
  for (const campaign of campaigns) {
    for (const tier of campaign.tiers) {
      const created_at = tier.created_at ?? new Date(TIER_EPOCH - index * 1000).toISOString();
      index += 1;
      tiers.set(tier.id, {
        tier: structuredClone({ ...tier, created_at }),
        campaign: structuredClone(campaign),
        categories: structuredClone(campaign.categories ?? []),
        redeemed: 0,
      });
    }
  }
  return tiers;
}

/** A category as the API shows it (`CategoryWithStackingRulesType`). */
export function toCategoryObject(category: SandboxCategory): Record<string, unknown> {
  return {
    id: category.id,
    name: category.name,
    hierarchy: category.hierarchy ?? 1,
    object: 'category',
    created_at: CATEGORY_CREATED_AT,
    ...(category.stacking_rules_type ? { stacking_rules_type: category.stacking_rules_type } : {}),
  };
}

/** Whether the tier and its campaign are active and within their dates at `now`. */
export function isTierLive(record: SandboxTierRecord, now: number): boolean {
  const { tier, campaign } = record;
  if (tier.active === false || campaign.active === false) return false;
  for (const start of [tier.start_date, campaign.start_date]) if (start && Date.parse(start) > now) return false;
  for (const end of [tier.expiration_date, campaign.expiration_date]) if (end && Date.parse(end) < now) return false;
  return true;
}

/**
 * A stored tier in Voucherify's promotion-tier shape (GET /client/v1/promotions/tiers, a redemption's
 * `promotion_tier`); unset dates are left out rather than sent as null.
 */
export function toPromotionTierObject(record: SandboxTierRecord, now: number): Record<string, unknown> {
  const { tier, campaign } = record;
  const dates = (source: { start_date?: string | null | undefined; expiration_date?: string | null | undefined }) => ({
    ...(source.start_date ? { start_date: source.start_date } : {}),
    ...(source.expiration_date ? { expiration_date: source.expiration_date } : {}),
  });
  return {
    id: tier.id,
    created_at: tier.created_at,
    name: tier.name,
    banner: tier.banner ?? tier.name,
    action: { discount: tier.action.discount },
    metadata: tier.metadata ?? {},
    hierarchy: tier.hierarchy ?? 1,
    campaign: { id: campaign.id, ...dates(campaign), active: campaign.active !== false, object: 'campaign' },
    campaign_id: campaign.id,
    active: isTierLive(record, now),
    ...dates(tier),
    summary: { redemptions: { total_redeemed: record.redeemed }, orders: { total_amount: 0, total_discount_amount: 0 } },
    object: 'promotion_tier',
    validation_rule_assignments: {
      object: 'list',
      data_ref: 'data',
      data: (tier.validation_rules ?? []).map((ruleId) => ({
        id: assignmentId(ruleId, tier.id),
        rule_id: ruleId,
        related_object_id: tier.id,
        related_object_type: 'promotion_tier',
        created_at: tier.created_at,
        object: 'validation_rules_assignment',
      })),
      total: (tier.validation_rules ?? []).length,
    },
    ...(record.categories[0] ? { category_id: record.categories[0].id } : {}),
    categories: record.categories.map(toCategoryObject),
  };
}

/** A stable assignment id (`asgm_…`) for a rule on a tier or voucher: the same on every call and every sandbox. */
export function assignmentId(ruleId: string, objectId: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${ruleId}\u0000${objectId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  let second = hash ^ 0x5bd1e995;
  for (const char of `${objectId}\u0000${ruleId}`) second = Math.imul(second ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return `asgm_${hash.toString(36).padStart(7, '0')}${second.toString(36).padStart(7, '0')}`;
}
