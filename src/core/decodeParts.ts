import { array, maybe, number, object, oneOf, optional, string, type Check } from './decode.js';

// The parts both validation answers share (schemas: discountSchema, giftSchema, orderCalculatedSchema).

const optionalNumber = /* @__PURE__ */ optional(number);
const optionalString = /* @__PURE__ */ optional(string);
const maybeString = /* @__PURE__ */ maybe(string);
const maybeNumber = /* @__PURE__ */ maybe(number);

/** A discount, as `calculateDiscount` and the field read it. */
export const discountCheck: Check = /* @__PURE__ */ object({
  type: /* @__PURE__ */ oneOf('AMOUNT', 'PERCENT', 'UNIT', 'FIXED'),
  amount_off: optionalNumber,
  amount_off_formula: optionalString,
  percent_off: optionalNumber,
  percent_off_formula: optionalString,
  amount_limit: optionalNumber,
  unit_off: optionalNumber,
  unit_off_formula: optionalString,
  unit_type: optionalString,
  units: /* @__PURE__ */ optional(/* @__PURE__ */ array(/* @__PURE__ */ object({ unit_off: optionalNumber, unit_type: optionalString }))),
  product: /* @__PURE__ */ optional(/* @__PURE__ */ object({ id: maybeString, source_id: maybeString, name: maybeString })),
  sku: /* @__PURE__ */ optional(/* @__PURE__ */ object({ id: maybeString, source_id: maybeString, sku: maybeString })),
  fixed_amount: optionalNumber,
  fixed_amount_formula: optionalString,
});

/** A gift card's state. */
export const giftCheck: Check = /* @__PURE__ */ object({ amount: maybeNumber, balance: maybeNumber, credits: maybeNumber });

/** The order as Voucherify computed it. */
export const orderCheck: Check = /* @__PURE__ */ object({
  id: maybeString,
  source_id: maybeString,
  amount: maybeNumber,
  initial_amount: maybeNumber,
  discount_amount: maybeNumber,
  items_discount_amount: maybeNumber,
  total_discount_amount: maybeNumber,
  total_amount: maybeNumber,
  applied_discount_amount: maybeNumber,
  items_applied_discount_amount: maybeNumber,
  total_applied_discount_amount: maybeNumber,
  customer_id: maybeString,
  metadata: /* @__PURE__ */ maybe(/* @__PURE__ */ object({})),
});
