import { describe, expect, it } from 'vitest';
import { createSandbox, type SandboxPromotionCampaign, type SandboxStackingRules } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// The stacking rules against the guides' scenarios (documentation/orchestrate/using-stacking-rules-and-categories.mdx)
// and each SKIPPED key of the spec (ValidationsRedeemableSkippedResult*).

const tier = (id: string, percent: number, extra: Partial<SandboxPromotionCampaign['tiers'][number]> = {}) => ({
  id,
  name: `${percent}% off`,
  action: { discount: { type: 'PERCENT' as const, percent_off: percent, effect: 'APPLY_TO_ORDER' as const } },
  ...extra,
});
const campaign = (id: string, tiers: SandboxPromotionCampaign['tiers'], categories?: SandboxPromotionCampaign['categories']): SandboxPromotionCampaign => ({
  id,
  name: id,
  tiers,
  ...(categories ? { categories } : {}),
});
const promo = (id: string) => ({ object: 'promotion_tier', id });
const voucher = (id: string) => ({ object: 'voucher', id });

/** The guide's two campaigns: 10% off everything, 20% off orders above $100. */
const guideCampaigns = (categories?: { ten?: SandboxPromotionCampaign['categories']; twenty?: SandboxPromotionCampaign['categories'] }) => [
  campaign('camp_ten', [tier('promo_ten', 10)], categories?.ten),
  campaign('camp_twenty', [tier('promo_twenty', 20, { validation_rules: ['val_over_100'] })], categories?.twenty),
];
const over100 = [{ id: 'val_over_100', name: 'Over $100', rules: { '1': { name: 'order.amount' as const, conditions: { $more_than: [10000] } } } }];
const guideSandbox = (stackingRules?: SandboxStackingRules, categories?: Parameters<typeof guideCampaigns>[0]) =>
  createSandbox({ promotions: guideCampaigns(categories), validationRules: over100, ...(stackingRules ? { stackingRules } : {}) });

const validate = (sandbox: ReturnType<typeof createSandbox>, redeemables: unknown[], order: unknown = { amount: 10500 }) =>
  call(sandbox, 'POST', '/v1/validations', { redeemables, order }).then((response) => response.body);
const statuses = (body: { redeemables: Array<{ id: string; status: string }> }) => body.redeemables.map((entry) => [entry.id, entry.status]);
const skipKey = (body: { redeemables: Array<{ id: string; result: { details?: { key: string } } }> }, id: string) =>
  body.redeemables.find((entry) => entry.id === id)?.result.details?.key;

describe('the order of application changes the result (the guide: 10% and 20% off over $100 on a $105 cart)', () => {
  it('20% then 10%: both apply, each on what the previous left (based on discounted amount)', async () => {
    const body = await validate(guideSandbox(), [promo('promo_twenty'), promo('promo_ten')]);
    expect(body.valid).toBe(true);
    // 20% of 105.00 = 21.00 → 84.00; 10% of 84.00 = 8.40 → 75.60.
    expect(body.redeemables.map((entry: { order: { applied_discount_amount: number } }) => entry.order.applied_discount_amount)).toEqual([2100, 840]);
    expect(body.order).toMatchObject({ amount: 10500, total_discount_amount: 2940, total_amount: 7560 });
  });

  it('10% then 20% under PARTIAL: 10% leaves $94.50, below the 20% threshold, so only 10% applies', async () => {
    const body = await validate(guideSandbox({ redeemables_application_mode: 'PARTIAL' }), [promo('promo_ten'), promo('promo_twenty')]);
    expect(body.valid).toBe(true);
    expect(statuses(body)).toEqual([
      ['promo_ten', 'APPLICABLE'],
      ['promo_twenty', 'INAPPLICABLE'],
    ]);
    expect(body.redeemables[1].result.error).toMatchObject({ key: 'order_rules_violated', resource_type: 'promotion_tier', resource_id: 'promo_twenty' });
    expect(body.inapplicable_redeemables).toHaveLength(1);
    expect(body.order).toMatchObject({ total_discount_amount: 1050, total_amount: 9450 });
  });

  it('10% then 20% under ALL (the default): the inapplicable 20% makes the whole validation invalid', async () => {
    const body = await validate(guideSandbox(), [promo('promo_ten'), promo('promo_twenty')]);
    expect(body.valid).toBe(false);
    expect(body.order).toMatchObject({ total_discount_amount: 0, total_amount: 10500 });
    expect(body.stacking_rules).toMatchObject({ redeemables_application_mode: 'ALL', applicable_redeemables_limit: 5 });
  });

  it('CATEGORY_HIERARCHY applies the lower hierarchy first, whatever the request order', async () => {
    const sandbox = guideSandbox(
      { redeemables_sorting_rule: 'CATEGORY_HIERARCHY' },
      { ten: [{ id: 'cat_ten', name: 'Ten', hierarchy: 2 }], twenty: [{ id: 'cat_twenty', name: 'Twenty', hierarchy: 1 }] },
    );
    const body = await validate(sandbox, [promo('promo_ten'), promo('promo_twenty')]);
    expect(statuses(body)).toEqual([
      ['promo_twenty', 'APPLICABLE'],
      ['promo_ten', 'APPLICABLE'],
    ]);
    expect(body.order.total_discount_amount).toBe(2940);
    expect(body.stacking_rules.redeemables_sorting_rule).toBe('CATEGORY_HIERARCHY');
  });
});

