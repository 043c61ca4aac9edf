import { canonicalJson } from '../core/internal.js';
import { toServerOrder } from './params.js';
import type { RedeemParams } from './types.js';

/** The tiers a redeem asks for, as the digest holds them: 'auto', or the suggested ids sorted, each once. */
function promotionsKey(promotions: NonNullable<RedeemParams['promotions']>): 'auto' | string[] {
  return promotions === 'auto' ? 'auto' : [...new Set(promotions.suggested.map((id) => id.trim()))].sort();
}

/** Bumped whenever what goes into the digest changes: records of another version never match. */
const FINGERPRINT_PREFIX = 'sha256:';

/**
 * The SHA-256 digest (Web Crypto) of a redeem's canonical request: the codes as sent, in sorted order, the
 * promotion tiers asked for (`'auto'`, or the suggested ids, sorted and each once), the order as sent (no
 * `discount*` fields), the customer, the metadata and the session key; not the tracking id, signal, timeout or
 * `expectedTotal`, which may differ between two submits of one checkout. A redeem-once record keeps it, so a repeat with
 * another cart is a conflict; a 32-bit hash could be collided by a crafted code (issue 10). Server-only, async.
 *
 * @example
 * await redeemFingerprint(['SAVE10'], { code: 'SAVE10', order: { source_id: 'ord_1', amount: 5000 } }) // 'sha256:…'
 */
export async function redeemFingerprint(codes: readonly string[], params: RedeemParams): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new TypeError('redeemOnce needs Web Crypto (globalThis.crypto.subtle): Node 20+, Bun, Deno or a worker runtime');
  const canonical = canonicalJson({
    codes: [...codes].sort(),
    // Only when asked for: a redeem of codes alone keeps the digest it had before tiers existed (stored records match).
    ...(params.promotions !== undefined ? { promotions: promotionsKey(params.promotions) } : {}),
    order: toServerOrder(params.order),
    customer: params.customer ?? null,
    metadata: params.metadata ?? null,
    session: params.session?.key ?? null,
    // Only when sent, so the digests of redeems without gift credits stay what they were.
    ...(params.giftCredits ? { giftCredits: params.giftCredits } : {}),
  });
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  return FINGERPRINT_PREFIX + Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
