import * as z from 'zod/mini';
import { discountSchema, giftSchema, optionalString } from './common.js';

const metadata = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())));

/** The published voucher (`Voucher`): the fields a "your code" page shows; the rest passes through. */
export const publishedVoucherSchema = /* @__PURE__ */ z.looseObject({
  id: optionalString,
  code: /* @__PURE__ */ z.string(),
  campaign: optionalString,
  campaign_id: optionalString,
  type: optionalString,
  discount: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(discountSchema)),
  gift: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(giftSchema)),
  start_date: optionalString,
  expiration_date: optionalString,
  active: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.boolean())),
  holder_id: optionalString,
  metadata,
});
/** A published voucher. */
export type PublishedVoucher = z.infer<typeof publishedVoucherSchema>;

/**
 * POST /v1/publications (`PublicationsCreateResponseBody`): one code as `voucher`, several (`campaign.count` > 1)
 * as `vouchers`, their codes.
 */
export const publicationResponseSchema = /* @__PURE__ */ z.looseObject({
  id: /* @__PURE__ */ z.string(),
  object: /* @__PURE__ */ z.literal('publication'),
  created_at: optionalString,
  customer_id: optionalString,
  tracking_id: optionalString,
  metadata,
  channel: optionalString,
  source_id: optionalString,
  result: optionalString,
  voucher: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(publishedVoucherSchema)),
  vouchers: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string()))),
  vouchers_id: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.array(/* @__PURE__ */ z.string()))),
});
/** A publication as Voucherify answers it. */
export type PublicationResponse = z.infer<typeof publicationResponseSchema>;
