// The recovery mode of the two-process store tests (redisChild.ts, postgresChild.ts): lost answers and slow lookups.
// Relative imports of src, as the children's own: esbuild bundles them into plain node scripts.
import { OUTCOME_UNKNOWN, VoucherifyError, type VoucherifyServer } from '../../src/server/index.js';

/**
 * The recovery mode: the first redeem of each order loses its answer (processed for even orders, never processed
 * for odd ones), the lookups are slow by a random delay, and three runs of the documented recipe per order start
 * at random moments.
 */
export function losingFirstAnswers(voucherify: VoucherifyServer): Pick<VoucherifyServer, 'redeem' | 'reconcileRedeem'> {
  const seen = new Set<string>();
  const lookupMs = Math.floor(Math.random() * 150);
  return {
    redeem: async (params) => {
      const orderId = String(params.order.source_id);
      const first = !seen.has(orderId);
      seen.add(orderId);
      const processed = Number(orderId.split('_').pop()) % 2 === 0;
      if (first && !processed) throw new VoucherifyError({ kind: 'timeout', key: OUTCOME_UNKNOWN, message: 'answer lost (never processed)' });
      const result = await voucherify.redeem(params);
      if (first) throw new VoucherifyError({ kind: 'timeout', key: OUTCOME_UNKNOWN, message: 'answer lost (redeemed)' });
      return result;
    },
    reconcileRedeem: async (params) => voucherify.reconcileRedeem(params).finally(() => new Promise((resolve) => setTimeout(resolve, lookupMs))),
  };
}
