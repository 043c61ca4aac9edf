import * as z from 'zod/mini';

// The response contract (voucherkit/schemas): the single definition of every response shape and the source of the
// types. Objects are loose (unknown keys are kept, never rejected): Voucherify adds fields over time, and only a
// field we read that is missing or mistyped is a drift. Browser code never runs these: src/core checks the same
// fields with hand-written decoders, bound to these schemas by test/core/decoders.property.test.ts.
// Every schema call is marked pure, so a bundle that imports one schema does not hold the others.

// Money is an integer (Voucherify writes the value × 100 in every currency), 0 or more, at most 2^53 − 1 (a safe integer). The spec types every total, discount,
// balance and credit read here as `integer` and calls the order amount "a positive integer"; only a rollback's
// `amount` is documented negative (server schemas). A negative, fractional or unsafe amount in a 2xx answer is a
// drift, refused as `invalid_response`, never a discount shown or charged. `percent_off` and points are not money.
// The browser decoders check the same with `money` (src/core/decode.ts): the same verdicts.
const money = /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative());
/** An optional string Voucherify may also send as `null`. */
export const optionalString = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()));
const optionalMoney = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(money));

/** Voucherify's error object (`Error` in the OpenAPI description). */
export const apiErrorSchema = /* @__PURE__ */ z.looseObject({
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  key: optionalString,
  message: optionalString,
  details: optionalString,
  request_id: optionalString,
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ message: optionalString }))),
});
/** Voucherify's error object. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** An AMOUNT discount: `amount_off` off, as Voucherify writes money (value × 100 in every currency). */
interface AmountDiscount extends DiscountBase {
  type: 'AMOUNT';
  amount_off?: number;
  amount_off_formula?: string;
  aggregated_amount_limit?: number;
}
/** A PERCENT discount, capped by `amount_limit` when it is above 0. */
interface PercentDiscount extends DiscountBase {
  type: 'PERCENT';
  percent_off?: number;
  percent_off_formula?: string;
  amount_limit?: number;
  aggregated_amount_limit?: number;
}
/** A UNIT discount: free units of `unit_type` (or several `units`). */
interface UnitDiscount extends DiscountBase {
  type: 'UNIT';
  unit_off?: number;
  unit_off_formula?: string;
  unit_type?: string;
  units?: Array<{ unit_off?: number; unit_type?: string; effect?: string }>;
  product?: { id?: string | null; source_id?: string | null; name?: string | null };
  sku?: { id?: string | null; source_id?: string | null; sku?: string | null };
}
/** A FIXED discount: the order's price becomes `fixed_amount`. */
interface FixedDiscount extends DiscountBase {
  type: 'FIXED';
  fixed_amount?: number;
  fixed_amount_formula?: string;
}
interface DiscountBase {
  effect?: string;
  is_dynamic?: boolean;
}
/** A discount: AMOUNT, PERCENT, UNIT or FIXED, as Voucherify describes it. */
export type Discount = AmountDiscount | PercentDiscount | UnitDiscount | FixedDiscount;

const optionalNumber = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number());
const optionalAmount = /* @__PURE__ */ z.optional(money);

/**
 * A discount: AMOUNT, PERCENT (with `amount_limit`), UNIT or FIXED. Money (and `unit_off`) in whole numbers, 0 or more. The value fields the
 * discount math reads are checked; the others (`*_formula`, `units`, `product`, …) are kept as sent, read for presence only.
 * One object whose `type` is an enum, as the decoder checks it (the same verdicts); typed as the `Discount` union.
 */
export const discountSchema: z.ZodMiniType<Discount> = /* @__PURE__ */ z.looseObject({
  type: /* @__PURE__ */ z.enum(['AMOUNT', 'PERCENT', 'UNIT', 'FIXED']),
  amount_off: optionalAmount,
  percent_off: optionalNumber,
  amount_limit: optionalAmount,
  unit_off: optionalAmount,
  fixed_amount: optionalAmount,
}) as z.ZodMiniType<unknown> as z.ZodMiniType<Discount>;

/** A gift card's state. */
export const giftSchema = /* @__PURE__ */ z.looseObject({
  balance: optionalMoney,
  credits: optionalMoney,
});
/** A gift card's state. */
export type Gift = z.infer<typeof giftSchema>;

/** The order as Voucherify computed it (`OrderCalculated`): the totals the library reads. */
export const orderCalculatedSchema = /* @__PURE__ */ z.looseObject({
  amount: optionalMoney,
  discount_amount: optionalMoney,
  items_discount_amount: optionalMoney,
  total_discount_amount: optionalMoney,
  total_amount: optionalMoney,
  applied_discount_amount: optionalMoney,
  items_applied_discount_amount: optionalMoney,
  total_applied_discount_amount: optionalMoney,
});
/** The order as Voucherify computed it. */
export type OrderCalculated = z.infer<typeof orderCalculatedSchema>;
