import * as z from 'zod/mini';
import { optionalString } from './common.js';

// Money as in common.ts: an integer, 0 or more (a gift card's amount and balance are value × 100).
const optionalMoney = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative())));

/**
 * GET /v1/vouchers/{code} (`VouchersGetResponseBody`): the fields read to show a gift card's balance. The rest of
 * the voucher object (discount, loyalty card, assets, rules) is kept as sent, unchecked.
 */
export const voucherSchema = /* @__PURE__ */ z.looseObject({
  id: optionalString,
  code: /* @__PURE__ */ z.string(),
  type: optionalString,
  active: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.boolean())),
  start_date: optionalString,
  expiration_date: optionalString,
  gift: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.looseObject({ amount: optionalMoney, balance: optionalMoney, effect: optionalString })),
  ),
  metadata: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown()))),
});
/** One voucher as GET /v1/vouchers/{code} returns it. */
export type Voucher = z.infer<typeof voucherSchema>;
