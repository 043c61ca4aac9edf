import type { Discount } from '../core/index.js';
import type {
  SandboxActiveStackingRules,
  SandboxCategory,
  SandboxPromotionCampaign,
  SandboxStackingRules,
  SandboxTierRecord,
  SandboxValidationRule,
} from './promotionTypes.js';
import type { SandboxCampaign, SandboxPublication } from './campaignTypes.js';

// Split by concept; re-exported so `./types.js` stays the one place the sandbox's public types come from.
export type {
  SandboxActiveStackingRules,
  SandboxCategory,
  SandboxPromotionCampaign,
  SandboxPromotionTier,
  SandboxRuleCondition,
  SandboxRuleOperator,
  SandboxStackingRules,
  SandboxTierRecord,
  SandboxValidationRule,
} from './promotionTypes.js';
export type { SandboxCampaign, SandboxCodeConfig, SandboxPublication } from './campaignTypes.js';

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
  /**
   * Voucherify's "Redemption only by code holder" rule: only the customer the voucher was published to
   * (`holder_id`) may validate or redeem it; anyone else, and everyone while it is unpublished, gets 400
   * `voucher_holder_mismatch` (the sandbox's key: Voucherify documents none).
   */
  holder_only?: boolean;
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
  /** The customer the voucher was published to (POST /v1/publications); held vouchers show in their wallet. */
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
  /**
   * Lets the publishable keys publish (POST /client/v1/publish). Off by default: a script holding the publishable
   * key could otherwise drain a campaign and bind codes to any customer. Refused calls answer 403 with the key
   * `client_publish_disabled` (the sandbox's own). Publish on the server (`POST /v1/publications`) instead.
   * @default false
   * @example createSandbox({ clientPublish: true })
   */
  clientPublish?: boolean;
  /** Campaigns that generate codes on publication; the seed campaigns (`SEED_CAMPAIGNS`) when omitted. */
  campaigns?: readonly SandboxCampaign[];
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
  /** Campaigns by name. */
  campaigns: Map<string, SandboxCampaign>;
  /** Publications by id, oldest first. */
  publications: Map<string, SandboxPublication>;
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

/** One sandbox: a fetch handler over in-memory state. */
export interface Sandbox {
  /**
   * Answers one request as Voucherify would. A body over 1 MB (declared by Content-Length or counted while
   * streaming) is answered 413 `payload_too_large` without reading the rest; out-of-range numbers are 400
   * `invalid_payload` naming the field.
   */
  handle(request: Request): Promise<Response>;
  readonly state: SandboxState;
  /** Back to the initial vouchers and campaigns, no customers, no redemptions, no publications, the initial faults. */
  reset(): void;
  /** Replaces the active faults; `[]` clears them. */
  setFaults(faults: SandboxFault | readonly SandboxFault[]): void;
}
