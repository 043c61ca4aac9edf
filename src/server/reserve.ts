import { withSessionKey } from '../core/internal.js';
import { checkParams, reserveParamsSchema } from './paramSchemas.js';
import type { ReserveParams, Reservation, ServerContext } from './types.js';
import { validate } from './validate.js';

const UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

/** 15 minutes: a checkout's length. Voucherify's own default (7 days) would hold a limited code for a week per abandoned cart. */
export const DEFAULT_RESERVATION_TTL = { value: 15, unit: 'MINUTES' } as const;

/**
 * 30 days: the longest hold `reserve` asks for. Voucherify documents no maximum for a session's `ttl`; ours keeps a
 * unit mistake (2e8 days made `expiresAt` an Invalid Date) or a forgotten checkout from holding a limited code for
 * months, and still covers a quote or an invoice paid within a month.
 */
export const MAX_RESERVATION_TTL = { value: 30, unit: 'DAYS' } as const;
const MAX_TTL_MS = MAX_RESERVATION_TTL.value * UNIT_MS[MAX_RESERVATION_TTL.unit];

/**
 * POST /v1/validations with a LOCK session: the codes are checked against your order and, when valid, one use of
 * each (and a gift card's credits) is held for this checkout until `redeem` with the key, `releaseSession`, or the
 * ttl. The key is made before sending, so a resend after a lost answer overwrites the same session. The ttl is at
 * most `MAX_RESERVATION_TTL` (30 days, in any unit; Voucherify documents no maximum): longer is a TypeError.
 *
 * @example
 * const reservation = await reserve(context, { codes, request, order }) // { valid, sessionKey, expiresAt, … }
 */
export async function reserve(context: ServerContext, params: ReserveParams): Promise<Reservation> {
  if (!params || typeof params !== 'object') throw new TypeError('reserve needs parameters: { codes, order, request }');
  checkParams('reserve', reserveParamsSchema, params);
  if (!params.order || typeof params.order !== 'object') throw new TypeError('reserve needs your server-side `order`');
  const ttl = params.ttl ?? DEFAULT_RESERVATION_TTL;
  if (ttl.value * UNIT_MS[ttl.unit] > MAX_TTL_MS) {
    throw new TypeError(`reserve: \`ttl\` must be at most ${MAX_RESERVATION_TTL.value} days (MAX_RESERVATION_TTL); got ${ttl.value} ${ttl.unit}`);
  }
  const key = params.sessionKey ?? withSessionKey<{ type: 'LOCK'; key?: string }>({ type: 'LOCK' }).key;
  if (!key) throw new TypeError('reserve needs Web Crypto (globalThis.crypto.getRandomValues) to make a session key, or a `sessionKey`');
  const sentAt = Date.now();
  const { session: _session, sessionKey: _key, ttl: _ttl, ...rest } = params;
  const result = await validate(context, { ...rest, session: { type: 'LOCK', key, ttl: ttl.value, ttl_unit: ttl.unit } });
  return { ...result, sessionKey: key, expiresAt: new Date(sentAt + ttl.value * UNIT_MS[ttl.unit]) };
}
