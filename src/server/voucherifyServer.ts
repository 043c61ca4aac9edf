// The server client's interface, apart from the data types (types.ts): it names every operation's params, so it
// imports from the operation files, and no operation file imports it. Imports run one way.
import type { PublishParams, PublishResult } from './createPublish.js';
import type { QualifyAllResult } from '../core/index.js';
import type { GiftCardBalance } from './giftCardBalance.js';
import type { ListRedemptionsParams } from './listRedemptions.js';
import type { Nudge, NudgesParams } from './nudges.js';
import type { ServerQualifyParams } from './qualify.js';
import type { ReconcileOutcome, ReconcileRedeemParams } from './reconcileRedeem.js';
import type { Redemption, RedemptionList, RedemptionRollback } from './schemas.js';
import type {
  RedeemParams,
  RedeemResult,
  RedeemVoucherParams,
  RedeemVoucherResult,
  ReleaseSessionParams,
  ReleaseSessionResult,
  Reservation,
  ReserveParams,
  RollbackOptions,
  RollbackResult,
  ServerCustomers,
  ServerValidateParams,
  ServerValidationResult,
} from './types.js';

/** The server-side Voucherify client. */
export interface VoucherifyServer {
  /** POST /v1/redemptions (after a qualification when `promotions` is set). Never retried: see `isRedeemOutcomeUnknown`. */
  redeem(params: RedeemParams): Promise<RedeemResult>;
  /** POST /v1/validations: re-check the codes against your server's order before charging. */
  validate(params: ServerValidateParams): Promise<ServerValidationResult>;
  /** POST /v1/validations with a LOCK session (15 minutes by default): holds the codes for this checkout. */
  reserve(params: ReserveParams): Promise<Reservation>;
  /** DELETE /v1/vouchers/{code}/sessions/{sessionKey} per code: gives a reservation's uses back. */
  releaseSession(params: ReleaseSessionParams): Promise<ReleaseSessionResult>;
  /**
   * POST /v1/redemptions/{parentRedemptionId}/rollbacks: undoes a redeem (pass `parentRedemption.id`) or a single
   * redemption. Never retried; a lost answer is `outcome_unknown`.
   */
  rollback(redemptionId: string, options?: RollbackOptions): Promise<RollbackResult>;
  /** GET /v1/redemptions: redemptions and rollbacks, newest first, paged (`total`). */
  redemptions: { list(params?: ListRedemptionsParams): Promise<RedemptionList> };
  /** After `outcome_unknown`: finds the order's redemption, or concludes it did not happen once the redeem's timeout and a grace have passed. */
  reconcileRedeem(params: ReconcileRedeemParams): Promise<ReconcileOutcome>;
  /** GET /v1/redemptions/{id}: a redemption or a rollback. */
  getRedemption(redemptionId: string, options?: { signal?: AbortSignal }): Promise<Redemption | RedemptionRollback>;
  /**
   * POST /v1/vouchers/{code}/redemption, deprecated by Voucherify; for old projects. The tracking id goes
   * in the `tracking_id` query parameter and `customer.source_id`, never in the body (voucherify-nodejs-sdk#104).
   */
  redeemVoucher(code: string, params?: RedeemVoucherParams): Promise<RedeemVoucherResult>;
  customers: ServerCustomers;
  /**
   * POST /v1/publications?join_once=true: a personal code from an allow-listed campaign (`publish.campaigns`) for your
   * authenticated customer; the same code on every repeat. Never retried; concurrent calls for one campaign and
   * customer share one request. A campaign not on the list is a TypeError before any request.
   */
  publish(params: PublishParams): Promise<PublishResult>;
  /** POST /v1/qualifications, every page: what the customer and order qualify for now (what `redeem({ promotions })` trusts). */
  qualify(params: ServerQualifyParams): Promise<QualifyAllResult>;
  /** AUDIENCE_ONLY tiers and their validation rules → how much more the cart needs for each (`order.amount` bounds). */
  nudges(params: NudgesParams): Promise<Nudge[]>;
  /**
   * GET /v1/vouchers/{code} for a "check your gift card balance" page: the masked code, balance, active and expiry.
   * Unknown codes and vouchers that are not gift cards are the same `not_found` error. Rate-limit the page per IP.
   */
  giftCardBalance(code: string, options?: { signal?: AbortSignal }): Promise<GiftCardBalance>;
}
