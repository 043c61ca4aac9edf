import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

const redeem = (sandbox: Sandbox, codes: string[], extra: Record<string, unknown> = {}) =>
  call(sandbox, 'POST', '/v1/redemptions', {
    redeemables: codes.map((id) => ({ object: 'voucher', id })),
    order: { amount: 4000 },
    ...extra,
  });

describe('redemptions', () => {
  it('upserts the customer by source_id and returns its id everywhere', async () => {
    const sandbox = createSandbox();
    const { status, body } = await redeem(sandbox, ['SAVE10'], { customer: { source_id: 'ada@example.com', email: 'ada@example.com' } });
    expect(status).toBe(200);
    const customerId = body.parent_redemption.customer_id;
    expect(customerId).toMatch(/^cust_/);
    expect(body.redemptions[0]).toMatchObject({ customer_id: customerId, redemption: body.parent_redemption.id, result: 'SUCCESS', status: 'SUCCEEDED' });
    expect(body.order).toMatchObject({ customer_id: customerId, total_amount: 3000, status: 'PAID' });
    expect(sandbox.state.customers.get(customerId)).toMatchObject({ source_id: 'ada@example.com', email: 'ada@example.com' });
  });

  it('finds the same customer from the tracking id and from the raw identity', async () => {
    const sandbox = createSandbox();
    const issued = (
      await call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'SAVE10' }], tracking_id: 'ada@example.com' })
    ).body.tracking_id;
    const first = await redeem(sandbox, ['SAVE10'], { customer: { source_id: issued } });
    const second = await redeem(sandbox, ['PERCENT15'], { customer: { source_id: 'ada@example.com' } });
    const third = await redeem(sandbox, ['HALFCAP'], { tracking_id: issued });
    expect(second.body.parent_redemption.customer_id).toBe(first.body.parent_redemption.customer_id);
    expect(third.body.parent_redemption.customer_id).toBe(first.body.parent_redemption.customer_id);
    expect(sandbox.state.customers.size).toBe(1);
    expect(first.body.parent_redemption.tracking_id).toBe(issued);
  });

  it('decrements the quantity: a code with one use left is used up after a redeem', async () => {
    const sandbox = createSandbox({ vouchers: [{ code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 1 } }] });
    expect((await redeem(sandbox, ['ONCE'])).status).toBe(200);
    const again = await redeem(sandbox, ['ONCE']);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ key: 'quantity_exceeded', resource_id: 'ONCE' });
    expect(sandbox.state.vouchers.get('ONCE')?.redemption?.redeemed_quantity).toBe(1);
  });

  it('decrements a gift card balance by the credits used', async () => {
    const sandbox = createSandbox();
    const { body } = await redeem(sandbox, ['GIFT50'], { order: { amount: 1800 } });
    expect(body.redemptions[0]).toMatchObject({ gift: { amount: 1800 }, voucher: { gift: { balance: 3200 } } });
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(3200);
  });

  it('records nothing when a stacked code fails', async () => {
    const sandbox = createSandbox();
    const { status, body } = await redeem(sandbox, ['GIFT50', 'DISABLED']);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, key: 'voucher_disabled' });
    expect(sandbox.state.redemptions.size).toBe(0);
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
  });

  it('answers an unknown code with a 404 not_found', async () => {
    const { status, body } = await redeem(createSandbox(), ['NOPE']);
    expect(status).toBe(404);
    expect(body).toMatchObject({ key: 'not_found', resource_type: 'voucher' });
  });

  it('GET /v1/redemptions/{id} returns the stored parent and children', async () => {
    const sandbox = createSandbox();
    const { body } = await redeem(sandbox, ['SAVE10', 'PERCENT15']);
    const parent = await call(sandbox, 'GET', `/v1/redemptions/${body.parent_redemption.id}`);
    expect(parent.body.related_redemptions.redemptions.map((r: { id: string }) => r.id)).toEqual(body.redemptions.map((r: { id: string }) => r.id));
    const child = await call(sandbox, 'GET', `/v1/redemptions/${body.redemptions[1].id}`);
    expect(child.body).toMatchObject({ related_object_type: 'voucher', voucher: { code: 'PERCENT15' }, amount: 450 });
  });

  it('the deprecated single redeem records one redemption with the voucher', async () => {
    const sandbox = createSandbox({ clientRedemption: true });
    const { body } = await call(sandbox, 'POST', '/v1/vouchers/PERCENT15/redemption?tracking_id=ada@example.com', { order: { amount: 2000 } });
    expect(body).toMatchObject({ object: 'redemption', redemption: null, amount: 300, voucher: { code: 'PERCENT15' }, channel: { channel_type: 'API' } });
    expect(body.customer_id).toMatch(/^cust_/);
    const client = await call(sandbox, 'POST', '/client/v1/redeem?code=SAVE10', { customer: { source_id: 'ada@example.com' }, order: { amount: 2000 } });
    expect(client.body).toMatchObject({ customer_id: body.customer_id, channel: { channel_type: 'USER' } });
  });
});

describe('rollback', () => {
  it('restores the quantity and the gift balance, once', async () => {
    const sandbox = createSandbox({
      vouchers: [
        { code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 1 } },
        { code: 'CARD', gift: { amount: 1000, balance: 1000 } },
      ],
    });
    const once = await call(sandbox, 'POST', '/v1/vouchers/ONCE/redemption', { order: { amount: 500 } });
    const card = await call(sandbox, 'POST', '/v1/vouchers/CARD/redemption', { order: { amount: 400 } });
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(600);

    const rolledBack = await call(sandbox, 'POST', `/v1/redemptions/${card.body.id}/rollback?reason=refund`, {});
    expect(rolledBack.body).toMatchObject({ object: 'redemption_rollback', redemption: card.body.id, reason: 'refund', amount: -400, result: 'SUCCESS' });
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(1000);

    await call(sandbox, 'POST', `/v1/redemptions/${once.body.id}/rollback`, { reason: 'cancelled' });
    expect((await call(sandbox, 'POST', '/v1/vouchers/ONCE/redemption', { order: { amount: 500 } })).status).toBe(200);

    const twice = await call(sandbox, 'POST', `/v1/redemptions/${card.body.id}/rollback`, {});
    expect(twice.status).toBe(400);
    expect(twice.body.key).toBe('already_rolled_back');
    expect((await call(sandbox, 'GET', `/v1/redemptions/${card.body.id}`)).body.status).toBe('ROLLED_BACK');
    expect((await call(sandbox, 'GET', `/v1/redemptions/${rolledBack.body.id}`)).body.object).toBe('redemption_rollback');
  });

  it('answers an unknown redemption with 404', async () => {
    const { status, body } = await call(createSandbox(), 'POST', '/v1/redemptions/r_nope/rollback', {});
    expect(status).toBe(404);
    expect(body).toMatchObject({ key: 'not_found', resource_type: 'redemption' });
  });
});
