import { expect } from 'vitest';
import type { OrderTotals, ValidationResult } from 'voucherkit/core';

// What each example in openapi-subset.json must fold into, written by hand from the examples,
// so the conformance test checks the folding rather than repeating it.

type Totals = Partial<OrderTotals> | null;
export interface ValidExpectation {
  valid: true;
  code: string;
  trackingId: string | null;
  discount: string | null; // discount type, or null (gift / loyalty)
  order: Totals;
  extra?: (result: Extract<ValidationResult, { valid: true }>) => void;
}
export interface InvalidExpectation {
  valid: false;
  code: string;
  trackingId: string | null;
  key: string;
  message?: string;
  customMessage?: string;
}

const GIFT_OWNER = 'Only the gift card owner can apply credits from the gift card to the order.';
const T_DISCOUNT = 'track_rynPcKGW2z7+kd2Vry4p12+Rx2NtyXZyiApdGWEXPrdX+44Fg6LRBQ==';
const T_LOYALTY = 'track_Mcg5qK0jIStHAopLoM+nM6ua9crMFQrLt+qSe2YCbmTrTT8932kSlg==';
const T_EARLY = 'track_4Wb/eeza4PDXKElxYR/QtlDQOVFpY9mP';

export const validations: Record<string, ValidExpectation | InvalidExpectation> = {
  'POST /v1/validations 200 False': {
    valid: false,
    code: 'eee33463',
    trackingId: 'track_VAVW6qltuo1/z+G2GI2LPw==',
    key: 'not_found',
    message: 'Resource not found',
  },
  'POST /v1/validations 200 True - 5 Redeemables': {
    valid: true,
    code: 'GNcuPKGe',
    trackingId: 'track_9B0kB92+bJa8a+PegaWREw==',
    discount: 'AMOUNT',
    order: { amount: 2700, discountAmount: 490, itemsDiscountAmount: 1700, totalDiscountAmount: 2190, totalAmount: 510, totalAppliedDiscountAmount: 2190 },
    extra: (result) => {
      // Promotion tiers are not codes (issue 19): `codes` names the three vouchers, `redeemables` all five entries.
      expect(result.codes).toEqual(['GNcuPKGe', 'AnsvocvP', 'M3X8IwW8']);
      expect(result.redeemables).toHaveLength(5);
      expect(result.redeemables.map((r) => r.status)).toEqual(Array(5).fill('APPLICABLE'));
      expect(result.redeemables.map((r) => r.object)).toEqual(['voucher', 'voucher', 'voucher', 'promotion_tier', 'promotion_tier']);
      expect(result.redeemables[0]?.discountAmount).toBe(1700);
      expect(result.redeemables[1]?.loyaltyPoints).toBe(4);
      expect(result.redeemables[2]?.gift).toEqual({ balance: undefined, credits: 100 });
      expect(result.redeemables[3]?.discount).toMatchObject({ type: 'PERCENT', percent_off: 40 });
      expect(result.redeemables[4]?.discountAmount).toBe(30);
    },
  },
  'GET /client/v1/validate 200 Wrong customer': {
    valid: false,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: 'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+o',
    key: 'customer_rules_violated',
    message: 'customer does not match validation rules',
    customMessage: GIFT_OWNER,
  },
  'GET /client/v1/validate 200 Validation Rule Not Satisfied': {
    valid: false,
    code: 'PAYINEUROS',
    trackingId: 'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+oychk',
    key: 'redemption_rules_violated',
    message: 'redemption does not match validation rules',
  },
  'GET /client/v1/validate 200 Validate Discount Coupon': {
    valid: true,
    code: 'PAYINEUROS',
    trackingId: T_DISCOUNT,
    discount: 'AMOUNT',
    order: { amount: 13000, discountAmount: 1000, totalDiscountAmount: 1000, totalAmount: 12000, appliedDiscountAmount: 1000 },
  },
  'GET /client/v1/validate 200 Validate Loyalty Card': {
    valid: true,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 121700, totalDiscountAmount: 5000, totalAmount: 116700 },
    extra: (result) => expect(result.redeemables[0]?.loyaltyPoints).toBe(1000),
  },
  'GET /client/v1/validate 200 Validate Gift Card': {
    valid: true,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 165700, totalDiscountAmount: 21500, totalAmount: 144200 },
    extra: (result) => expect(result.gift?.balance).toBe(21500),
  },
  'GET /client/v1/validate 200 Validate Referral Code': {
    valid: true,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: 'track_p6hPsnZj2VSvyXDjH9o6aQ==',
    discount: 'PERCENT',
    order: { amount: 10000, totalDiscountAmount: 3000, totalAmount: 7000 },
  },
  'POST /v1/vouchers/{code}/validate 200 False': { valid: false, code: 'vBQvYFEM', trackingId: 'track_ZGPtmYcM+Mw=', key: 'redemption_rules_violated' },
  'POST /v1/vouchers/{code}/validate 200 Free Shipping': {
    valid: true,
    code: 'Test - Discount - Free Shipping',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 4300, totalDiscountAmount: 0, totalAmount: 4300 },
    extra: (result) => expect(result.discount).toMatchObject({ unit_off: 1, unit_type: 'prod_5h1pp1ng' }),
  },
  'POST /v1/vouchers/{code}/validate 200 Multiple Product Varients': {
    valid: true,
    code: 'Test - Discount - Unit - Multiple - Product Variants',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 237300, totalDiscountAmount: 217700, totalAmount: 19600 },
    extra: (result) => expect(result.discount?.type === 'UNIT' && result.discount.units?.map((u) => u.unit_off)).toEqual([3, 4]),
  },
  'POST /v1/vouchers/{code}/validate 200 Unit - Add order items': {
    valid: true,
    code: 'Test - Discount - Unit - Add new order items',
    trackingId: T_DISCOUNT,
    discount: 'UNIT',
    order: { amount: 117700, totalDiscountAmount: 98100, totalAmount: 19600 },
  },
  'POST /v1/vouchers/{code}/validate 200 Fixed': {
    valid: true,
    code: 'SPENDMOREGETMORE-DaIXFJvn',
    trackingId: T_DISCOUNT,
    discount: 'FIXED',
    order: { amount: 46500, itemsDiscountAmount: 9300, totalDiscountAmount: 9300, totalAmount: 37200 },
  },
  'POST /v1/vouchers/{code}/validate 200 Voucher expired': { valid: false, code: 'EarlyBird-tB6zCApA', trackingId: T_EARLY, key: 'voucher_expired' },
  'POST /v1/vouchers/{code}/validate 200 Percentage': {
    valid: true,
    code: 'EarlyBird-tB6zCApA',
    trackingId: T_EARLY,
    discount: 'PERCENT',
    order: { amount: 46500, totalDiscountAmount: 4650, totalAmount: 41850 },
  },
  'POST /v1/vouchers/{code}/validate 200 Amount': {
    valid: true,
    code: 'PAYINEUROS',
    trackingId: T_EARLY,
    discount: 'AMOUNT',
    order: { amount: 46500, totalDiscountAmount: 1000, totalAmount: 45500 },
  },
  'POST /v1/vouchers/{code}/validate 200 Loyalty points exceeded': {
    valid: false,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    key: 'loyalty_card_points_exceeded',
  },
  'POST /v1/vouchers/{code}/validate 200 Loyalty Card': {
    valid: true,
    code: 'LOYALTY-CARD-ng3Kb9tM',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 14500, totalDiscountAmount: 50, totalAmount: 14450 },
    extra: (result) => expect(result.redeemables[0]?.loyaltyPoints).toBe(10),
  },
  'POST /v1/vouchers/{code}/validate 200 Voucher disabled': { valid: false, code: 'GIFT-CARD-kW4aEsfB', trackingId: T_LOYALTY, key: 'voucher_disabled' },
  'POST /v1/vouchers/{code}/validate 200 Gift Card': {
    valid: true,
    code: 'GIFT-CARD-kW4aEsfB',
    trackingId: T_LOYALTY,
    discount: null,
    order: { amount: 1000, totalDiscountAmount: 2, totalAmount: 998 },
    extra: (result) => expect(result.gift).toEqual({ balance: 21500, credits: undefined }),
  },
  'POST /v1/vouchers/{code}/validate 200 Cannot be redeemed by referrer': {
    valid: false,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: T_LOYALTY,
    key: 'referrer_not_permitted_to_redeem',
  },
  'POST /v1/vouchers/{code}/validate 200 Referral Code': {
    valid: true,
    code: 'REFERRAL-CODE-OxBakPYf',
    trackingId: 'track_p6hPsnZj2VSvyXDjH9o6aQ==',
    discount: 'PERCENT',
    order: { amount: 20000, totalDiscountAmount: 6000, totalAmount: 14000 },
  },
};

