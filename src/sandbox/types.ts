import type { Discount } from '../core/index.js';

/**
 * The sandbox's own rules, an extension of Voucherify's voucher object. Voucherify keeps validation rules as
 * separate resources; the sandbox only needs the two a voucher field must show, so it keeps them inline.
 */
export interface SandboxVoucherRules {
  /** The order amount (value × 100, as every Voucherify amount) below which the voucher answers `order_rules_violated`. */
  min_order_amount?: number;
  /**
   * Customer source ids (raw identities such as e-mails) allowed to use the voucher; anyone else gets
   * `customer_rules_violated`. A tracking id issued for an allowed identity counts as that identity.
   */
  allowed_customer_source_ids?: string[];
  /** The merchant's custom message for a rule violation, sent as `error.message` (Voucherify's rule message). */
  error_message?: string;
}

/**
 * A voucher in Voucherify's voucher-object shape (code, type, discount, gift, active, dates, redemption,
 * metadata) plus `sandbox_rules`, the documented extension for the rules the sandbox emulates.
 */
export interface SandboxVoucher {
  code: string;
  type?: 'DISCOUNT_VOUCHER' | 'GIFT_VOUCHER';
  discount?: Discount | null;
  /** Gift card: `amount` loaded, `balance` left, each the value × 100 in every currency. */
  gift?: { amount: number; balance: number; effect?: 'APPLY_TO_ORDER' | 'APPLY_TO_ITEMS' } | null;
  /** `false` answers `voucher_disabled`. @default true */
  active?: boolean;
  /** ISO date-time; before it the voucher answers `voucher_not_active`. */
  start_date?: string | null;
  /** ISO date-time; after it the voucher answers `voucher_expired`. */
  expiration_date?: string | null;
  /** `quantity` null means unlimited; once `redeemed_quantity` reaches it, `quantity_exceeded`. */
  redemption?: { quantity?: number | null; redeemed_quantity?: number };
  metadata?: Record<string, unknown>;
  campaign?: string | null;
  /** The customer the voucher was published to (POST /client/v1/publish); held vouchers show in their wallet. */
  holder_id?: string | null;
  /** Price (value × 100) of one unit a UNIT discount adds when the order lacks the item. */
  unit_price?: number;
  sandbox_rules?: SandboxVoucherRules;
  /** Ids of `validationRules` assigned to the voucher; all must pass (Voucherify's rules, beside `sandbox_rules`). */
  validation_rules?: string[];
  /** The voucher's campaign categories: they decide its stacking (exclusive, joint, per-category limits). */
  categories?: SandboxCategory[];
  /** ISO date-time, the qualifications cursor; when omitted, 2024-01-01T00:00:00Z plus the voucher's index in seconds. */
  created_at?: string;
}

/** A campaign category; `stacking_rules_type` EXCLUSIVE is "never stackable", JOINT "always stackable". */
export interface SandboxCategory {
  id: string;
  name: string;
  /** Lower applies first under the `CATEGORY_HIERARCHY` sorting rule. @default 1 */
  hierarchy?: number;
  stacking_rules_type?: 'JOINT' | 'EXCLUSIVE';
}

/** A promotion tier: a code-less discount that applies when its validation rules pass. */
export interface SandboxPromotionTier {
  /** `promo_…`; also the id a stackable request sends (`{ object: 'promotion_tier', id }`). */
  id: string;
  name: string;
  /** The shopper-facing text. */
  banner?: string;
  /** The same discount shapes vouchers take (no formulas, no `units[]`). */
  action: { discount: Discount };
  /** The tier's rank inside its campaign (lower first), as Voucherify's `hierarchy`. @default 1 */
  hierarchy?: number;
  metadata?: Record<string, unknown>;
  /** `false` answers `promotion_inactive`. @default true */
  active?: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  /** Ids of `validationRules` assigned to the tier; all must pass. */
  validation_rules?: string[];
  /** Price (value × 100) of the unit a UNIT discount adds when the order lacks it. @default 0 */
  unit_price?: number;
  /** ISO date-time, the qualifications cursor; when omitted, 2025-01-01T00:00:00Z plus the tier's index in seconds. */
  created_at?: string;
}

