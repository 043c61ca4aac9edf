import { call, pathSegment } from '../core/index.js';
import { redemptionOrRollbackSchema, redemptionRollbackSchema, type Redemption, type RedemptionRollback } from './schemas.js';
import type { RollbackOptions, ServerContext } from './types.js';

function redemptionPath(method: string, redemptionId: string): string {
  return `/v1/redemptions/${pathSegment(`${method}(redemptionId), a redemption id (r_… or rr_…),`, redemptionId)}`;
}

/** POST /v1/redemptions/{id}/rollback. Not retried: a lost answer is checked with `getRedemption`. */
export async function rollback(context: ServerContext, redemptionId: string, options: RollbackOptions = {}): Promise<RedemptionRollback> {
  const path = `${redemptionPath('rollback', redemptionId)}/rollback`;
  const query = new URLSearchParams();
  if (options.reason) query.set('reason', options.reason);
  if (options.trackingId) query.set('tracking_id', options.trackingId);
  return call(context.config, {
    method: 'POST',
    path,
    query,
    body: {
      ...(options.customer ? { customer: options.customer } : {}),
      ...(options.metadata ? { metadata: options.metadata } : {}),
    },
    schema: redemptionRollbackSchema,
    signal: options.signal,
    retry: 'never',
    timeoutMs: context.timeoutMs,
  });
}

/** GET /v1/redemptions/{id}: the redemption (or rollback) record, to check an unknown outcome. */
export async function getRedemption(context: ServerContext, redemptionId: string, options: { signal?: AbortSignal } = {}): Promise<Redemption | RedemptionRollback> {
  return call(context.config, {
    method: 'GET',
    path: redemptionPath('getRedemption', redemptionId),
    schema: redemptionOrRollbackSchema,
    signal: options.signal,
    retry: 'safe',
  });
}
