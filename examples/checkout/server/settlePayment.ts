import type { RedeemResult, VoucherifyServer } from 'voucherkit/server';

/** What happened to one order's payment, and to its redemption when the payment failed. */
export type Settlement =
  | { paid: true; paymentId: string }
  | {
      paid: false;
      /** The parent rollback's id when the redemption was rolled back; null when nothing was redeemed or the rollback failed. */
      rollbackId: string | null;
      /** The codes are free again (rolled back, or none was redeemed). False: the rollback failed and the codes stay used. */
      released: boolean;
    };

/** What `settle` needs: the order, what was redeemed for it (null without a code) and the fake card's instruction. */
export interface SettleParams {
  orderId: string;
  /** What to charge, in minor units: Voucherify's total after the discount. */
  amount: number;
  redeemed: RedeemResult | null;
  /** The demo's "Simulate a declined card" box. */
  decline: boolean;
  trackingId: string | null;
}

/** Charges the (fake) card after the redeem, and rolls the redeem back when the card is declined. */
export type SettlePayment = (params: SettleParams) => Promise<Settlement>;

/** Stands in for a payment provider: nothing is charged; a declined card fails the way a real one would, after the redeem. */
async function chargeFakeCard(orderId: string, amount: number, decline: boolean): Promise<{ ok: true; paymentId: string } | { ok: false }> {
  if (decline || amount < 0) return { ok: false };
  return { ok: true, paymentId: `pay_demo_${orderId}` };
}

/**
 * Creates the demo's payment step. Each order id settles once, like a payment provider's idempotency key: a
 * double submit of a declined checkout gets the same decline and the same rollback, never a second rollback
 * (Voucherify would answer `already_rolled_back`) nor a payment against a rolled-back redemption.
 *
 * @example
 * const settle = createPaymentSettler(voucherify)
 * const settlement = await settle({ orderId, amount: redeemed.order.totalAmount, redeemed, decline: false, trackingId })
 */
export function createPaymentSettler(voucherify: Pick<VoucherifyServer, 'rollback'>): SettlePayment {
  const settled = new Map<string, Promise<Settlement>>();

  async function rollBack(params: SettleParams, redeemed: RedeemResult): Promise<Settlement> {
    // The parent undoes every code of the stacked redeem; its id comes from Voucherify's answer, never from the browser.
    const redemptionId = redeemed.parentRedemption?.id ?? redeemed.redemptions[0]?.id;
    try {
      if (!redemptionId) throw new Error('the redeem answer holds no redemption id');
      const result = await voucherify.rollback(redemptionId, {
        reason: 'payment declined',
        ...(params.trackingId ? { trackingId: params.trackingId } : {}),
        order: { source_id: params.orderId },
        metadata: { channel: 'voucherkit-demo' },
      });
      // A rollback Voucherify recorded as failed leaves that code used: not a release.
      const failed = [result.parentRollback, ...result.rollbacks].filter((rollback) => rollback?.result === 'FAILURE');
      if (failed.length > 0) throw new Error(`Voucherify answered FAILURE for ${failed.map((rollback) => rollback?.id).join(', ')}`);
      const rollbackId = result.parentRollback?.id ?? result.rollbacks[0]?.id ?? null;
      return { paid: false, rollbackId, released: true };
    } catch (error) {
      // Never a silent success: the code stays used until someone rolls it back by hand, so say which redemption.
      console.error(
        `[demo] payment declined for ${params.orderId} but redemption ${redemptionId ?? '(none)'} was NOT rolled back; roll it back by hand`,
        error,
      );
      return { paid: false, rollbackId: null, released: false };
    }
  }

  async function run(params: SettleParams): Promise<Settlement> {
    const payment = await chargeFakeCard(params.orderId, params.amount, params.decline);
    if (payment.ok) return { paid: true, paymentId: payment.paymentId };
    if (!params.redeemed || params.redeemed.redemptions.length === 0) return { paid: false, rollbackId: null, released: true };
    return rollBack(params, params.redeemed);
  }

  return (params) => {
    let settlement = settled.get(params.orderId);
    if (!settlement) {
      settlement = run(params);
      settled.set(params.orderId, settlement);
    }
    return settlement;
  };
}
