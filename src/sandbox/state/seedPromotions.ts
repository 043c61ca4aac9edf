import type { SandboxPromotionCampaign, SandboxValidationRule } from '../types.js';

/**
 * The validation rules the seed promotions use. `$more_than` is strict, as in Voucherify: "over $50" is
 * `$more_than: [5000]`, so an order of exactly 5000 does not qualify.
 *
 * @example
 * createSandbox({ validationRules: [...SEED_VALIDATION_RULES, { id: 'val_mine', name: 'Mine', rules: { '1': { name: 'order.amount', conditions: { $more_than: [999] } } } }] })
 */
export const SEED_VALIDATION_RULES: readonly SandboxValidationRule[] = Object.freeze([
  {
    id: 'val_order_over_50',
    name: 'Order more than $50',
    rules: { '1': { name: 'order.amount', property: null, conditions: { $more_than: [5000] } }, logic: '1' },
    created_at: '2025-01-01T00:00:00.000Z',
  },
  {
    id: 'val_order_over_100',
    name: 'Order more than $100',
    rules: { '1': { name: 'order.amount', property: null, conditions: { $more_than: [10000] } }, logic: '1' },
    created_at: '2025-01-01T00:00:01.000Z',
  },
  {
    id: 'val_members',
    name: 'Members only',
    rules: { '1': { name: 'customer.metadata', property: 'member', conditions: { $is: [true] } }, logic: '1' },
    error: { message: 'This offer is for members only' },
    created_at: '2025-01-01T00:00:02.000Z',
  },
  {
    id: 'val_order_200_or_more',
    name: 'Order of $200 or more',
    rules: { '1': { name: 'order.amount', property: null, conditions: { $more_than_or_equal: [20000] } }, logic: '1' },
    created_at: '2025-01-01T00:00:03.000Z',
  },
]);

/** Voucherify's built-in shipping product: a UNIT discount on it is free shipping; carts carry it as `source_id: '5h1pp1ng'`. */
export const SHIPPING_PRODUCT = Object.freeze({ id: 'prod_5h1pp1ng', source_id: '5h1pp1ng' });

/**
 * The promotion campaigns every sandbox starts with (ids are stable; tests and the demo name them):
 * free shipping over $50 (`promo_free_shipping`, always stackable), 10% off over $100 (`promo_10_off_over_100`),
 * $5 off for members (`promo_members_5_off`, customer metadata `member: true`) and an exclusive 25% off orders
 * of $200 or more (`promo_vip_25_exclusive`, never stackable).
 *
 * @example
 * createSandbox({ promotions: SEED_PROMOTIONS.filter((campaign) => campaign.id !== 'camp_vip') })
 */
export const SEED_PROMOTIONS: readonly SandboxPromotionCampaign[] = Object.freeze([
  {
    id: 'camp_free_shipping',
    name: 'Free shipping',
    categories: [{ id: 'cat_shipping', name: 'Shipping', hierarchy: 1, stacking_rules_type: 'JOINT' }],
    tiers: [
      {
        id: 'promo_free_shipping',
        name: 'Free shipping over $50',
        banner: 'Free shipping on orders over $50',
        action: { discount: { type: 'UNIT', unit_off: 1, unit_type: SHIPPING_PRODUCT.id, effect: 'ADD_MISSING_ITEMS' } },
        hierarchy: 1,
        metadata: {},
        validation_rules: ['val_order_over_50'],
        created_at: '2025-01-04T00:00:00.000Z',
      },
    ],
  },
  {
    id: 'camp_cart_discounts',
    name: 'Cart discounts',
    tiers: [
      {
        id: 'promo_10_off_over_100',
        name: '10% off orders over $100',
        banner: '10% off orders over $100',
        action: { discount: { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ORDER' } },
        hierarchy: 1,
        metadata: {},
        validation_rules: ['val_order_over_100'],
        created_at: '2025-01-03T00:00:00.000Z',
      },
    ],
  },
  {
    id: 'camp_members',
    name: 'Members',
    tiers: [
      {
        id: 'promo_members_5_off',
        name: '$5 off for members',
        banner: '$5 off for members',
        action: { discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' } },
        hierarchy: 1,
        metadata: {},
        validation_rules: ['val_members'],
        created_at: '2025-01-02T00:00:00.000Z',
      },
    ],
  },
  {
    id: 'camp_vip',
    name: 'VIP weekend',
    categories: [{ id: 'cat_exclusive', name: 'Never stackable', hierarchy: 0, stacking_rules_type: 'EXCLUSIVE' }],
    tiers: [
      {
        id: 'promo_vip_25_exclusive',
        name: '25% off orders of $200 or more',
        banner: '25% off orders of $200 or more (cannot be combined)',
        action: { discount: { type: 'PERCENT', percent_off: 25, effect: 'APPLY_TO_ORDER' } },
        hierarchy: 1,
        metadata: {},
        validation_rules: ['val_order_200_or_more'],
        created_at: '2025-01-01T00:00:00.000Z',
      },
    ],
  },
]);
