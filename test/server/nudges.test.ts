import { describe, expect, it } from 'vitest';
import type { SandboxPromotionCampaign, SandboxValidationRule } from 'voucherkit/sandbox';
import { sandboxServer, type SentRequest } from './sandboxFetch.js';

// Issue 19, server: nudges read AUDIENCE_ONLY tiers (the customer's rules checked, the order's skipped) and their
// validation rules (secret keys only) into "add this much more": `$more_than` is strict (+ 1 minor unit).

const rule = (id: string, conditions: Record<string, unknown[]>, name = 'order.amount'): SandboxValidationRule => ({
  id,
  name: id,
  rules: { '1': { name: name as 'order.amount', property: null, conditions }, logic: '1' },
});
const tier = (id: string, rules: string[], banner = `Banner of ${id}`) => ({
  id,
  name: id,
  banner,
  action: { discount: { type: 'AMOUNT' as const, amount_off: 100 } },
  validation_rules: rules,
});
const campaign = (tiers: ReturnType<typeof tier>[]): SandboxPromotionCampaign => ({ id: 'camp_nudges', name: 'Nudges', tiers });

const rulesRead = (sent: SentRequest[]) =>
  sent.filter((request) => request.url.pathname.startsWith('/v1/validation-rules/')).map((request) => request.url.pathname);

describe('nudges', () => {
  it('strict $more_than needs one minor unit past the threshold; $more_than_or_equal needs the threshold itself', async () => {
    const { server } = sandboxServer({
      promotions: [campaign([tier('promo_strict', ['val_strict']), tier('promo_inclusive', ['val_inclusive'])])],
      validationRules: [rule('val_strict', { $more_than: [10_000] }), rule('val_inclusive', { $more_than_or_equal: [10_000] })],
    });
    expect(await server.nudges({ order: { amount: 8_799 }, trackingId: null })).toEqual([
      {
        tierId: 'promo_inclusive',
        banner: 'Banner of promo_inclusive',
        metric: 'order.amount',
        threshold: 10_000,
        inclusive: true,
        missing: 1_201,
        ruleId: 'val_inclusive',
      },
      {
        tierId: 'promo_strict',
        banner: 'Banner of promo_strict',
        metric: 'order.amount',
        threshold: 10_000,
        inclusive: false,
        missing: 1_202,
        ruleId: 'val_strict',
      },
    ]);
    // At exactly the threshold: the strict rule still wants 1 minor unit, the inclusive one is met.
    expect(await server.nudges({ order: { amount: 10_000 }, trackingId: null })).toEqual([expect.objectContaining({ tierId: 'promo_strict', missing: 1 })]);
    expect(await server.nudges({ order: { amount: 10_001 }, trackingId: null })).toEqual([]);
  });

  it('the seeded demo: 10% off over $100 and the VIP tier, nearest first; free shipping is met, the members tier not offered', async () => {
    const { server, sent } = sandboxServer();
    const nudges = await server.nudges({ order: { items: [{ product_id: 'prod_tee', quantity: 2, price: 4_000 }] }, trackingId: null });
    expect(nudges.map(({ tierId, threshold, missing }) => ({ tierId, threshold, missing }))).toEqual([
      { tierId: 'promo_10_off_over_100', threshold: 10_000, missing: 2_001 },
      { tierId: 'promo_vip_25_exclusive', threshold: 20_000, missing: 12_000 },
    ]);
    expect(nudges[0]!.banner).toBe('10% off orders over $100');
    const qualification = sent.find((request) => request.url.pathname === '/v1/qualifications');
    expect(qualification?.body).toMatchObject({ scenario: 'AUDIENCE_ONLY', options: { expand: ['redeemable', 'validation_rules'], limit: 50 } });
    // AUDIENCE_ONLY skips every order rule (free shipping's too: PARTIALLY_VALID); each is read once, the members
    // tier's never (its customer rule failed, so it is not offered).
    expect(rulesRead(sent).sort()).toEqual([
      '/v1/validation-rules/val_order_200_or_more',
      '/v1/validation-rules/val_order_over_100',
      '/v1/validation-rules/val_order_over_50',
    ]);
  });

  it('a rule shared by several tiers is read once; a rule with no order.amount bound gives no nudge', async () => {
    const { server, sent } = sandboxServer({
      promotions: [campaign([tier('promo_a', ['val_shared']), tier('promo_b', ['val_shared']), tier('promo_items', ['val_items'])])],
      validationRules: [rule('val_shared', { $more_than: [5_000] }), rule('val_items', { $in: ['prod_mug'] }, 'product.id')],
    });
    const nudges = await server.nudges({ order: { amount: 1_000 }, trackingId: null });
    expect(nudges.map((nudge) => [nudge.tierId, nudge.missing])).toEqual([
      ['promo_a', 4_001],
      ['promo_b', 4_001],
    ]);
    expect(rulesRead(sent).filter((path) => path.endsWith('val_shared'))).toHaveLength(1);
  });

  it('refuses bad params with the field named, before anything is sent', async () => {
    const { server, sent } = sandboxServer();
    await expect(server.nudges({ order: { amount: -1 }, trackingId: null })).rejects.toThrow(/nudges: `order.amount` must be a whole number of minor units/);
    await expect(server.nudges({ order: {}, trackingId: null })).rejects.toThrow(/nudges: `order.amount` is required/);
    await expect(server.nudges({ order: { amount: 100 }, maxPages: 0, trackingId: null })).rejects.toThrow(/`maxPages` must be a whole number of pages/);
    await expect(server.nudges(undefined as never)).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });
});
