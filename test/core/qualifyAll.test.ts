import { describe, expect, it } from 'vitest';
import { toPromotion } from 'voucherkit/core';
import { createSandbox, SEED_PROMOTIONS, type SandboxPromotionCampaign } from 'voucherkit/sandbox';
import { sandboxClient } from './sandboxClient.js';

// Issue 19: a qualification pages to its end (Voucherify's default page of 5 would drop a sixth tier), bounded,
// filtered to tiers when asked and expanded with what a promotion list shows.

/** A campaign of `count` code-less tiers, all qualifying, created one second apart. */
function manyTiers(count: number): SandboxPromotionCampaign {
  return {
    id: 'camp_many',
    name: 'Many',
    tiers: Array.from({ length: count }, (_, index) => ({
      id: `promo_${String(index).padStart(3, '0')}`,
      name: `Tier ${index}`,
      banner: `Banner ${index}`,
      action: { discount: { type: 'AMOUNT' as const, amount_off: 100 + index } },
      created_at: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
    })),
  };
}

const qualificationBodies = async (recorder: ReturnType<typeof sandboxClient>) =>
  (await Promise.all(recorder.requests.map((_, index) => recorder.body(index)))).filter((body) => 'scenario' in body || 'options' in body);

describe('qualifyAll', () => {
  it.each([6, 51, 120])('reads all %i tiers in pages of 50, each page starting after the last one', async (count) => {
    const recorder = sandboxClient({ sandbox: createSandbox({ promotions: [manyTiers(count)] }) });
    const result = await recorder.client.qualifyAll({ order: { amount: 10_000 }, resourceType: 'promotion_tier' });
    expect(result.complete).toBe(true);
    expect(result.redeemables.map((entry) => entry.id).sort()).toEqual(manyTiers(count).tiers.map((tier) => tier.id));
    const bodies = await qualificationBodies(recorder);
    expect(bodies).toHaveLength(Math.ceil(count / 50));
    bodies.forEach((body, index) => {
      const options = body.options as Record<string, unknown>;
      expect(options.limit).toBe(50);
      expect(options.filters).toEqual({ resource_type: { conditions: { $in: ['promotion_tier'] } } });
      expect(options.expand).toEqual(['redeemable', 'category']);
      // The cursor is the previous page's oldest entry (newest first): the 50th of the list so far.
      if (index === 0) expect(options.starting_after).toBeUndefined();
      else expect(options.starting_after).toBe(result.redeemables[index * 50 - 1]!.created_at);
    });
  });

  it('stops at maxPages and says the list is a prefix', async () => {
    const recorder = sandboxClient({ sandbox: createSandbox({ promotions: [manyTiers(120)] }) });
    const result = await recorder.client.qualifyAll({ order: { amount: 10_000 }, resourceType: 'promotion_tier', maxPages: 2 });
    expect(result.complete).toBe(false);
    expect(result.redeemables).toHaveLength(100);
    expect(await qualificationBodies(recorder)).toHaveLength(2);
    await expect(recorder.client.qualifyAll({ maxPages: 0 })).rejects.toThrow(/maxPages/);
  });

  it('filters to tiers and folds each into what a list shows: banner, name, campaign, categories, the discount priced alone', async () => {
    const recorder = sandboxClient({ sandbox: createSandbox({ promotions: SEED_PROMOTIONS }) });
    const cart = {
      items: [
        { product_id: 'prod_tee', quantity: 1, price: 11_000 },
        { source_id: '5h1pp1ng', related_object: 'product' as const, quantity: 1, price: 500 },
      ],
    };
    const { redeemables } = await recorder.client.qualifyAll({ order: cart, resourceType: 'promotion_tier' });
    expect(redeemables.every((entry) => entry.object === 'promotion_tier')).toBe(true);
    const promotions = redeemables.map(toPromotion);
    expect(promotions.map((promotion) => promotion.id).sort()).toEqual(['promo_10_off_over_100', 'promo_free_shipping']);
    expect(promotions.find((promotion) => promotion.id === 'promo_free_shipping')).toMatchObject({
      banner: 'Free shipping on orders over $50',
      name: 'Free shipping over $50',
      campaignId: 'camp_free_shipping',
      campaignName: 'Free shipping',
      categories: [{ id: 'cat_shipping', stacking_rules_type: 'JOINT' }],
      discount: { type: 'UNIT', unit_type: 'prod_5h1pp1ng' },
      discountAmountAlone: 500,
    });
    // Priced alone against the undiscounted cart: 10% of 115.00.
    expect(promotions.find((promotion) => promotion.id === 'promo_10_off_over_100')?.discountAmountAlone).toBe(1150);
  });
});
