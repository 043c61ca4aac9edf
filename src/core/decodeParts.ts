import { maybe, money, number, object, oneOf, optional, string, type Check } from './decode.js';

// The parts both validation answers share (schemas: discountSchema, giftSchema, orderCalculatedSchema).

// Money fields take `money` (see common.ts for the choice); `percent_off` is a rate, not money.
const optionalMoney = /* @__PURE__ */ optional(money);
const maybeMoney = /* @__PURE__ */ maybe(money);

/** A discount: the value fields `calculateDiscount` reads. */
export const discountCheck: Check = /* @__PURE__ */ object({
  type: /* @__PURE__ */ oneOf('AMOUNT', 'PERCENT', 'UNIT', 'FIXED'),
  amount_off: optionalMoney,
  percent_off: /* @__PURE__ */ optional(number),
  amount_limit: optionalMoney,
  unit_off: optionalMoney,
  fixed_amount: optionalMoney,
});

/** A gift card's state. */
export const giftCheck: Check = /* @__PURE__ */ object({ balance: maybeMoney, credits: maybeMoney });

/** The order as Voucherify computed it: the totals `toOrderTotals` reads. */
export const orderCheck: Check = /* @__PURE__ */ object({
  amount: maybeMoney,
  discount_amount: maybeMoney,
  items_discount_amount: maybeMoney,
  total_discount_amount: maybeMoney,
  total_amount: maybeMoney,
  applied_discount_amount: maybeMoney,
  items_applied_discount_amount: maybeMoney,
  total_applied_discount_amount: maybeMoney,
});

const maybeString = /* @__PURE__ */ maybe(string);
const maybeNumber = /* @__PURE__ */ maybe(number);

/** A campaign category (schemas: categorySchema). */
export const categoryCheck: Check = /* @__PURE__ */ object({ id: string, name: maybeString, hierarchy: maybeNumber, stacking_rules_type: maybeString });

/** The stacking rules an answer reports (schemas: stackingRulesSchema). */
export const stackingRulesCheck: Check = /* @__PURE__ */ object({
  redeemables_application_mode: maybeString,
  applicable_redeemables_limit: maybeNumber,
  applicable_exclusive_redeemables_limit: maybeNumber,
  applicable_redeemables_per_category_limit: maybeNumber,
});