describe('exclusive (never stackable) and joint (always stackable) categories, on the seeded campaigns', () => {
  // $200 of goods plus a $5 shipping line: every seeded order tier qualifies on its own.
  const bigCart = {
    items: [
      { product_id: 'prod_tv', quantity: 1, price: 20000 },
      { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 500 },
    ],
  };
  const seeded = ['promo_10_off_over_100', 'promo_free_shipping', 'promo_vip_25_exclusive'].map(promo);

  it('the exclusive tier applies first and blocks the common one; the joint free shipping still applies', async () => {
    const body = await validate(createSandbox(), seeded, bigCart);
    expect(body.valid).toBe(true);
    expect(statuses(body)).toEqual([
      ['promo_vip_25_exclusive', 'APPLICABLE'],
      ['promo_10_off_over_100', 'SKIPPED'],
      ['promo_free_shipping', 'APPLICABLE'],
    ]);
    expect(skipKey(body, 'promo_10_off_over_100')).toBe('exclusion_rules_not_met');
    expect(body.skipped_redeemables).toEqual([expect.objectContaining({ id: 'promo_10_off_over_100', status: 'SKIPPED' })]);
    // 25% of 205.00 = 51.25, then the $5 shipping line free.
    expect(body.order).toMatchObject({ amount: 20500, total_discount_amount: 5625, total_amount: 14875 });
    expect(body.stacking_rules).toMatchObject({ exclusive_categories: ['cat_exclusive'], joint_categories: ['cat_shipping'] });
  });

  it('without the exclusive tier the common and the joint tiers stack', async () => {
    const body = await validate(createSandbox(), seeded.slice(0, 2), bigCart);
    expect(statuses(body)).toEqual([
      ['promo_10_off_over_100', 'APPLICABLE'],
      ['promo_free_shipping', 'APPLICABLE'],
    ]);
    expect(body.order.total_discount_amount).toBe(2050 + 500);
  });

  it('a code stacks with the tiers in the order sent (codes first), and the answer carries no banner', async () => {
    const body = await validate(createSandbox(), [voucher('SAVE10'), ...seeded.slice(0, 2)], bigCart);
    expect(body.valid).toBe(true);
    // 10.00 off 205.00, 10% of 195.00, then shipping.
    expect(body.order.total_discount_amount).toBe(1000 + 1950 + 500);
    expect(JSON.stringify(body)).not.toContain('banner');
  });
});

