import { describe, expect, it } from 'vitest';
import { createSandbox, SCENARIO_NOT_SUPPORTED, type SandboxPromotionCampaign } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// POST /client/v1/qualifications and POST /v1/qualifications: scenarios, each entry priced alone, expand,
// filters and sorting. Paging is in qualifications.paging.test.ts.

const shippingLine = { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 500 };
const cart = (goods: number) => ({ items: [{ product_id: 'prod_tee', quantity: 1, price: goods }, shippingLine] });
const tiersOnly = { filters: { resource_type: { conditions: { $in: ['promotion_tier'] } } } };
type Entry = { id: string; object: string; order: { total_discount_amount: number }; [key: string]: unknown };
const ids = (body: { redeemables: { data: Entry[] } }) => body.redeemables.data.map((entry) => entry.id);

describe('scenario ALL', () => {
  it('offers the tiers the cart earns, each priced alone against the undiscounted cart', async () => {
    const { status, body } = await call(createSandbox(), 'POST', '/v1/qualifications', {
      scenario: 'ALL',
      order: cart(10500),
      options: { ...tiersOnly, limit: 50 },
    });
    expect(status).toBe(200);
    // $110 with shipping: free shipping and 10% off qualify; members (no customer) and the exclusive ($200) do not.
    expect(ids(body)).toEqual(['promo_free_shipping', 'promo_10_off_over_100']);
    const [shipping, tenOff] = body.redeemables.data as Entry[];
    expect(shipping!.order.total_discount_amount).toBe(500);
    expect(tenOff!.order.total_discount_amount).toBe(1100);
    expect(body.order).toMatchObject({ amount: 11000, total_discount_amount: 0, total_amount: 11000 });
    expect(body.redeemables).toMatchObject({ object: 'list', data_ref: 'data', total: 2, has_more: false });
    expect(body.redeemables.more_starting_after).toBeUndefined();
    expect(body.stacking_rules).toMatchObject({ applicable_redeemables_limit: 5, redeemables_application_mode: 'ALL' });
  });

  it('offers the members tier to a member, and keeps the codes beside the tiers (client API)', async () => {
    const { body } = await call(createSandbox(), 'POST', '/client/v1/qualifications', {
      customer: { source_id: 'ada@example.com', metadata: { member: true } },
      order: cart(3000),
      options: { limit: 50 },
    });
    expect(ids(body)).toContain('promo_members_5_off');
    expect(ids(body)).toEqual(expect.arrayContaining(['SAVE10', 'PERCENT15']));
    expect(ids(body)).not.toContain('promo_free_shipping');
    expect(body.tracking_id).toMatch(/^track_/);
  });

  it('expand: redeemable adds name, banner and campaign; category the categories; validation_rules the assignments', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/qualifications', {
      order: cart(6000),
      options: { ...tiersOnly, expand: ['redeemable', 'category', 'validation_rules'] },
    });
    expect(body.redeemables.data[0]).toMatchObject({
      id: 'promo_free_shipping',
      object: 'promotion_tier',
      name: 'Free shipping over $50',
      banner: 'Free shipping on orders over $50',
      campaign_id: 'camp_free_shipping',
      campaign_name: 'Free shipping',
      categories: [{ id: 'cat_shipping', name: 'Shipping', hierarchy: 1, stacking_rules_type: 'JOINT', object: 'category' }],
      validation_rules_assignments: { total: 1, data: [{ rule_id: 'val_order_over_50', validation_status: 'VALID', related_object_type: 'promotion_tier' }] },
    });
    const bare = await call(createSandbox(), 'POST', '/v1/qualifications', { order: cart(6000), options: tiersOnly });
    expect(Object.keys(bare.body.redeemables.data[0])).not.toEqual(expect.arrayContaining(['banner']));
    expect(bare.body.redeemables.data[0].categories).toBeUndefined();
  });

  it('filters by campaign_id, with junction or', async () => {
    const filtered = await call(createSandbox(), 'POST', '/v1/qualifications', {
      order: cart(30000),
      options: { limit: 50, filters: { campaign_id: { conditions: { $is: ['camp_vip'] } } } },
    });
    expect(ids(filtered.body)).toEqual(['promo_vip_25_exclusive']);
    const either = await call(createSandbox(), 'POST', '/v1/qualifications', {
      order: cart(30000),
      options: { limit: 50, filters: { junction: 'or', campaign_id: { conditions: { $is: ['camp_vip'] } }, resource_id: { conditions: { $is: ['SAVE10'] } } } },
    });
    expect(ids(either.body)).toEqual(['promo_vip_25_exclusive', 'SAVE10']);
  });
});

