import type { Customer, Order, OrderItem, OrderTotals, Rejection, ValidationResult, ValidationSession } from '../core/index.js';
import type { TransportConfig } from '../core/internal.js';
import type { TrackingIdSource } from './readTrackingId.js';
import type { CustomerProfile, Redemption, RedemptionRollback, StackableRedemptionResponse, StackedRollbackResponse } from './schemas.js';

/** What every call of one server instance shares. Internal. */
export interface ServerContext {
  config: TransportConfig;
  timeoutMs: number;
}

/** A cart line as your server priced it. There are no discount fields: Voucherify computes discounts. */
export type ServerOrderItem = Omit<OrderItem, 'discount_amount' | 'discount_quantity'>;

/**
 * The order from your server-side cart. It has no discount fields on purpose, and any `discount*`
 * field that slips in at runtime is stripped: discounts are computed by Voucherify, never taken from the browser.
 */
export interface ServerOrder extends Omit<Order, 'discount_amount' | 'items'> {
  items?: ServerOrderItem[];
}

/** Where the tracking id comes from: given, read from the request's cookie, or explicitly none. */
export interface TrackingIdInput {
  /** The browser's tracking id. `null` sends none and skips reading `request`. Read from `request` when omitted. */
  trackingId?: string | null;
  /** The incoming request, to read the tracking id cookie from when `trackingId` is not given. */
  request?: TrackingIdSource;
  /** The cookie name. @default 'voucherify_tracking_id' */
  cookieName?: string;
}

/**
 * Which promotion tiers `redeem` applies beside the codes. The server qualifies the customer and order itself
 * (POST /v1/qualifications, every page) and never sends a tier its own qualification did not confirm:
 * - `'auto'`: every tier that qualifies now;
 * - `{ suggested: ids }`: the tiers the shopper opted into, kept only when the server's qualification confirms them
 *   (a forged or stale id is dropped and reported in `RedeemResult.promotions.refused`).
 */
export type RedeemPromotions = 'auto' | { suggested: readonly string[] };

/** Parameters of `redeem`: the codes from the browser, everything else from your server. */
export interface RedeemParams extends TrackingIdInput {
  code?: string;
  /** Several codes to stack, at most 30 (with the promotion tiers). */
  codes?: readonly string[];
  /** Promotion tiers to redeem beside the codes, re-decided on the server. None when omitted. */
  promotions?: RedeemPromotions;
  /**
   * The total the shopper saw (minor units), e.g. from the browser's validation. When Voucherify's redeemed total
   * differs, `RedeemResult.totalMismatch` says so. Only a flag: the amount to charge is `RedeemResult.order`.
   */
  expectedTotal?: number;
  /**
   * Your authenticated customer. With `id` or `source_id` it wins over the tracking id, which is then
   * sent only as `tracking_id`; without, the tracking id becomes `customer.source_id`.
   */
  customer?: Customer;
  /** Your server-side order. Its `source_id` (your order id) is required: it is how a redemption is found again. */
  order: ServerOrder;
  /** Redemption metadata. */
  metadata?: Record<string, unknown>;
  /** The validation session that locked the code at checkout start. */
  session?: Pick<ValidationSession, 'key'> & Partial<ValidationSession>;
  signal?: AbortSignal;
  /** Overrides the server's timeout for this call. */
  timeoutMs?: number;
}

/** A code that did not apply in a partly applied stacked redeem. */
export interface InapplicableCode {
  code: string;
  rejection: Rejection;
}

/** What `redeem` returns. Charge from `order`, Voucherify's totals, never from a number the browser sent. */
export interface RedeemResult {
  /**
   * False when the call had no code (`codes: []` or none): nothing was sent or redeemed, `redemptions` is empty,
   * `raw` null and `order` your order's amount without a discount. True for every redeem that reached Voucherify.
   */
  redeemed: boolean;
  /** One redemption per applied code. */
  redemptions: Redemption[];
  /** The parent redemption of the stacked call; its id is what a rollback of the whole redeem needs. */
  parentRedemption: Redemption | null;
  /** Voucherify's totals for the order after the discounts: integers, the value × 100 in every currency. */
  order: OrderTotals | null;
  /** The customer Voucherify created or updated (`cust_…`), for `customers.get` / `customers.update`. */
  customerId: string | null;
  /** The tracking id Voucherify recorded, else the one sent. */
  trackingId: string | null;
  /** Codes that did not apply while others did (stacking in PARTIAL mode). */
  inapplicable: InapplicableCode[];
  /** The parsed response, unknown fields included; null when nothing was sent (no code). */
  raw: StackableRedemptionResponse | null;
  /** What became of the promotion tiers; present when the redeem was called with `promotions`. */
  promotions?: RedeemedPromotions;
  /**
   * Present when `expectedTotal` was passed: null when Voucherify's total (`order.totalAmount`) is the one the
   * shopper saw, else both numbers. A mismatch means the cart or the promotions changed between the page and
   * the redeem (a tier ended, a budget ran out): the redemption happened; show the shopper the new total, or
   * roll back (`rollback(parentRedemption.id)`) if your policy is to charge only what was shown.
   */
  totalMismatch?: TotalMismatch | null;
}

/** What `redeem({ promotions })` did with the promotion tiers. */
export interface RedeemedPromotions {
  /** Tier ids redeemed (a child redemption each), in the order sent. */
  redeemed: string[];
  /** Tier ids the server's qualification confirmed and sent (after the ALL-mode drop), in the order sent. */
  sent: string[];
  /** Suggested tier ids the server's qualification did not confirm (forged, stale or no longer qualifying): never sent. */
  refused: string[];
  /** Qualified tiers a validation found INAPPLICABLE beside the codes under the ALL mode: dropped, so the codes still redeem. */
  dropped: string[];
  /** False when the qualification stopped at its page bound (`maxPages`) with more to read. */
  complete: boolean;
}