export const errors: Record<string, { key: string; customMessage?: string }> = {
  'POST /client/v1/validations 400 Invalid payload': { key: 'invalid_payload' },
  'POST /client/v1/validations 400 Duplicated Redeemables': { key: 'duplicated_redeemables' },
  'POST /client/v1/validations 400 Invalid Redeemables': { key: 'invalid_redeemables' },
  'POST /v1/validations 400 Invalid payload': { key: 'invalid_payload' },
  'POST /v1/validations 400 Duplicated Redeemables': { key: 'duplicated_redeemables' },
  'POST /v1/validations 400 Invalid Redeemables': { key: 'invalid_redeemables' },
  'GET /client/v1/validate 400 Missing customer': { key: 'missing_customer' },
  'GET /client/v1/validate 400 Ambiguous tracking ID': { key: 'ambiguous_tracking_id' },
  'POST /v1/vouchers/{code}/validate 400 Missing reward': { key: 'missing_reward', customMessage: 'Missing reward = please add one.' },
  'POST /v1/vouchers/{code}/validate 400 Missing Parameter': {
    key: 'missing_order_items_amount',
    customMessage: 'Request should contain an amount for the item.',
  },
  'POST /v1/vouchers/{code}/validate 400 Metadata Validation Failed': { key: 'metadata_validation_failed' },
  'POST /client/v1/events 400 Invalid payload': { key: 'invalid_payload' },
};

export const events: Record<string, { type: string; sourceId: string }> = {
  'POST /client/v1/events 200 Example': { type: 'cart_abandoned', sourceId: 'source_customer_event' },
};
