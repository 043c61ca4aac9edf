import { describe, expect, test } from 'vitest';
import { SEED_VOUCHERS } from 'voucherkit/sandbox';
import { isRedeemOutcomeUnknown } from 'voucherkit/server';
import { sandboxServer } from './sandboxFetch.js';

// docs/server.md, "Payment failed after redeem": the recipe, step by step, against the sandbox.
const LIMITED = { code: 'LIMITED1', type: 'DISCOUNT_VOUCHER' as const, discount: { type: 'AMOUNT' as const, amount_off: 500 }, redemption: { quantity: 1 } };

class PaymentDeclined extends Error {}
async function chargeCard(_amount: number): Promise<never> {
  throw new PaymentDeclined('card_declined');
}

describe('payment failed after redeem: rollback with the helper', () => {
  test('two codes (a limited code and a gift card) are redeemed, the payment fails, the rollback gives back the use and the gift balance', async () => {
    const { sandbox, sent, server } = sandboxServer({ vouchers: [...SEED_VOUCHERS, LIMITED] });
    const order = { source_id: 'ord_declined', amount: 8000 };

    const redeemed = await server.redeem({ codes: ['LIMITED1', 'GIFT50'], trackingId: null, order });
    expect(sandbox.state.vouchers.get('LIMITED1')!.redemption?.redeemed_quantity).toBe(1);
    const giftAfterRedeem = sandbox.state.vouchers.get('GIFT50')!.gift!.balance;
    expect(giftAfterRedeem).toBeLessThan(5000);

    let undone: Awaited<ReturnType<typeof server.rollback>> | undefined;
    try {
      await chargeCard(redeemed.order!.totalAmount);
    } catch (error) {
      if (!(error instanceof PaymentDeclined)) throw error;
      undone = await server.rollback(redeemed.parentRedemption!.id, { reason: 'payment declined', order: { source_id: order.source_id } });
    }

    // One call, to the plural endpoint, with the reason as a query parameter and the order in the body.
    const request = sent.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url.pathname).toBe(`/v1/redemptions/${redeemed.parentRedemption!.id}/rollbacks`);
    expect(request.url.searchParams.get('reason')).toBe('payment declined');
    expect(request.body).toEqual({ order: { source_id: 'ord_declined' } });

    // One result shape: the parent rollback, one rollback per child, the order.
    expect(undone!.parentRollback).toMatchObject({ object: 'redemption_rollback', redemption: redeemed.parentRedemption!.id });
    expect(undone!.rollbacks).toHaveLength(2);
    expect(undone!.rollbacks.every((rollback) => rollback.object === 'redemption_rollback')).toBe(true);
    expect(undone!.raw.rollbacks).toHaveLength(2);

    // The use and the credits are back, in the sandbox's state and through the API.
    expect(sandbox.state.vouchers.get('LIMITED1')!.redemption?.redeemed_quantity).toBe(0);
    expect(sandbox.state.vouchers.get('GIFT50')!.gift!.balance).toBe(5000);
    expect(await server.getRedemption(redeemed.parentRedemption!.id)).toMatchObject({ status: 'ROLLED_BACK' });
    for (const child of redeemed.redemptions) expect(await server.getRedemption(child.id)).toMatchObject({ status: 'ROLLED_BACK' });
    // And the limited code can be used again.
    await expect(server.redeem({ code: 'LIMITED1', trackingId: null, order: { source_id: 'ord_retry', amount: 8000 } })).resolves.toBeDefined();
  });

  test('a single (non-stacked) redemption is rolled back through the same endpoint, with an empty parent', async () => {
    const { sent, server } = sandboxServer();
    const { redemption } = await server.redeemVoucher('SAVE10', { trackingId: null, order: { source_id: 'ord_single', amount: 5000 } });
    const undone = await server.rollback(redemption.id);
    expect(sent.at(-1)!.url.pathname).toBe(`/v1/redemptions/${redemption.id}/rollbacks`);
    expect(undone.rollbacks.length + (undone.parentRollback ? 1 : 0)).toBeGreaterThanOrEqual(1);
  });

  test('a child redemption is refused (invalid_redemption_parent), a repeat is already_rolled_back, both typed', async () => {
    const { server } = sandboxServer();
    const redeemed = await server.redeem({ codes: ['SAVE10', 'GIFT50'], trackingId: null, order: { source_id: 'ord_child', amount: 8000 } });
    await expect(server.rollback(redeemed.redemptions[0]!.id)).rejects.toMatchObject({ kind: 'api', status: 400, key: 'invalid_redemption_parent' });
    await server.rollback(redeemed.parentRedemption!.id);
    await expect(server.rollback(redeemed.parentRedemption!.id)).rejects.toMatchObject({ kind: 'api', status: 400, key: 'already_rolled_back' });
  });

  test('a lost answer is outcome_unknown, never retried; an unreadable 2xx too', async () => {
    const { sandbox, sent, server } = sandboxServer();
    const redeemed = await server.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'ord_lost', amount: 5000 } });
    sandbox.setFaults({ kind: 'connection_reset', path: '/v1/redemptions/', times: 1 });
    const before = sent.length;
    const error = await server.rollback(redeemed.parentRedemption!.id).catch((e: unknown) => e);
    expect(isRedeemOutcomeUnknown(error)).toBe(true);
    expect(sent.length - before).toBe(1);
    sandbox.setFaults({ kind: 'schema_drift', path: '/v1/redemptions/', times: 1 });
    const drifted = await server.rollback(redeemed.parentRedemption!.id).catch((e: unknown) => e);
    expect(drifted).toMatchObject({ kind: 'invalid_response', key: 'outcome_unknown' });
  });

  test('misuse is a TypeError naming the parameter, before any call', async () => {
    const { sent, server } = sandboxServer();
    await expect(server.rollback('')).rejects.toThrow(/parentRedemptionId/);
    await expect(server.rollback('..')).rejects.toThrow(TypeError);
    await expect(server.rollback('r_1', { order: 'ord_1' } as never)).rejects.toThrow(/`order`/);
    expect(sent).toEqual([]);
  });
});
