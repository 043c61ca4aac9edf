import { maybe, number, object, oneOf, optional, type Check } from './decode.js';

// The parts both validation answers share (schemas: discountSchema, giftSchema, orderCalculatedSchema).

const optionalNumber = /* @__PURE__ */ optional(number);
const maybeNumber = /* @__PURE__ */ maybe(number);

/** A discount: the value fields `calculateDiscount` reads. */
export const discountCheck: Check = /* @__PURE__ */ object({
  type: /* @__PURE__ */ oneOf('AMOUNT', 'PERCENT', 'UNIT', 'FIXED'),
  amount_off: optionalNumber,
  percent_off: optionalNumber,
  amount_limit: optionalNumber,
  unit_off: optionalNumber,
  fixed_amount: optionalNumber,
});

/** A gift card's state. */
export const giftCheck: Check = /* @__PURE__ */ object({ balance: maybeNumber, credits: maybeNumber });

/** The order as Voucherify computed it: the totals `toOrderTotals` reads. */
export const orderCheck: Check = /* @__PURE__ */ object({
  amount: maybeNumber,
  discount_amount: maybeNumber,
  items_discount_amount: maybeNumber,
  total_discount_amount: maybeNumber,
  total_amount: maybeNumber,
  applied_discount_amount: maybeNumber,
  items_applied_discount_amount: maybeNumber,
  total_applied_discount_amount: maybeNumber,
});
