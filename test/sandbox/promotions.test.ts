import { describe, expect, it } from 'vitest';
import { createSandbox, SEED_PROMOTIONS, SEED_VALIDATION_RULES, type SandboxPromotionCampaign } from 'voucherkit/sandbox';
import { call, clientHeaders } from './sandboxRequest.js';

// Promotion campaigns and tiers: the seeds, a test's own, the tier list, the validation rules and a tier's life
// through validation, redemption and the stacked rollback.

const shippingLine = { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 500 };
const cart = (goods: number) => ({ items: [{ product_id: 'prod_tee', quantity: 1, price: goods }, shippingLine] });
const promo = (id: string) => ({ object: 'promotion_tier', id });

describe('the seeded campaigns', () => {
  it('have stable ids, and every rule they name is seeded', () => {
    expect(SEED_PROMOTIONS.flatMap((campaign) => campaign.tiers.map((tier) => tier.id))).toEqual([
      'promo_free_shipping',
      'promo_10_off_over_100',
      'promo_members_5_off',
      'promo_vip_25_exclusive',
    ]);
    const rules = new Set(SEED_VALIDATION_RULES.map((rule) => rule.id));
    expect(SEED_PROMOTIONS.flatMap((campaign) => campaign.tiers.flatMap((tier) => tier.validation_rules ?? [])).every((id) => rules.has(id))).toBe(true);
  });

  it('free shipping over $50 is a UNIT discount on the shipping product, taking the shipping line off', async () => {
    const over = await call(createSandbox(), 'POST', '/v1/validations', { redeemables: [promo('promo_free_shipping')], order: cart(4501) });
    expect(over.body.valid).toBe(true);
    expect(over.body.redeemables[0]).toMatchObject({
      status: 'APPLICABLE',
      object: 'promotion_tier',
      result: { discount: { type: 'UNIT', unit_type: 'prod_5h1pp1ng', effect: 'ADD_MISSING_ITEMS', unit_off: 1 } },
    });
    expect(over.body.order).toMatchObject({ amount: 5001, total_discount_amount: 500, total_amount: 4501 });
    // $more_than is strict: exactly $50 does not qualify.
    const exactly = await call(createSandbox(), 'POST', '/v1/validations', { redeemables: [promo('promo_free_shipping')], order: cart(4500) });
    expect(exactly.body.valid).toBe(false);
    expect(exactly.body.redeemables[0].result.error).toMatchObject({ key: 'order_rules_violated', resource_type: 'promotion_tier' });
  });

  it("the members tier reads customer metadata (the request's, else the stored customer's), with the rule's message", async () => {
    const sandbox = createSandbox();
    const validate = (customer: unknown) =>
      call(sandbox, 'POST', '/v1/validations', { redeemables: [promo('promo_members_5_off')], order: { amount: 3000 }, customer }).then((r) => r.body);
    const stranger = await validate({ source_id: 'bob@example.com' });
    expect(stranger.redeemables[0].result.error).toMatchObject({ key: 'customer_rules_violated', error: { message: 'This offer is for members only' } });
    expect((await validate({ source_id: 'ada@example.com', metadata: { member: true } })).order.total_discount_amount).toBe(500);
    await call(sandbox, 'POST', '/v1/customers', { source_id: 'cy@example.com', metadata: { member: true } });
    expect((await validate({ source_id: 'cy@example.com' })).valid).toBe(true);
  });

  it('an inactive, future or expired tier answers promotion_inactive; an unknown one 404 not_found', async () => {
    const promotions: SandboxPromotionCampaign[] = [
      {
        id: 'camp_x',
        name: 'X',
        tiers: [
          { id: 'promo_off', name: 'Off', active: false, action: { discount: { type: 'AMOUNT', amount_off: 100 } } },
          { id: 'promo_later', name: 'Later', start_date: '2099-01-01T00:00:00Z', action: { discount: { type: 'AMOUNT', amount_off: 100 } } },
        ],
      },
      {
        id: 'camp_old',
        name: 'Old',
        expiration_date: '2020-01-01T00:00:00Z',
        tiers: [{ id: 'promo_old', name: 'Old', action: { discount: { type: 'AMOUNT', amount_off: 100 } } }],
      },
    ];
    const sandbox = createSandbox({ promotions, validationRules: [], stackingRules: { redeemables_application_mode: 'PARTIAL' } });
    const { body } = await call(sandbox, 'POST', '/v1/validations', {
      redeemables: ['promo_off', 'promo_later', 'promo_old', 'promo_nope'].map(promo),
      order: { amount: 1000 },
    });
    expect(body.redeemables.map((entry: { result: { error: { key: string; code: number } } }) => [entry.result.error.key, entry.result.error.code])).toEqual([
      ['promotion_inactive', 400],
      ['promotion_inactive', 400],
      ['promotion_inactive', 400],
      ['not_found', 404],
    ]);
  });
});

