import { heldOn } from './sessionLocks.js';
import type { SandboxState, SandboxVoucher } from '../types.js';

/**
 * Gift credits that live LOCK sessions hold on `code`, all sessions counted: what a qualification reports as
 * `gift.locked_credits` (0 when nothing is held, as the spec asks).
 *
 * @example
 * lockedCredits(state, Date.now(), 'GIFT50') // 1500 while one session holds 1500 of its balance
 */
export function lockedCredits(state: SandboxState, now: number, code: string): number {
  return heldOn(state, now, code).credits;
}

/**
 * A redeemable's `result` with `gift.locked_credits` added, for a gift card, when the request asked for it with
 * `session: { type: 'LOCK' }`; any other result is returned as it is.
 *
 * @example
 * withLockedCredits(result, voucher, { state, now, session: body.session }) // { gift: { balance, credits, locked_credits } }
 */
export function withLockedCredits(
  result: Record<string, unknown>,
  voucher: SandboxVoucher | undefined,
  request: { state: SandboxState; now: number; session: unknown },
): Record<string, unknown> {
  const session = request.session as { type?: unknown } | null | undefined;
  if (!voucher?.gift || session?.type !== 'LOCK' || !result.gift) return result;
  return { ...result, gift: { ...(result.gift as object), locked_credits: lockedCredits(request.state, request.now, voucher.code) } };
}
