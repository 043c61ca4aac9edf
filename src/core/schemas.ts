import * as z from 'zod/mini';

// Response schemas at the API boundary. Objects are open (unknown keys are dropped, never rejected):
// Voucherify adds fields over time, and only a field we read that is missing or mistyped is a drift.
// Each other operation keeps its response schema in its own module, so a bundle that only validates never holds them.
// Every schema call is marked pure: a bundler that ignores `sideEffects` can still drop the schemas (and zod) from a
// bundle that only imports, say, `calculateDiscount`. Each nested call needs its own mark.

const money = /* @__PURE__ */ z.number();
/** An optional string Voucherify may also send as `null`. */
export const optionalString = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()));
const optionalMoney = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(money));

/** Voucherify's error object (`Error` in the OpenAPI description). */
export const apiErrorSchema = /* @__PURE__ */ z.object({
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
  key: optionalString,
  message: optionalString,
  details: optionalString,
  request_id: optionalString,
  resource_id: optionalString,
  resource_type: optionalString,
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ message: optionalString }))),
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
export const discountSchema: z.ZodMiniType<Discount> = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.enum(['AMOUNT', 'PERCENT', 'UNIT', 'FIXED']),
  amount_off: optionalNumber,
  amount_off_formula: optionalPlainString,
  aggregated_amount_limit: optionalNumber,
  percent_off: optionalNumber,
  percent_off_formula: optionalPlainString,
  amount_limit: optionalNumber,
  unit_off: optionalNumber,
  unit_off_formula: optionalPlainString,
  unit_type: optionalPlainString,
  units: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.array(/* @__PURE__ */ z.object({ unit_off: optionalNumber, unit_type: optionalPlainString, effect: optionalPlainString }))),
  product: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ id: optionalString, source_id: optionalString, name: optionalString })),
  sku: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.object({ id: optionalString, source_id: optionalString, sku: optionalString })),
  fixed_amount: optionalNumber,
  fixed_amount_formula: optionalPlainString,
  effect: optionalPlainString,
  is_dynamic: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
}) as z.ZodMiniType<unknown> as z.ZodMiniType<Discount>;

/** A gift card's state. */
export const giftSchema = /* @__PURE__ */ z.object({
  amount: optionalMoney,
  subtracted_amount: optionalMoney,
  balance: optionalMoney,
  credits: optionalMoney,
  effect: optionalString,
});

/** The order as Voucherify computed it (`OrderCalculated`). */
export const orderCalculatedSchema = /* @__PURE__ */ z.object({
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

const redeemableSchema = /* @__PURE__ */ z.object({
  status: /* @__PURE__ */ z.enum(['APPLICABLE', 'INAPPLICABLE', 'SKIPPED']),
  id: /* @__PURE__ */ z.string(),
  object: /* @__PURE__ */ z.string(),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  result: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(
      /* @__PURE__ */ z.object({
        discount: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(discountSchema)),
        gift: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(giftSchema)),
        loyalty_card: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ points: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()) }))),
        error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(apiErrorSchema)),
        details: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ key: optionalString, message: optionalString }))),
      }),
    ),
  ),
});

/** POST /client/v1/validations and /v1/validations: the stackable validation response. */
export const stackableValidationSchema = /* @__PURE__ */ z.object({
  id: optionalString,
  valid: /* @__PURE__ */ z.boolean(),
  redeemables: /* @__PURE__ */ z.array(redeemableSchema),
  // In PARTIAL stacking mode `redeemables` holds only the applicable codes; the others are listed here.
  inapplicable_redeemables: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(redeemableSchema))),
  skipped_redeemables: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(redeemableSchema))),
  order: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(orderCalculatedSchema)),
  tracking_id: optionalString,
  session: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.object({ key: optionalString, type: optionalString }))),
});
/** The stackable validation response. */
export type StackableValidationResponse = z.infer<typeof stackableValidationSchema>;