/** A promotion campaign: its tiers share its id, name, dates, activity and categories. */
export interface SandboxPromotionCampaign {
  /** `camp_…` */
  id: string;
  name: string;
  active?: boolean;
  start_date?: string | null;
  expiration_date?: string | null;
  categories?: SandboxCategory[];
  tiers: SandboxPromotionTier[];
}

/** One condition of a validation rule, in Voucherify's shape (`rules["1"]`). */
export interface SandboxRuleCondition {
  /**
   * `order.amount` (the amount after the discounts applied before it), `customer.metadata` (with `property`),
   * `order.items.any` / `product.id` (a product in the cart: ids or source ids).
   */
  name: 'order.amount' | 'customer.metadata' | 'order.items.any' | 'product.id';
  property?: string | null;
  /** `$more_than`, `$more_than_or_equal`, `$less_than`, `$less_than_or_equal`, `$is`, `$is_not`, `$in`, `$not_in`: each a one-element list, or several for `$in`. */
  conditions: Partial<Record<SandboxRuleOperator, unknown[]>>;
  error?: { message?: string };
}

/** The condition operators the sandbox evaluates. */
export type SandboxRuleOperator = '$is' | '$is_not' | '$in' | '$not_in' | '$more_than' | '$more_than_or_equal' | '$less_than' | '$less_than_or_equal';

/** A validation rule, as GET /v1/validation-rules/{id} returns it; assigned to tiers and vouchers by id. */
export interface SandboxValidationRule {
  /** `val_…` */
  id: string;
  name: string;
  /** Conditions keyed "1", "2", … and `logic` ("1 and (2 or 3)"; every condition ANDed when omitted). */
  rules: { [key: string]: SandboxRuleCondition | string | undefined; logic?: string };
  /** The merchant's message, sent as `error.message` when the rule fails. */
  error?: { message?: string };
  created_at?: string;
}

/** The project's stacking rules (Voucherify's names); each omitted field takes Voucherify's default. */
export interface SandboxStackingRules {
  redeemables_limit?: number;
  applicable_redeemables_limit?: number;
  applicable_redeemables_per_category_limit?: number;
  applicable_redeemables_category_limits?: Record<string, number>;
  applicable_exclusive_redeemables_limit?: number;
  applicable_exclusive_redeemables_per_category_limit?: number;
  /** Category ids that are never stackable; by default those declared `stacking_rules_type: 'EXCLUSIVE'`. */
  exclusive_categories?: string[];
  /** Category ids that are always stackable; by default those declared `stacking_rules_type: 'JOINT'`. */
  joint_categories?: string[];
  redeemables_application_mode?: 'ALL' | 'PARTIAL';
  redeemables_sorting_rule?: 'REQUESTED_ORDER' | 'CATEGORY_HIERARCHY';
  redeemables_no_effect_rule?: 'REDEEM_ANYWAY' | 'SKIP';
  no_effect_skip_categories?: string[];
  no_effect_redeem_anyway_categories?: string[];
}

/** Paths a fault applies to, and how many times. */
interface FaultScope {
  /** Path prefix, e.g. '/client/v1/validations'; every path when omitted. */
  path?: string;
  /** How many matching requests get the fault before it is used up: a whole number, 1 or more (0 is a TypeError); unlimited when omitted. */
  times?: number;
}

