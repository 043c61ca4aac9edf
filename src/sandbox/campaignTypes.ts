// The sandbox's code-generating campaigns and their publications.
import type { SandboxVoucher } from './types.js';

/**
 * How a campaign makes its codes, in Voucherify's `code_config` shape: either a `pattern` whose `#` each become
 * one `charset` character (`WELCOME-####`), or `prefix` + `length` characters + `postfix`.
 */
export interface SandboxCodeConfig {
  /** `#` marks a generated character; other characters are kept. */
  pattern?: string;
  /** The characters a `#` draws from (at least two distinct ones). @default 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789' */
  charset?: string;
  /** Generated characters without a pattern, 1 to 64. @default 8 */
  length?: number;
  prefix?: string;
  postfix?: string;
}

/**
 * A campaign that generates a unique code per publication (Voucherify's auto-update campaign): each
 * `POST /v1/publications` naming it by `name` or `id` creates a code from `code_config` with the campaign's
 * discount, published to the customer.
 *
 * @example
 * createSandbox({ campaigns: [{ name: 'referral', code_config: { pattern: 'REF-######' }, voucher: { discount: { type: 'AMOUNT', amount_off: 500 } }, holder_only: true }] })
 */
export interface SandboxCampaign {
  /** Unique; what publications name the campaign by. */
  name: string;
  /** Also accepted in publications. @default `camp_` + name */
  id?: string;
  /** What the merchant shows the shopper, e.g. 'Get 10% off your first order'. */
  description?: string;
  code_config: SandboxCodeConfig;
  /** Each generated voucher: a discount or a gift, dates, uses (`redemption.quantity`), metadata, rules. */
  voucher: Omit<SandboxVoucher, 'code' | 'campaign' | 'holder_id'>;
  /** "Redemption only by code holder": sets `sandbox_rules.holder_only` on every code it generates. @default false */
  holder_only?: boolean;
  /** How many codes it may generate in all; unlimited when omitted. Past it, publications answer `missing_vouchers`. */
  vouchers_count?: number;
}

/** A publication as the sandbox stores it. */
export interface SandboxPublication {
  id: string;
  created_at: string;
  customer_id: string;
  /** The campaign's name, or null for a voucher published by code. */
  campaign: string | null;
  /** The merchant's publication id, unique among publications. */
  source_id: string | null;
  /** The channel the request named; answered as `API`, the only value the response schema allows. */
  channel: string;
  metadata: Record<string, unknown>;
  codes: string[];
}