describe('a test defines its own promotions and validation rules', () => {
  const rules = [
    {
      id: 'val_shirt_and_over_20',
      name: 'A shirt in the cart and over $20',
      rules: {
        '1': { name: 'order.items.any' as const, conditions: { $is: ['prod_shirt'] } },
        '2': { name: 'order.amount' as const, conditions: { $more_than_or_equal: [2000] } },
        '3': { name: 'order.amount' as const, conditions: { $less_than: [100000] } },
        logic: '1 and (2 and 3)',
      },
    },
  ];
  const promotions: SandboxPromotionCampaign[] = [
    {
      id: 'camp_shirts',
      name: 'Shirts',
      tiers: [
        { id: 'promo_shirt', name: '$3 off shirts', action: { discount: { type: 'AMOUNT', amount_off: 300 } }, validation_rules: ['val_shirt_and_over_20'] },
      ],
    },
  ];

  it('applies a product-in-cart rule with logic', async () => {
    const sandbox = createSandbox({ promotions, validationRules: rules });
    const validate = (items: unknown[]) =>
      call(sandbox, 'POST', '/v1/validations', { redeemables: [promo('promo_shirt')], order: { items } }).then((r) => r.body.valid);
    expect(await validate([{ product_id: 'prod_shirt', quantity: 1, price: 2500 }])).toBe(true);
    expect(await validate([{ product_id: 'prod_sock', quantity: 1, price: 2500 }])).toBe(false);
    expect(await validate([{ product_id: 'prod_shirt', quantity: 1, price: 1500 }])).toBe(false);
  });

  it('a rule assigned to a voucher is checked as well', async () => {
    const sandbox = createSandbox({
      promotions: [],
      validationRules: rules,
      vouchers: [{ code: 'SHIRTS', discount: { type: 'AMOUNT', amount_off: 100 }, validation_rules: ['val_shirt_and_over_20'] }],
    });
    const { body } = await call(sandbox, 'POST', '/v1/validations', { redeemables: [{ object: 'voucher', id: 'SHIRTS' }], order: { amount: 5000 } });
    expect(body.redeemables[0].result.error).toMatchObject({ key: 'order_rules_violated', resource_type: 'voucher' });
  });

  it.each([
    [{ promotions: [{ id: 'camp', name: 'C', tiers: [] }] }, /needs at least one tier/],
    [{ promotions: [{ id: 'camp', name: 'C', tiers: [{ id: 'p', name: 'P', action: { discount: { type: 'SHIPPING' } } }] }] }, /tier "p"/],
    [
      {
        promotions: [
          { id: 'camp', name: 'C', tiers: [{ id: 'p', name: 'P', action: { discount: { type: 'AMOUNT', amount_off: 1 } }, validation_rules: ['val_nope'] }] },
        ],
      },
      /val_nope/,
    ],
    [{ validationRules: [{ id: 'val_a', name: 'A', rules: { '1': { name: 'order.count', conditions: { $is: [1] } } } }] }, /order.count/],
    [
      { validationRules: [{ id: 'val_a', name: 'A', rules: { '1': { name: 'order.amount', conditions: { $more_than: [1] } }, logic: '1 and 2' } }] },
      /logic names rule 2/,
    ],
    [{ promotions: [], vouchers: [{ code: 'V', discount: { type: 'AMOUNT', amount_off: 1 }, validation_rules: ['val_nope'] }] }, /voucher "V".*val_nope/],
  ])('refuses what it could not serve, with a clear error (%#)', (options, message) => {
    expect(() => createSandbox(options as Parameters<typeof createSandbox>[0])).toThrow(message);
  });
});