/** A failure the sandbox produces on demand, for reliability tests and Storybook states. */
export type SandboxFault = FaultScope &
  (
    | { kind: 'status'; status: 500 | 502 | 503 | 504 }
    | { kind: 'rate_limit'; retryAfterSeconds?: number }
    | { kind: 'malformed_json' }
    | { kind: 'hang' }
    /** Adds `ms` (0 to 2^31−1) before the answer; latencies that match one request add up. */
    | { kind: 'latency'; ms: number }
    /**
     * A text/html error page, as a proxy, CDN or captive portal sends in front of an API.
     * @default status 502
     * @example sandbox.setFaults({ kind: 'html', status: 503 })
     */
    | { kind: 'html'; status?: number }
    /**
     * A redirect to `location` with no body; the request is not processed. Clients must refuse it rather than
     * follow it (following would send the keys, and on 307/308 the body, to another origin).
     * @default status 302
     * @example sandbox.setFaults({ kind: 'redirect', status: 307, location: 'https://evil.example/v1/redemptions' })
     */
    | { kind: 'redirect'; status?: 301 | 302 | 307 | 308; location: string }
    /**
     * The request is processed (a redeem does redeem), but the answer's JSON drifts from the operation's shape:
     * a 200 whose top-level booleans and numbers are strings, arrays are `{ data, total }` envelopes, and `id` and
     * `object` are renamed `uuid` and `kind`.
     * @example sandbox.setFaults({ kind: 'schema_drift', path: '/client/v1/validations', times: 1 })
     */
    | { kind: 'schema_drift' }
    /**
     * The connection drops without an answer; the request is not processed. `startSandboxServer` destroys the
     * socket; the fetch handler (`sandbox.handle`) rejects with `TypeError('Failed to fetch')` as `fetch` does, and
     * the MSW handlers answer `Response.error()`, so `fetch` rejects in the code under test.
     * @example sandbox.setFaults({ kind: 'connection_reset', times: 1 })
     */
    | { kind: 'connection_reset' }
  );

/** A publishable client-side key pair. */
export interface SandboxClientKey {
  clientApplicationId: string;
  clientToken: string;
}

/** A secret server-side key pair. */
export interface SandboxServerKey {
  applicationId: string;
  secretKey: string;
}

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** The vouchers; the seed vouchers (`SEED_CODES`) when omitted. */
  vouchers?: readonly SandboxVoucher[];
  /** The sandbox's notion of now; `Date.now` when omitted. */
  clock?: () => number;
  /** Accepted client key pairs. @default [SANDBOX_KEYS client pair] */
  clientKeys?: SandboxClientKey | readonly SandboxClientKey[];
  /** Accepted server key pairs. @default [SANDBOX_KEYS server pair] */
  serverKeys?: SandboxServerKey | readonly SandboxServerKey[];
  /** Origins allowed on /client/v1: exact origins, '.example.com' suffixes, or '*'. @default ['*'] */
  allowedOrigins?: readonly string[];
  /** Latency added to every response, in ms (0 to 2^31−1). @default 0 */
  latencyMs?: number;
  /** Faults active from the start. */
  faults?: readonly SandboxFault[];
  /** Secret mixed into issued tracking ids; random per sandbox when omitted. */
  trackingSecret?: string;
  /**
   * Lets the publishable keys redeem (POST /client/v1/redemptions and /client/v1/redeem). Off by default, as in a
   * Voucherify project whose owner has not enabled client-side redemption: those calls answer 403 with the key
   * `client_redemption_disabled`. That key is the sandbox's own; Voucherify does not document the one it sends.
   * @default false
   * @example createSandbox({ clientRedemption: true })
   */
  clientRedemption?: boolean;
  /** Promotion campaigns and their tiers; the seed campaigns (`SEED_PROMOTIONS`) when omitted, none with `[]`. */
  promotions?: readonly SandboxPromotionCampaign[];
  /** Validation rules the tiers and vouchers name; the seed rules (`SEED_VALIDATION_RULES`) when omitted. */
  validationRules?: readonly SandboxValidationRule[];
  /** The project's stacking rules; Voucherify's defaults (ALL mode, 5 applicable, 1 exclusive) for what is omitted. */
  stackingRules?: SandboxStackingRules;
}