describe('ALL and PARTIAL (the guide: a valid welcome incentive and an expired one)', () => {
  it('ALL: nothing applies, and what follows the failure is SKIPPED preceding_validation_failed', async () => {
    const body = await validate(createSandbox(), [voucher('EXPIRED'), voucher('SAVE10')], { amount: 4000 });
    expect(body.valid).toBe(false);
    expect(statuses(body)).toEqual([
      ['EXPIRED', 'INAPPLICABLE'],
      ['SAVE10', 'SKIPPED'],
    ]);
    expect(skipKey(body, 'SAVE10')).toBe('preceding_validation_failed');
    expect(body.order.total_discount_amount).toBe(0);
  });

  it('PARTIAL: the valid one applies and is redeemed; the invalid one is reported beside it', async () => {
    const sandbox = createSandbox({ stackingRules: { redeemables_application_mode: 'PARTIAL' } });
    const body = await validate(sandbox, [voucher('EXPIRED'), voucher('SAVE10')], { amount: 4000 });
    expect(body.valid).toBe(true);
    expect(statuses(body)).toEqual([
      ['EXPIRED', 'INAPPLICABLE'],
      ['SAVE10', 'APPLICABLE'],
    ]);
    expect(body.order.total_discount_amount).toBe(1000);
    const redeemed = await call(sandbox, 'POST', '/v1/redemptions', { redeemables: [voucher('EXPIRED'), voucher('SAVE10')], order: { amount: 4000 } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.redemptions.map((record: { voucher: { code: string } }) => record.voucher.code)).toEqual(['SAVE10']);
    expect(redeemed.body.inapplicable_redeemables).toEqual([expect.objectContaining({ id: 'EXPIRED', status: 'INAPPLICABLE' })]);
  });

  it('ALL: a redeem with an inapplicable redeemable redeems nothing', async () => {
    const sandbox = createSandbox();
    const redeemed = await call(sandbox, 'POST', '/v1/redemptions', { redeemables: [voucher('SAVE10'), voucher('EXPIRED')], order: { amount: 4000 } });
    expect(redeemed.status).toBe(400);
    expect(redeemed.body.key).toBe('voucher_expired');
    expect(sandbox.state.redemptions.size).toBe(0);
  });
});

describe('each SKIPPED key', () => {
  const exclusiveCampaigns = (sameCategory: boolean): SandboxPromotionCampaign[] => [
    campaign('camp_a', [tier('promo_a', 10)], [{ id: 'cat_x1', name: 'X1', stacking_rules_type: 'EXCLUSIVE' }]),
    campaign('camp_b', [tier('promo_b', 5)], [{ id: sameCategory ? 'cat_x1' : 'cat_x2', name: 'X', stacking_rules_type: 'EXCLUSIVE' }]),
  ];

  it('applicable_redeemables_limit_exceeded', async () => {
    const body = await validate(createSandbox({ stackingRules: { applicable_redeemables_limit: 1 } }), [voucher('SAVE10'), voucher('PERCENT15')]);
    expect(body.valid).toBe(true);
    expect(skipKey(body, 'PERCENT15')).toBe('applicable_redeemables_limit_exceeded');
    expect(body.redeemables[1].result.details.message).toBe('Applicable redeemables limit exceeded');
    expect(body.stacking_rules.applicable_redeemables_limit).toBe(1);
  });

  it('applicable_redeemables_limit_exceeded at the default limit of 5', async () => {
    const codes = ['SAVE10', 'PERCENT15', 'HALFCAP', 'FREEUNIT', 'FIXED20', 'GIFT50'].map(voucher);
    const body = await validate(createSandbox(), codes, { amount: 100000 });
    expect(body.redeemables.filter((entry: { status: string }) => entry.status === 'APPLICABLE')).toHaveLength(5);
    expect(skipKey(body, 'GIFT50')).toBe('applicable_redeemables_limit_exceeded');
  });

  it('applicable_redeemables_per_category_limit_exceeded (1 per category by default, per-category overrides)', async () => {
    const promotions = [campaign('camp_c', [tier('promo_a', 10), tier('promo_b', 5)], [{ id: 'cat_sale', name: 'Sale' }])];
    const body = await validate(createSandbox({ promotions, validationRules: [] }), [promo('promo_a'), promo('promo_b')]);
    expect(skipKey(body, 'promo_b')).toBe('applicable_redeemables_per_category_limit_exceeded');
    const raised = createSandbox({ promotions, validationRules: [], stackingRules: { applicable_redeemables_category_limits: { cat_sale: 2 } } });
    expect(statuses(await validate(raised, [promo('promo_a'), promo('promo_b')]))).toEqual([
      ['promo_a', 'APPLICABLE'],
      ['promo_b', 'APPLICABLE'],
    ]);
  });

  it('applicable_exclusive_redeemables_limit_exceeded', async () => {
    const body = await validate(createSandbox({ promotions: exclusiveCampaigns(false), validationRules: [] }), [promo('promo_a'), promo('promo_b')]);
    expect(skipKey(body, 'promo_b')).toBe('applicable_exclusive_redeemables_limit_exceeded');
  });

  it('applicable_exclusive_redeemables_per_category_limit_exceeded', async () => {
    const sandbox = createSandbox({
      promotions: exclusiveCampaigns(true),
      validationRules: [],
      stackingRules: { applicable_exclusive_redeemables_limit: 2, applicable_exclusive_redeemables_per_category_limit: 1 },
    });
    const body = await validate(sandbox, [promo('promo_a'), promo('promo_b')]);
    expect(skipKey(body, 'promo_b')).toBe('applicable_exclusive_redeemables_per_category_limit_exceeded');
  });

  it('exclusion_rules_not_met, preceding_validation_failed: see above; no_effect when the rule is SKIP', async () => {
    // Free shipping on a cart without a shipping line takes 0 off.
    const body = await validate(createSandbox({ stackingRules: { redeemables_no_effect_rule: 'SKIP' } }), [voucher('SAVE10'), promo('promo_free_shipping')], {
      amount: 7000,
    });
    expect(body.valid).toBe(true);
    expect(skipKey(body, 'promo_free_shipping')).toBe('no_effect');
    const anyway = await validate(createSandbox(), [voucher('SAVE10'), promo('promo_free_shipping')], { amount: 7000 });
    expect(statuses(anyway)).toEqual([
      ['SAVE10', 'APPLICABLE'],
      ['promo_free_shipping', 'APPLICABLE'],
    ]);
  });
});

describe('stacking rules given to createSandbox', () => {
  it('refuses values outside what Voucherify accepts, naming the field', () => {
    expect(() => createSandbox({ stackingRules: { applicable_redeemables_limit: 0 } })).toThrow(/applicable_redeemables_limit/);
    expect(() => createSandbox({ stackingRules: { applicable_exclusive_redeemables_limit: 6 } })).toThrow(/from 1 to 5/);
    expect(() => createSandbox({ stackingRules: { redeemables_application_mode: 'SOME' as 'ALL' } })).toThrow(/ALL, PARTIAL/);
  });

  it('redeemables_limit caps the request', async () => {
    const { status, body } = await call(createSandbox({ stackingRules: { redeemables_limit: 2 } }), 'POST', '/v1/validations', {
      redeemables: ['SAVE10', 'PERCENT15', 'HALFCAP'].map(voucher),
    });
    expect(status).toBe(400);
    expect(body.details).toBe('redeemables accepts at most 2 entries');
  });
});
