import * as z from 'zod/mini';

// The response contract (voucherkit/schemas): the single definition of every response shape and the source of the
// types. Objects are loose (unknown keys are kept, never rejected): Voucherify adds fields over time, and only a
// field we read that is missing or mistyped is a drift. Browser code never runs these: src/core checks the same
// fields with hand-written decoders, bound to these schemas by test/core/decoders.property.test.ts.
// Every schema call is marked pure, so a bundle that imports one schema does not hold the others.

const money = /* @__PURE__ */ z.number();
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

/** An AMOUNT discount: `amount_off` minor units off. */
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
const optionalPlainString = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string());

/**
 * A discount: AMOUNT, PERCENT (with `amount_limit`), UNIT or FIXED. Money in integer minor units.
 * One object whose `type` is an enum, not a discriminated union of four: every field is still checked, and the
 * union costs a third of this package's zod bytes in a browser bundle. The result is typed as the `Discount` union.
 */
export const discountSchema: z.ZodMiniType<Discount> = /* @__PURE__ */ z.looseObject({
  type: /* @__PURE__ */ z.enum(['AMOUNT', 'PERCENT', 'UNIT', 'FIXED']),
  amount_off: optionalNumber,
  amount_off_formula: optionalPlainString,
  percent_off: optionalNumber,
  percent_off_formula: optionalPlainString,
  amount_limit: optionalNumber,
  unit_off: optionalNumber,
  unit_off_formula: optionalPlainString,
  unit_type: optionalPlainString,
  units: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.looseObject({ unit_off: optionalNumber, unit_type: optionalPlainString }))),
  product: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.looseObject({ id: optionalString, source_id: optionalString, name: optionalString })),
  sku: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.looseObject({ id: optionalString, source_id: optionalString, sku: optionalString })),
  fixed_amount: optionalNumber,
  fixed_amount_formula: optionalPlainString,
}) as z.ZodMiniType<unknown> as z.ZodMiniType<Discount>;

/** A gift card's state. */
export const giftSchema = /* @__PURE__ */ z.looseObject({
  amount: optionalMoney,
  balance: optionalMoney,
  credits: optionalMoney,
});
/** A gift card's state. */
export type Gift = z.infer<typeof giftSchema>;

/** The order as Voucherify computed it (`OrderCalculated`). */
export const orderCalculatedSchema = /* @__PURE__ */ z.looseObject({
  id: optionalString,
  source_id: optionalString,
  amount: optionalMoney,
  initial_amount: optionalMoney,
  discount_amount: optionalMoney,
  items_discount_amount: optionalMoney,
  total_discount_amount: optionalMoney,
  total_amount: optionalMoney,
  applied_discount_amount: optionalMoney,
  items_applied_discount_amount: optionalMoney,
  total_applied_discount_amount: optionalMoney,
  customer_id: optionalString,
  // A loose empty object is a record of unknown values, at a fraction of `z.record`'s bytes.
  metadata: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({}))),
});
/** The order as Voucherify computed it. */
export type OrderCalculated = z.infer<typeof orderCalculatedSchema>;

