import { call } from '../core/internal.js';
import { decodeWith } from './decodeWith.js';
import { redemptionPath } from './redemptionPath.js';
import { redemptionOrRollbackSchema, type Redemption, type RedemptionRollback } from './schemas.js';
import type { ServerContext } from './types.js';

/**
 * GET /v1/redemptions/{id}: the redemption (or rollback) record, to check an unknown outcome. Retried like a read.
 *
 * @example
 * const record = await getRedemption(context, 'r_123') // record.status === 'ROLLED_BACK' after a rollback
 */
export async function getRedemption(
  context: ServerContext,
  redemptionId: string,
  options: { signal?: AbortSignal } = {},
): Promise<Redemption | RedemptionRollback> {
  return call(context.config, {
    method: 'GET',
    path: redemptionPath('getRedemption', 'redemptionId', redemptionId),
    decode: decodeWith(redemptionOrRollbackSchema),
    signal: options.signal,
    retry: 'safe',
  });
}
