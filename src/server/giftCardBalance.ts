import { isVoucherifyError, normalizeCode, pathSegment, VoucherifyError } from '../core/index.js';
import { maskCode } from '../core/maskCode.js';
import { call } from '../core/internal.js';
import { voucherSchema } from '../schemas/index.js';
import { decodeWith } from './decodeWith.js';
import type { ServerContext } from './types.js';

/** What a "check your gift card balance" page may show: never the code itself, nor anything about other vouchers. */
export interface GiftCardBalance {
  /** The code masked as a receipt shows a card: '····FT50'. */
  code: string;
  /** What is left on the card: the value × 100 in every currency. */
  balance: number;
  /** The card's `metadata.currency` when it is an ISO 4217 code; Voucherify vouchers carry no currency of their own. */
  currency?: string;
  /** False when the merchant disabled the card. */
  active: boolean;
  /** When the card expires; null when it does not. */
  expiresAt: Date | null;
}

// Longer than any code Voucherify generates; as `redeem` caps what a client can make us forward.
const MAX_CODE_LENGTH = 100;

const notFound = () =>
  new VoucherifyError({ kind: 'api', status: 404, key: 'not_found', message: 'No gift card with this code', details: 'gift card not found' });

/**
 * GET /v1/vouchers/{code} for a gift-card balance page. A code that is empty, too long, unknown or not a gift card
 * is the same typed `not_found` error (status 404), so the page tells a shopper nothing about codes that exist
 * beyond the cards themselves. Retried like a read. Rate-limit the page per IP: see docs/gift-cards.md.
 *
 * @example
 * const card = await giftCardBalance(context, 'GIFT50') // { code: '····FT50', balance: 3800, active: true, expiresAt: null }
 */
export async function giftCardBalance(context: ServerContext, code: string, options: { signal?: AbortSignal } = {}): Promise<GiftCardBalance> {
  if (typeof code !== 'string') throw new TypeError('giftCardBalance needs the code as a string');
  const normalized = normalizeCode(code, { maxLength: MAX_CODE_LENGTH });
  if (!normalized.ok || normalized.code === '.' || normalized.code === '..') throw notFound();
  let voucher;
  try {
    voucher = await call(context.config, {
      method: 'GET',
      path: `/v1/vouchers/${pathSegment('giftCardBalance(code)', normalized.code)}`,
      decode: decodeWith(voucherSchema),
      signal: options.signal,
      retry: 'safe',
    });
  } catch (error) {
    throw isVoucherifyError(error) && error.status === 404 ? notFound() : error;
  }
  const balance = voucher.gift?.balance;
  // A discount voucher or a loyalty card reads as unknown: the page is about gift cards only.
  if ((voucher.type && voucher.type !== 'GIFT_VOUCHER') || typeof balance !== 'number') throw notFound();
  const currency = voucher.metadata?.currency;
  const expires = voucher.expiration_date ? new Date(voucher.expiration_date) : null;
  return {
    code: maskCode(voucher.code),
    balance,
    ...(typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? { currency } : {}),
    active: voucher.active !== false,
    expiresAt: expires && !Number.isNaN(expires.getTime()) ? expires : null,
  };
}