/** The total the shopper saw against the total Voucherify redeemed, both in minor units. */
export interface TotalMismatch {
  expected: number;
  /** Null when there is no total to compare (nothing redeemed on an order without `amount`): never taken as a match. */
  redeemed: number | null;
}

/** Parameters of the server-side `validate` (POST /v1/validations). */
export interface ServerValidateParams extends TrackingIdInput {
  code?: string;
  codes?: readonly string[];
  /**
   * Promotion tier ids to validate beside the codes (after them, in `buildRedeemables` order). Under the ALL mode
   * a tier found INAPPLICABLE is dropped and the validation runs once more (`droppedPromotions`).
   */
  promotions?: readonly string[];
  customer?: Customer;
  order?: ServerOrder;
  metadata?: Record<string, unknown>;
  /** Lock the code for this checkout (`{ type: 'LOCK' }`); pass the returned key to `redeem`. */
  session?: ValidationSession;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * A `ValidationResult` plus the key of the validation session, when one was locked (pass it to `redeem`), and,
 * when `promotions` were passed, the tiers dropped as INAPPLICABLE under the ALL mode.
 */
export type ServerValidationResult = ValidationResult & { sessionKey: string | null; droppedPromotions?: string[] };

/** Parameters of `reserve`: a server validation that holds the codes for this checkout. */
export interface ReserveParams extends Omit<ServerValidateParams, 'session' | 'order'> {
  /** Your server-side order. */
  order: ServerOrder;
  /** How long the hold lasts. @default { value: 15, unit: 'MINUTES' } */
  ttl?: { value: number; unit: 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS' };
  /** Renews this reservation (same key: it is overwritten and takes no further use); a new key is made when omitted. */
  sessionKey?: string;
  /** Not taken: `reserve` makes the session. */
  session?: undefined;
}

/**
 * What `reserve` resolves with: the validation (a code someone else holds is `valid: false` with
 * `quantity_exceeded`, never a throw), the session key to pass to `redeem`, and when the hold lapses.
 */
export type Reservation = ValidationResult & {
  /** Pass it to `redeem({ session: { key } })` and `releaseSession`. */
  sessionKey: string;
  /** About when the hold lapses: the request time plus the ttl (Voucherify's clock decides). */
  expiresAt: Date;
};

/** Parameters of `releaseSession`. */
export interface ReleaseSessionParams {
  code?: string;
  /** The codes that were reserved: one DELETE per code. */
  codes?: readonly string[];
  /** `Reservation.sessionKey`. */
  sessionKey: string;
  signal?: AbortSignal;
}

/** What `releaseSession` did, per code. */
export interface ReleaseSessionResult {
  /** Codes whose hold was released (204). */
  released: string[];
  /** Codes Voucherify had no such session for (404): expired, redeemed with the key, or released before. */
  notFound: string[];
}

/** Parameters of the deprecated single-voucher `redeemVoucher`. */
export interface RedeemVoucherParams extends TrackingIdInput {
  customer?: Customer;
  order?: ServerOrder;
  metadata?: Record<string, unknown>;
  session?: Pick<ValidationSession, 'key'>;
  /** Credits to take from a gift card, the value × 100 in every currency (as every Voucherify amount). */
  gift?: { credits: number };
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** What `redeemVoucher` returns. */
export interface RedeemVoucherResult {
  redemption: Redemption;
  order: OrderTotals | null;
  customerId: string | null;
  trackingId: string | null;
}

/** Options of `rollback`. */
export interface RollbackOptions {
  /** Sent as the `reason` query parameter; Voucherify records it on each rollback. */
  reason?: string;
  /** The customer's tracking id, sent as the `tracking_id` query parameter. */
  trackingId?: string;
  /** Customer data to record (and update) with the rollback. */
  customer?: Customer;
  /** The original order, e.g. `{ source_id: orderId }`; `discount*` fields are stripped. */
  order?: ServerOrder;
  /** Redemption metadata to record with the rollback. */
  metadata?: Record<string, unknown>;
  /** Stops waiting; a rollback already sent may still happen (its outcome is then unknown). */
  signal?: AbortSignal;
  /** Overrides the server's timeout for this call. */
  timeoutMs?: number;
}

/** What `rollback` returns, for a stacked redeem and a single redemption alike. */
export interface RollbackResult {
  /** The rollback of the parent redemption; null when the redemption had no parent (a single redemption). */
  parentRollback: RedemptionRollback | null;
  /** One rollback per child redemption (per code), or the single redemption's rollback. */
  rollbacks: RedemptionRollback[];
  /** Voucherify's totals for the order after the rollback, as `RedeemResult.order`. */
  order: OrderTotals | null;
  /** The parsed response, unknown fields included. */
  raw: StackedRollbackResponse;
}

/** Fields of a customer that can be changed. */
export type CustomerPatch = Omit<Customer, 'id' | 'source_id'>;

/** Voucherify customer profiles: read, change, create-or-update. */
export interface ServerCustomers {
  /** GET /v1/customers/{id}: by Voucherify id (`cust_…`) or by `source_id` (for example a tracking id). */
  get(idOrSourceId: string, options?: { signal?: AbortSignal }): Promise<CustomerProfile>;
  /** PUT /v1/customers/{id}: fields not sent stay as they are. */
  update(idOrSourceId: string, patch: CustomerPatch, options?: { signal?: AbortSignal }): Promise<CustomerProfile>;
  /** POST /v1/customers: creates, or updates the customer with the same `id` / `source_id`. */
  upsert(customer: Customer, options?: { signal?: AbortSignal }): Promise<CustomerProfile>;
}
