import type { SandboxVoucher } from '../types.js';

/**
 * The vouchers every sandbox starts with: each discount type and each rejection key a voucher field must show.
 *
 * @example
 * createSandbox({ vouchers: [...SEED_VOUCHERS, { code: 'MINE', discount: { type: 'AMOUNT', amount_off: 500 } }] })
 */
export const SEED_VOUCHERS: readonly SandboxVoucher[] = Object.freeze([
  { code: 'SAVE10', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1000, effect: 'APPLY_TO_ORDER' } },
  { code: 'PERCENT15', type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 15, effect: 'APPLY_TO_ORDER' } },
  {
    code: 'HALFCAP',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'PERCENT', percent_off: 50, amount_limit: 2000, effect: 'APPLY_TO_ORDER' },
  },
  {
    code: 'FREEUNIT',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'UNIT', unit_off: 1, unit_type: 'prod_gift_wrap', effect: 'ADD_MISSING_ITEMS' },
    unit_price: 500,
  },
  { code: 'FIXED20', type: 'DISCOUNT_VOUCHER', discount: { type: 'FIXED', fixed_amount: 2000, effect: 'APPLY_TO_ORDER' } },
  { code: 'GIFT50', type: 'GIFT_VOUCHER', gift: { amount: 5000, balance: 5000, effect: 'APPLY_TO_ORDER' } },
  {
    code: 'EXPIRED',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
    start_date: '2020-01-01T00:00:00.000Z',
    expiration_date: '2020-12-31T23:59:59.000Z',
  },
  {
    code: 'NOTYET',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
    start_date: '2099-01-01T00:00:00.000Z',
  },
  { code: 'DISABLED', type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 1000 }, active: false },
  {
    code: 'USEDUP',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'AMOUNT', amount_off: 1000 },
    redemption: { quantity: 1, redeemed_quantity: 1 },
  },
  {
    code: 'MIN50',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ORDER' },
    sandbox_rules: { min_order_amount: 5000 },
  },
  {
    code: 'VIPONLY',
    type: 'DISCOUNT_VOUCHER',
    discount: { type: 'PERCENT', percent_off: 20, effect: 'APPLY_TO_ORDER' },
    sandbox_rules: { allowed_customer_source_ids: ['vip@example.com'] },
  },
]);

/**
 * The seed codes with one line on what each does, for the CLI, the demo and Storybook to print.
 *
 * @example
 * for (const { code, description } of SEED_CODES) console.log(code.padEnd(10), description)
 */
export const SEED_CODES: ReadonlyArray<{ readonly code: string; readonly description: string }> = Object.freeze([
  { code: 'SAVE10', description: 'AMOUNT: 1000 minor units off the order' },
  { code: 'PERCENT15', description: 'PERCENT: 15% off' },
  { code: 'HALFCAP', description: 'PERCENT: 50% off, capped at 2000 minor units' },
  { code: 'FREEUNIT', description: 'UNIT: 1 free prod_gift_wrap (added when missing)' },
  { code: 'FIXED20', description: 'FIXED: the order price becomes 2000 minor units' },
  { code: 'GIFT50', description: 'Gift card with a balance of 5000 minor units' },
  { code: 'EXPIRED', description: 'Rejected: voucher_expired' },
  { code: 'NOTYET', description: 'Rejected: voucher_not_active (starts in the future)' },
  { code: 'DISABLED', description: 'Rejected: voucher_disabled' },
  { code: 'USEDUP', description: 'Rejected: quantity_exceeded' },
  { code: 'MIN50', description: '10% off; order_rules_violated below an order amount of 5000' },
  { code: 'VIPONLY', description: '20% off; customer_rules_violated unless the customer is vip@example.com' },
]);