describe('GET /client/v1/promotions/tiers', () => {
  it('lists the seeded tiers with their banner, campaign and categories, newest first', async () => {
    const { status, body } = await call(createSandbox(), 'GET', '/client/v1/promotions/tiers');
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'list', data_ref: 'tiers', total: 4, has_more: false });
    expect(body.tiers.map((tier: { id: string }) => tier.id)).toEqual([
      'promo_free_shipping',
      'promo_10_off_over_100',
      'promo_members_5_off',
      'promo_vip_25_exclusive',
    ]);
    expect(body.tiers[0]).toMatchObject({
      banner: 'Free shipping on orders over $50',
      campaign_id: 'camp_free_shipping',
      active: true,
      categories: [{ id: 'cat_shipping', stacking_rules_type: 'JOINT', object: 'category' }],
      validation_rule_assignments: { total: 1, data: [{ rule_id: 'val_order_over_50', related_object_type: 'promotion_tier' }] },
    });
  });

  it('pages, orders and keeps only the available tiers when asked', async () => {
    const sandbox = createSandbox({
      promotions: [
        {
          id: 'camp',
          name: 'C',
          tiers: [
            { id: 'promo_on', name: 'On', action: { discount: { type: 'AMOUNT', amount_off: 1 } } },
            { id: 'promo_off', name: 'Off', active: false, action: { discount: { type: 'AMOUNT', amount_off: 1 } } },
          ],
        },
      ],
    });
    const ids = async (query: string) => (await call(sandbox, 'GET', `/client/v1/promotions/tiers${query}`)).body.tiers.map((tier: { id: string }) => tier.id);
    expect(await ids('')).toEqual(['promo_on', 'promo_off']);
    expect(await ids('?order=created_at')).toEqual(['promo_off', 'promo_on']);
    expect(await ids('?is_available=true')).toEqual(['promo_on']);
    expect(await ids('?limit=1&page=2')).toEqual(['promo_off']);
    expect((await call(sandbox, 'GET', '/client/v1/promotions/tiers?order=name')).status).toBe(400);
  });
});

describe('GET /v1/validation-rules/{id}', () => {
  it('answers the rule with its threshold, for secret keys only', async () => {
    const sandbox = createSandbox();
    const { status, body } = await call(sandbox, 'GET', '/v1/validation-rules/val_order_over_100');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'val_order_over_100',
      object: 'validation_rules',
      rules: { '1': { name: 'order.amount', conditions: { $more_than: [10000] } }, logic: '1' },
      assignments_count: 1,
    });
    expect((await call(sandbox, 'GET', '/v1/validation-rules/val_nope')).status).toBe(404);
    expect((await call(sandbox, 'GET', '/client/v1/validation-rules/val_order_over_100', undefined, clientHeaders)).status).toBe(404);
  });
});

describe('a tier redeemed and rolled back', () => {
  it('is a child redemption of object promotion_tier, and the stacked rollback restores it', async () => {
    const sandbox = createSandbox();
    const redeemed = await call(sandbox, 'POST', '/v1/redemptions', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }, promo('promo_10_off_over_100'), promo('promo_free_shipping')],
      order: cart(20000),
      customer: { source_id: 'ada@example.com' },
    });
    expect(redeemed.status).toBe(200);
    const children = redeemed.body.redemptions;
    expect(children.map((child: { related_object_type: string; related_object_id: string }) => [child.related_object_type, child.related_object_id])).toEqual([
      ['voucher', 'v_SAVE10'],
      ['promotion_tier', 'promo_10_off_over_100'],
      ['promotion_tier', 'promo_free_shipping'],
    ]);
    expect(children[1]).toMatchObject({ amount: 1950, promotion_tier: { id: 'promo_10_off_over_100', campaign: { id: 'camp_cart_discounts' } } });
    expect(children[1].voucher).toBeUndefined();
    // 10.00, then 10% of 195.00, then the 5.00 shipping line.
    expect(redeemed.body.order).toMatchObject({ amount: 20500, total_discount_amount: 3450, total_amount: 17050 });
    expect(sandbox.state.tiers.get('promo_10_off_over_100')?.redeemed).toBe(1);

    const rolled = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.body.parent_redemption.id}/rollbacks`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.rollbacks).toHaveLength(3);
    expect(rolled.body.rollbacks[1]).toMatchObject({ related_object_type: 'promotion_tier', promotion_tier: { id: 'promo_10_off_over_100' } });
    expect(sandbox.state.tiers.get('promo_10_off_over_100')?.redeemed).toBe(0);
    expect(sandbox.state.vouchers.get('SAVE10')?.redemption?.redeemed_quantity).toBe(0);
  });

  it('a LOCK session holds the codes only: a tier has no uses to hold', async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }, promo('promo_free_shipping')],
      order: cart(6000),
      session: { type: 'LOCK', key: 'ssn_a' },
    });
    expect(body.session).toMatchObject({ key: 'ssn_a' });
    expect([...(sandbox.state.sessions.get('ssn_a')?.holds.keys() ?? [])]).toEqual(['SAVE10']);
  });
});
