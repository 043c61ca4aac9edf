import { decodeWith } from './decodeWith.js';
import { redemptionPath } from './redemptionPath.js';
import { call, toOrderTotals } from '../core/internal.js';
import { orderRef, toServerOrder } from './params.js';
import { checkParams, rollbackOptionsSchema } from './paramSchemas.js';
import { toRedeemError } from './redeemOutcome.js';
import { stackedRollbackSchema } from './schemas.js';
import type { RollbackOptions, RollbackResult, ServerContext } from './types.js';

/**
 * POST /v1/redemptions/{parentRedemptionId}/rollbacks: undoes a stacked redeem (the parent and every child) or a
 * single redemption without a parent, which the singular `/rollback` refuses for `redeem`'s parents and children.
 * Never retried: a lost answer rejects with `outcome_unknown` (check with `getRedemption`; a repeat of a rollback
 * that happened is refused with `already_rolled_back`, so nothing is undone twice).
 *
 * @example
 * const { parentRollback, rollbacks, order } = await rollback(context, redeemed.parentRedemption.id, { reason: 'payment failed' })
 */
export async function rollback(context: ServerContext, redemptionId: string, options: RollbackOptions = {}): Promise<RollbackResult> {
  const path = `${redemptionPath('rollback', 'parentRedemptionId', redemptionId)}/rollbacks`;
  if (options === null || typeof options !== 'object') throw new TypeError('rollback: options must be an object');
  checkParams('rollback', rollbackOptionsSchema, options);
  const query = new URLSearchParams();
  if (options.reason) query.set('reason', options.reason);
  if (options.trackingId) query.set('tracking_id', options.trackingId);
  let body;
  try {
    body = await call(context.config, {
      method: 'POST',
      path,
      query,
      body: {
        ...(options.customer ? { customer: options.customer } : {}),
        ...(options.order ? { order: toServerOrder(options.order) } : {}),
        ...(options.metadata ? { metadata: options.metadata } : {}),
      },
      decode: decodeWith(stackedRollbackSchema),
      signal: options.signal,
      retry: 'never',
      timeoutMs: options.timeoutMs ?? context.timeoutMs,
    });
  } catch (error) {
    throw toRedeemError(error, `the rollback of ${redemptionId}`, orderRef(options.order), redemptionId);
  }
  const parentRollback = body.parent_rollback ?? null;
  return {
    parentRollback,
    rollbacks: body.rollbacks,
    order: toOrderTotals(body.order ?? parentRollback?.order ?? body.rollbacks[0]?.order),
    raw: body,
  };
}