describe('scenario AUDIENCE_ONLY', () => {
  it('returns tiers whose order rules are not met yet, PARTIALLY_VALID with the order rule omitted', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/qualifications', { scenario: 'AUDIENCE_ONLY', order: cart(2000), options: tiersOnly });
    expect(ids(body)).toEqual(['promo_free_shipping', 'promo_10_off_over_100', 'promo_vip_25_exclusive']);
    const tenOff = (body.redeemables.data as Entry[]).find((entry) => entry.id === 'promo_10_off_over_100')!;
    expect(tenOff.validation_rules_assignments).toEqual({
      object: 'list',
      data_ref: 'data',
      data: [
        expect.objectContaining({
          rule_id: 'val_order_over_100',
          related_object_id: 'promo_10_off_over_100',
          object: 'validation_rules_assignment',
          validation_status: 'PARTIALLY_VALID',
          validation_omitted_rules: ['1'],
        }),
      ],
      total: 1,
    });
    // The threshold is read from the rule (secret keys): $more_than 10000 is strict, so the gap is 10000 − 2500 + 1.
    const rule = await call(createSandbox(), 'GET', '/v1/validation-rules/val_order_over_100');
    expect(rule.body.rules['1'].conditions.$more_than[0] - body.order.amount + 1).toBe(7501);
  });

  it('still checks the customer: the members tier is VALID for a member only', async () => {
    const member = await call(createSandbox(), 'POST', '/v1/qualifications', {
      scenario: 'AUDIENCE_ONLY',
      customer: { source_id: 'ada@example.com', metadata: { member: true } },
      order: cart(2000),
      options: tiersOnly,
    });
    const members = (member.body.redeemables.data as Entry[]).find((entry) => entry.id === 'promo_members_5_off');
    expect(members?.validation_rules_assignments).toMatchObject({ data: [{ validation_status: 'VALID' }] });
    const stranger = await call(createSandbox(), 'POST', '/v1/qualifications', { scenario: 'AUDIENCE_ONLY', order: cart(2000), options: tiersOnly });
    expect(ids(stranger.body)).not.toContain('promo_members_5_off');
  });

  it('offers MIN50 below its minimum (an order rule), but VIPONLY only to its customer', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/qualifications', {
      scenario: 'AUDIENCE_ONLY',
      order: { amount: 1000 },
      options: { limit: 50, filters: { resource_type: { conditions: { $is: ['voucher'] } } } },
    });
    expect(ids(body)).toContain('MIN50');
    expect(ids(body)).not.toContain('VIPONLY');
  });
});

describe('scenario CUSTOMER_WALLET', () => {
  it('returns the vouchers published to the customer and nothing else', async () => {
    const sandbox = createSandbox();
    await call(sandbox, 'POST', '/v1/publications', { voucher: 'PERCENT15', customer: { source_id: 'ada@example.com' } });
    const wallet = (source_id: string) =>
      call(sandbox, 'POST', '/v1/qualifications', { scenario: 'CUSTOMER_WALLET', customer: { source_id }, order: cart(20000) }).then((r) => r.body);
    expect(ids(await wallet('ada@example.com'))).toEqual(['PERCENT15']);
    expect(ids(await wallet('bob@example.com'))).toEqual([]);
  });
});

describe('request checks', () => {
  it.each(['PRODUCTS', 'PRODUCTS_DISCOUNT', 'PROMOTION_STACKS', 'PRODUCTS_BY_CUSTOMER', 'PRODUCTS_DISCOUNT_BY_CUSTOMER'])(
    'scenario %s answers 400 with the sandbox key scenario_not_supported',
    async (scenario) => {
      const { status, body } = await call(createSandbox(), 'POST', '/v1/qualifications', { scenario });
      expect(status).toBe(400);
      expect(body.key).toBe(SCENARIO_NOT_SUPPORTED);
    },
  );

  it.each([
    [{ scenario: 'NOPE' }, 'invalid_payload', 'scenario'],
    [{ options: { limit: 51 } }, 'invalid_payload', 'options.limit'],
    [{ options: { limit: 0 } }, 'invalid_payload', 'options.limit'],
    [{ options: { starting_after: 'yesterday' } }, 'invalid_payload', 'starting_after'],
    [{ options: { sorting_rule: 'CHEAPEST' } }, 'invalid_payload', 'sorting_rule'],
    [{ options: { filters: { voucher_type: { conditions: { $is: ['GIFT_VOUCHER'] } } } } }, 'filter_not_supported', 'voucher_type'],
  ])('%j is 400 %s naming %s', async (body, key, field) => {
    const response = await call(createSandbox(), 'POST', '/v1/qualifications', body);
    expect(response.status).toBe(400);
    expect(response.body.key).toBe(key);
    expect(response.body.details).toContain(field);
  });
});

describe('sorting_rule', () => {
  const promotions: SandboxPromotionCampaign[] = [
    {
      id: 'camp_sort',
      name: 'Sort',
      tiers: [100, 700, 300].map((off, index) => ({
        id: `promo_${off}`,
        name: `${off} off`,
        action: { discount: { type: 'AMOUNT' as const, amount_off: off } },
        created_at: `2025-02-0${index + 1}T00:00:00.000Z`,
      })),
    },
  ];
  it.each([
    ['DEFAULT', ['promo_300', 'promo_700', 'promo_100']],
    ['BEST_DEAL', ['promo_700', 'promo_300', 'promo_100']],
    ['LEAST_DEAL', ['promo_100', 'promo_300', 'promo_700']],
  ])('%s', async (sorting_rule, expected) => {
    const { body } = await call(createSandbox({ promotions, vouchers: [] }), 'POST', '/v1/qualifications', {
      order: { amount: 5000 },
      options: { sorting_rule },
    });
    expect(ids(body)).toEqual(expected);
  });
});