/** A customer as the sandbox stores it. */
export interface SandboxCustomer {
  id: string;
  source_id: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  birthdate?: string | null;
  description?: string | null;
  address?: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string | null;
  redemptions: { total_redeemed: number; total_failed: number; total_succeeded: number; total_rolled_back: number };
}

/** A stored redemption (child, parent or rollback) in Voucherify's response shape. */
export type SandboxRedemptionRecord = Record<string, unknown> & {
  id: string;
  object: 'redemption' | 'redemption_rollback';
  status: 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';
};

/** A LOCK session's `ttl_unit`, as the spec enumerates it. */
export type SandboxSessionTtlUnit = 'DAYS' | 'HOURS' | 'MINUTES' | 'SECONDS' | 'MILLISECONDS' | 'MICROSECONDS' | 'NANOSECONDS';

/**
 * A LOCK validation session: one use of each code it validated (and a gift card's credits) held from every other
 * request until a redeem sending its key consumes it, DELETE /v1/vouchers/{code}/sessions/{key} releases it, or
 * `expires_at` passes on the sandbox clock.
 */
export interface SandboxSession {
  key: string;
  type: 'LOCK';
  ttl: number;
  ttl_unit: SandboxSessionTtlUnit;
  /** When the holds lapse, in ms since the epoch on the sandbox clock (validation time + ttl). */
  expires_at: number;
  /** Code → the gift credits held on it (0 for a discount voucher); each entry holds one use of the code. */
  holds: Map<string, { credits: number }>;
}

/** The in-memory state of one sandbox; inspect it in tests. */
export interface SandboxState {
  vouchers: Map<string, SandboxVoucher>;
  /** Promotion tiers by id, each with its campaign and how many times it was redeemed (rollbacks subtract). */
  tiers: Map<string, SandboxTierRecord>;
  validationRules: Map<string, SandboxValidationRule>;
  /** The stacking rules every validation and redemption applies, defaults filled in. */
  stackingRules: SandboxActiveStackingRules;
  customers: Map<string, SandboxCustomer>;
  redemptions: Map<string, SandboxRedemptionRecord>;
  /** LOCK validation sessions by key; lapsed ones are dropped on the next validation, redeem or release. */
  sessions: Map<string, SandboxSession>;
  /**
   * Hashed tracking id → the raw identity (an e-mail, a user id) it stands for. Anonymous shoppers' random ids
   * and well-formed ids the sandbox never issued are their own identity and have no entry.
   */
  trackingIds: Map<string, string>;
  events: Array<{ event: string; customer_id: string; metadata: Record<string, unknown> }>;
  faults: SandboxFault[];
  /** Requests received (the latest 10,000), for tests that count calls; CORS preflights are not counted. */
  requests: Array<{ method: string; path: string }>;
}

/** The stacking rules in force: every field filled in, except the optional exclusive per-category limit. */
export interface SandboxActiveStackingRules extends Required<Omit<SandboxStackingRules, 'applicable_exclusive_redeemables_per_category_limit'>> {
  applicable_exclusive_redeemables_per_category_limit?: number;
}

/** A stored promotion tier: the tier, its campaign, and its redemption count. */
export interface SandboxTierRecord {
  tier: SandboxPromotionTier & { created_at: string };
  campaign: SandboxPromotionCampaign;
  /** The campaign's and the tier's categories (the campaign's first). */
  categories: SandboxCategory[];
  redeemed: number;
}

/** One sandbox: a fetch handler over in-memory state. */
export interface Sandbox {
  /**
   * Answers one request as Voucherify would. A body over 1 MB (declared by Content-Length or counted while
   * streaming) is answered 413 `payload_too_large` without reading the rest; out-of-range numbers are 400
   * `invalid_payload` naming the field.
   */
  handle(request: Request): Promise<Response>;
  readonly state: SandboxState;
  /** Back to the initial vouchers, no customers, no redemptions, the initial faults. */
  reset(): void;
  /** Replaces the active faults; `[]` clears them. */
  setFaults(faults: SandboxFault | readonly SandboxFault[]): void;
}
