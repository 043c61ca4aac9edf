import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// POST /v1/redemptions always makes a parent with children; Voucherify undoes it only through
// POST /v1/redemptions/{parentRedemptionId}/rollbacks, and refuses /rollback on a parent or a child.

const vouchers = [
  { code: 'ONCE', discount: { type: 'AMOUNT' as const, amount_off: 500 }, redemption: { quantity: 1 } },
  { code: 'CARD', gift: { amount: 5000, balance: 5000 } },
];

async function redeemTwo(sandbox: Sandbox) {
  const { status, body } = await call(sandbox, 'POST', '/v1/redemptions', {
    redeemables: [
      { object: 'voucher', id: 'ONCE' },
      { object: 'voucher', id: 'CARD' },
    ],
    order: { source_id: 'order-1', amount: 3000 },
    customer: { source_id: 'ada@example.com' },
  });
  expect(status).toBe(200);
  return body as { parent_redemption: { id: string }; redemptions: Array<{ id: string }>; order: { id: string } };
}

describe('POST /v1/redemptions/{parentRedemptionId}/rollbacks', () => {
  it('rolls back the parent and every child, giving back the use and the gift credits', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(2500);
    const parentId = redeemed.parent_redemption.id;

    const { status, body } = await call(sandbox, 'POST', `/v1/redemptions/${parentId}/rollbacks?reason=payment%20failed`, { metadata: { attempt: 1 } });
    expect(status).toBe(200);
    expect(body.parent_rollback).toMatchObject({
      object: 'redemption_rollback',
      redemption: parentId,
      result: 'SUCCESS',
      status: 'SUCCEEDED',
      reason: 'payment failed',
      related_object_type: 'redemption',
      metadata: { attempt: 1 },
    });
    expect(body.parent_rollback.id).toMatch(/^rr_/);
    expect(body.rollbacks.map((r: { redemption: string }) => r.redemption)).toEqual(redeemed.redemptions.map((r) => r.id));
    expect(body.rollbacks[1]).toMatchObject({ amount: -2500, gift: { amount: -2500 }, voucher: { code: 'CARD', gift: { balance: 5000 } } });
    expect(body.order).toMatchObject({ id: redeemed.order.id, source_id: 'order-1', status: 'CANCELED' });
    expect(body.order.redemptions[parentId]).toMatchObject({ rollback_id: body.parent_rollback.id, related_object_type: 'redemption' });

    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(5000);
    expect(sandbox.state.vouchers.get('ONCE')?.redemption?.redeemed_quantity).toBe(0);
    expect(sandbox.state.customers.get(body.parent_rollback.customer_id)?.redemptions.total_rolled_back).toBe(2);
    // The code with one use is usable again.
    expect((await redeemTwo(sandbox)).redemptions).toHaveLength(2);
  });

  it('records the rollbacks: GET /v1/redemptions/{id} returns them, and the redemptions are ROLLED_BACK', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    const { body } = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.parent_redemption.id}/rollbacks`, {});
    for (const rollback of [body.parent_rollback, ...body.rollbacks]) {
      const stored = await call(sandbox, 'GET', `/v1/redemptions/${rollback.id}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toEqual(rollback);
    }
    const parent = await call(sandbox, 'GET', `/v1/redemptions/${redeemed.parent_redemption.id}`);
    expect(parent.body).toMatchObject({ status: 'ROLLED_BACK', related_redemptions: { rollbacks: [{ id: body.parent_rollback.id }] } });
    const child = await call(sandbox, 'GET', `/v1/redemptions/${redeemed.redemptions[0]!.id}`);
    expect(child.body).toMatchObject({ status: 'ROLLED_BACK', related_redemptions: { rollbacks: [{ id: body.rollbacks[0].id }] } });
  });

  it('answers a repeat with 400 already_rolled_back, as the spec example, and restores nothing twice', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    await call(sandbox, 'POST', `/v1/redemptions/${redeemed.parent_redemption.id}/rollbacks`, {});
    const again = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.parent_redemption.id}/rollbacks`, {});
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      code: 400,
      key: 'already_rolled_back',
      message: 'Already rolled back',
      details: 'Redemption has been already rolled back.',
      resource_type: 'redemption_rollback',
    });
    expect(again.body.resource_id).toMatch(/^rrf_/);
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(5000);
    expect(sandbox.state.vouchers.get('ONCE')?.redemption?.redeemed_quantity).toBe(0);
  });

  it('refuses a child with 400 invalid_redemption_parent, as the spec example', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    const { status, body } = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.redemptions[0]!.id}/rollbacks`, {});
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 400,
      key: 'invalid_redemption_parent',
      message: 'Invalid redemption parent',
      details: 'You can rollback only a redemption that does not have parent redemption.',
      request_id: expect.stringMatching(/^v-/),
    });
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(2500);
  });

  it('rolls back a single (non-stacked) redemption too, as its description says', async () => {
    const sandbox = createSandbox({ vouchers });
    const single = await call(sandbox, 'POST', '/v1/vouchers/CARD/redemption', { order: { amount: 1200 } });
    const { status, body } = await call(sandbox, 'POST', `/v1/redemptions/${single.body.id}/rollbacks`, {});
    expect(status).toBe(200);
    expect(body.parent_rollback).toMatchObject({ redemption: single.body.id, related_object_type: 'voucher', amount: -1200 });
    expect(body.rollbacks).toEqual([body.parent_rollback]);
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(5000);
  });

  it('answers an unknown id, or a rollback id, with 404 not_found', async () => {
    const sandbox = createSandbox({ vouchers });
    expect((await call(sandbox, 'POST', '/v1/redemptions/r_missing/rollbacks', {})).body).toMatchObject({
      code: 404,
      key: 'not_found',
      resource_type: 'redemption',
    });
    const redeemed = await redeemTwo(sandbox);
    const { body } = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.parent_redemption.id}/rollbacks`, {});
    expect((await call(sandbox, 'POST', `/v1/redemptions/${body.parent_rollback.id}/rollbacks`, {})).status).toBe(404);
  });
});

describe('POST /v1/redemptions/{redemptionId}/rollback on a stacked redemption', () => {
  it('refuses the parent with 400 invalid_redemption, as the spec example, and changes nothing', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    const { status, body } = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.parent_redemption.id}/rollback`, {});
    expect(status).toBe(400);
    expect(body).toEqual({
      code: 400,
      key: 'invalid_redemption',
      message: 'Invalid redemption',
      details: 'You can rollback only a single redemption. Use different endpoint for stacked redemption.',
      request_id: expect.stringMatching(/^v-/),
    });
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(2500);
    expect((await call(sandbox, 'GET', `/v1/redemptions/${redeemed.parent_redemption.id}`)).body.status).toBe('SUCCEEDED');
  });

  it('refuses a child with 400 invalid_redemption_parent', async () => {
    const sandbox = createSandbox({ vouchers });
    const redeemed = await redeemTwo(sandbox);
    const { status, body } = await call(sandbox, 'POST', `/v1/redemptions/${redeemed.redemptions[1]!.id}/rollback`, {});
    expect(status).toBe(400);
    expect(body).toMatchObject({ key: 'invalid_redemption_parent', message: 'Invalid redemption parent' });
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(2500);
  });

  it('answers a repeat on a single redemption with already_rolled_back in the spec example shape', async () => {
    const sandbox = createSandbox({ vouchers });
    const single = await call(sandbox, 'POST', '/v1/vouchers/ONCE/redemption', { order: { amount: 1200 } });
    expect((await call(sandbox, 'POST', `/v1/redemptions/${single.body.id}/rollback`, {})).status).toBe(200);
    const again = await call(sandbox, 'POST', `/v1/redemptions/${single.body.id}/rollback`, {});
    expect(again.body).toMatchObject({
      code: 400,
      key: 'already_rolled_back',
      details: 'Redemption has been already rolled back.',
      resource_type: 'redemption_rollback',
    });
    expect(again.body.resource_id).toMatch(/^rrf_/);
  });
});
