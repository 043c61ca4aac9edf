import * as z from 'zod';
import { apiErrorSchema, orderCalculatedSchema } from '../schemas/index.js';

// Server responses carry many fields a merchant may want (voucher, campaign, loyalty …) that we do not model.
// The objects are loose: the fields we read are checked, the rest pass through untouched.

const optionalString = z.optional(z.nullable(z.string()));
const metadata = z.optional(z.nullable(z.record(z.string(), z.unknown())));
/** The order in a server answer: the totals (voucherkit/schemas), plus the ids the server helper matches on. */
const serverOrder = z.optional(
  z.nullable(z.looseObject({ ...orderCalculatedSchema.shape, id: optionalString, source_id: optionalString, customer_id: optionalString, metadata })),
);

/** A customer as embedded in a redemption (`SimpleCustomer`). */
export const simpleCustomerSchema = z.looseObject({
  id: optionalString,
  source_id: optionalString,
  name: optionalString,
  email: optionalString,
  metadata,
  object: optionalString,
});

/** One redemption record (`Redemption`): a child per redeemable, or the parent of a stacked redeem. */
export const redemptionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('redemption'),
  date: optionalString,
  customer_id: optionalString,
  tracking_id: optionalString,
  metadata,
  // Gift credits or loyalty points used: a whole number, 0 or more (the spec: "a positive integer").
  amount: z.optional(z.nullable(z.int().nonnegative())),
  redemption: optionalString,
  // Plain strings, not enums: a new value must never turn a redemption that happened into a parse error.
  /** 'SUCCESS' | 'FAILURE' */
  result: optionalString,
  /** 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK' */
  status: optionalString,
  failure_code: optionalString,
  failure_message: optionalString,
  order: serverOrder,
  customer: z.optional(z.nullable(simpleCustomerSchema)),
  related_object_type: optionalString,
  related_object_id: optionalString,
  voucher: z.optional(z.nullable(z.looseObject({ code: optionalString, id: optionalString }))),
});
/** One redemption record. */
export type Redemption = z.infer<typeof redemptionSchema>;

/** A rollback record (`RedemptionRollback`). */
export const redemptionRollbackSchema = z.looseObject({
  ...redemptionSchema.shape,
  object: z.literal('redemption_rollback'),
  // The spec: credits or points given back, "expressed as a negative integer"; so 0 or less.
  amount: z.optional(z.nullable(z.int().nonpositive())),
  reason: optionalString,
});
/** A rollback record. */
export type RedemptionRollback = z.infer<typeof redemptionRollbackSchema>;

/** GET /v1/redemptions/{id}: a redemption or a rollback. */
export const redemptionOrRollbackSchema = z.discriminatedUnion('object', [redemptionSchema, redemptionRollbackSchema]);

/** POST /v1/redemptions/{parentRedemptionId}/rollbacks (`RedemptionsRollbacksCreateResponseBody`). */
export const stackedRollbackSchema = z.looseObject({
  rollbacks: z.array(redemptionRollbackSchema),
  // Optional: rolling back a redemption without a parent has no parent rollback.
  parent_rollback: z.optional(z.nullable(redemptionRollbackSchema)),
  order: serverOrder,
});
/** The answer of the stacked (plural) rollback. */
export type StackedRollbackResponse = z.infer<typeof stackedRollbackSchema>;

/** GET /v1/redemptions (`RedemptionsListResponseBody`): newest first, rollbacks included. */
export const redemptionListSchema = z.looseObject({
  object: z.string(),
  data_ref: z.string(),
  redemptions: z.array(redemptionOrRollbackSchema),
  total: z.number().int().min(0),
});
/** A page of redemptions. */
export type RedemptionList = z.infer<typeof redemptionListSchema>;

const inapplicableSchema = z.looseObject({
  id: z.string(),
  object: optionalString,
  status: optionalString,
  result: z.optional(z.nullable(z.looseObject({ error: z.optional(z.nullable(apiErrorSchema)) }))),
});

/** POST /v1/redemptions (`RedemptionsRedeemResponseBody`). */
export const stackableRedemptionSchema = z.looseObject({
  redemptions: z.array(redemptionSchema),
  parent_redemption: z.optional(z.nullable(redemptionSchema)),
  order: serverOrder,
  inapplicable_redeemables: z.optional(z.nullable(z.array(inapplicableSchema))),
  skipped_redeemables: z.optional(z.nullable(z.array(inapplicableSchema))),
});
/** The stacked redemption response. */
export type StackableRedemptionResponse = z.infer<typeof stackableRedemptionSchema>;

/** A customer profile (`CustomerWithSummaryLoyaltyReferrals`): GET/PUT/POST /v1/customers. */
export const customerSchema = z.looseObject({
  id: z.string(),
  source_id: optionalString,
  object: z.optional(z.literal('customer')),
  name: optionalString,
  email: optionalString,
  phone: optionalString,
  description: optionalString,
  metadata,
  created_at: optionalString,
  updated_at: optionalString,
  summary: z.optional(z.nullable(z.unknown())),
  loyalty: z.optional(z.nullable(z.unknown())),
  referrals: z.optional(z.nullable(z.unknown())),
});
/** A customer profile as Voucherify returns it. */
export type CustomerProfile = z.infer<typeof customerSchema>;
