// docs/server.md › "Reconciling an unknown outcome": the recipe, as the tests run it. test/docs/recipes.test.ts
// checks that the docs block's function is this text, so the recipe users paste is the one proven here.
import { isRedeemOutcomeUnknown, type RedeemOnce, type RedeemOnceReconcileOptions, type RedeemParams, type RedeemResult } from 'voucherkit/server';

// recipe:start
export async function redeemOrReconcile(redeemOnce: RedeemOnce, params: RedeemParams, options?: RedeemOnceReconcileOptions): Promise<RedeemResult> {
  try {
    return await redeemOnce(params);
  } catch (error) {
    if (!isRedeemOutcomeUnknown(error)) throw error; // e.g. redemption_in_progress: answer "still processing"
    // One run takes the order over and settles it; a concurrent one is told redemption_in_progress.
    const outcome = await redeemOnce.reconcile(params, options); // waits out timeoutMs + 30 s at most
    if (outcome.status === 'redeemed') return outcome.result;
    return redeemOnce(params); // not_redeemed, rolled_back or free: nothing is debited, so redeem (claims anew)
  }
}
// recipe:end
