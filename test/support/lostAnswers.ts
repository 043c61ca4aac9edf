// A redeem whose answer is lost, injected at the server helper's `redeem`: after Voucherify redeemed ('lost_after'),
// or before it saw the request ('lost_before'). That is what an `outcome_unknown` means; the recovery tests, the
// reliability rows and the stores' process tests build their failures from it.
import type { Sandbox } from 'voucherkit/sandbox';
import { OUTCOME_UNKNOWN, VoucherifyError, type RedeemParams, type VoucherifyServer } from 'voucherkit/server';

export type AnswerFate = 'ok' | 'lost_after' | 'lost_before';

/** The server with its redeem's answer lost for the calls `plan` marks (0 is the first call). */
export function losingAnswers(server: VoucherifyServer, plan: (call: number) => AnswerFate): VoucherifyServer {
  let calls = 0;
  return {
    ...server,
    redeem: async (params: RedeemParams) => {
      const fate = plan(calls++);
      const lost = () =>
        new VoucherifyError({ kind: 'timeout', key: OUTCOME_UNKNOWN, message: `answer lost (${fate === 'lost_after' ? 'redeemed' : 'never processed'})` });
      if (fate === 'lost_before') throw lost();
      const result = await server.redeem(params);
      if (fate === 'lost_after') throw lost();
      return result;
    },
  };
}

/** Redemptions of the order that stand in the sandbox (succeeded, not rolled back), one per code. */
export function standingRedemptions(sandbox: Sandbox, orderId: string): number {
  return [...sandbox.state.redemptions.values()].filter(
    (r) =>
      r.object === 'redemption' &&
      r.related_object_type === 'voucher' &&
      r.status === 'SUCCEEDED' &&
      (r.order as { source_id?: string } | null)?.source_id === orderId,
  ).length;
}

/** The sandbox's child redemptions (one per code) per order id, rolled back or not. */
export function redemptionsPerOrder(sandbox: Sandbox): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of sandbox.state.redemptions.values()) {
    if (record.object !== 'redemption' || record.related_object_type !== 'voucher') continue;
    const orderId = String((record.order as { source_id?: string } | undefined)?.source_id);
    counts.set(orderId, (counts.get(orderId) ?? 0) + 1);
  }
  return counts;
}
