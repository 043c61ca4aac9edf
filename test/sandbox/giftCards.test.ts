import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxVoucher } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// Gift cards paid in part: `gift.credits` bounded by the balance and the amount due, kept in validation and
// redemption results, debited at redemption, held by LOCK sessions, given back by a rollback.

const CARD: SandboxVoucher = { code: 'CARD', type: 'GIFT_VOUCHER', gift: { amount: 5000, balance: 5000 } };
const SMALL: SandboxVoucher = { code: 'SMALL', type: 'GIFT_VOUCHER', gift: { amount: 2000, balance: 2000 } };
const SAVE10: SandboxVoucher = { code: 'SAVE10', discount: { type: 'AMOUNT', amount_off: 1000 } };

const sandboxWith = (...vouchers: SandboxVoucher[]) => createSandbox({ vouchers });
const card = (id: string, credits?: number) => ({ object: 'voucher', id, ...(credits !== undefined ? { gift: { credits } } : {}) });
const balance = (sandbox: Sandbox, code = 'CARD') => sandbox.state.vouchers.get(code)?.gift?.balance;

const validate = (sandbox: Sandbox, redeemables: unknown[], amount: number, extra: Record<string, unknown> = {}) =>
  call(sandbox, 'POST', '/v1/validations', { redeemables, order: { amount }, ...extra });
const redeem = (sandbox: Sandbox, redeemables: unknown[], amount: number, extra: Record<string, unknown> = {}) =>
  call(sandbox, 'POST', '/v1/redemptions', { redeemables, order: { amount }, ...extra });

describe('gift credits', () => {
  it('validates the credits asked for and keeps { balance, credits } in the result', async () => {
    const { body } = await validate(sandboxWith(CARD), [card('CARD', 1200)], 4000);
    expect(body.valid).toBe(true);
    expect(body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 1200 });
    expect(body.order).toMatchObject({ amount: 4000, total_discount_amount: 1200, total_amount: 2800 });
  });

  it('applies min(balance, amount due) without credits, and bounds credits by the amount due', async () => {
    const sandbox = sandboxWith(CARD);
    expect((await validate(sandbox, [card('CARD')], 3700)).body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 3700 });
    expect((await validate(sandbox, [card('CARD', 4500)], 3000)).body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 3000 });
    expect((await validate(sandbox, [card('CARD')], 9000)).body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 5000 });
  });

  it('refuses credits above the balance with gift_amount_exceeded', async () => {
    const { body } = await validate(sandboxWith(CARD), [card('CARD', 5001)], 9000);
    expect(body.valid).toBe(false);
    expect(body.redeemables[0].result.error).toMatchObject({ key: 'gift_amount_exceeded' });
  });

  it('debits exactly the credits at redemption, and the redemption records them', async () => {
    const sandbox = sandboxWith(CARD);
    const { status, body } = await redeem(sandbox, [card('CARD', 1200)], 4000);
    expect(status).toBe(200);
    expect(body.redemptions[0]).toMatchObject({ amount: 1200, gift: { amount: 1200 } });
    expect(body.order).toMatchObject({ total_discount_amount: 1200, total_amount: 2800 });
    expect(balance(sandbox)).toBe(3800);
  });

  it('stacks two cards after a discount: each covers what the ones before it left', async () => {
    const sandbox = sandboxWith(SAVE10, SMALL, CARD);
    const stack = [{ object: 'voucher', id: 'SAVE10' }, card('SMALL'), card('CARD')];
    const { body } = await validate(sandbox, stack, 6000);
    expect(body.redeemables.map((r: { result: { gift?: unknown } }) => r.result.gift ?? null)).toEqual([
      null,
      { balance: 2000, credits: 2000 },
      { balance: 5000, credits: 3000 },
    ]);
    expect(body.order).toMatchObject({ total_discount_amount: 6000, total_amount: 0 });
    const partial = await redeem(sandbox, [{ object: 'voucher', id: 'SAVE10' }, card('SMALL', 500), card('CARD', 2500)], 6000);
    expect(partial.body.order).toMatchObject({ total_discount_amount: 4000, total_amount: 2000 });
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([1500, 2500]);
  });

  it('answers the same card twice in one request with 400 duplicated_redeemables, nothing redeemed', async () => {
    const sandbox = sandboxWith(CARD);
    for (const send of [validate, redeem]) {
      const { status, body } = await send(sandbox, [card('CARD', 1000), card('CARD', 1000)], 4000);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 400, key: 'duplicated_redeemables' });
    }
    expect(balance(sandbox)).toBe(5000);
  });

  it('gives the credits back on rollback', async () => {
    const sandbox = sandboxWith(CARD, SMALL);
    const { body } = await redeem(sandbox, [card('SMALL', 700), card('CARD', 1300)], 4000);
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([1300, 3700]);
    const rolled = await call(sandbox, 'POST', `/v1/redemptions/${body.parent_redemption.id}/rollbacks`, {});
    expect(rolled.status).toBe(200);
    expect(rolled.body.rollbacks.map((r: { gift: unknown }) => r.gift)).toEqual([{ amount: -700 }, { amount: -1300 }]);
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([2000, 5000]);
  });
});

describe('gift credits under LOCK sessions', () => {
  it('holds the applied credits: other sessions see the balance less what is held', async () => {
    const sandbox = sandboxWith(CARD);
    const locked = await validate(sandbox, [card('CARD', 3000)], 4000, { session: { type: 'LOCK', key: 'ssn_a' } });
    expect(locked.body.session).toMatchObject({ key: 'ssn_a' });
    expect((await validate(sandbox, [card('CARD')], 4000)).body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 2000 });
    // Released, the credits are free again.
    expect((await call(sandbox, 'DELETE', '/v1/vouchers/CARD/sessions/ssn_a')).status).toBe(204);
    expect((await validate(sandbox, [card('CARD')], 4000)).body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 4000 });
  });

  it('holds no more than the amount due, whatever credits were asked', async () => {
    const sandbox = sandboxWith(CARD);
    await validate(sandbox, [card('CARD', 5000)], 1000, { session: { type: 'LOCK', key: 'ssn_small_order' } });
    expect((await validate(sandbox, [card('CARD', 4000)], 9000)).body.valid).toBe(true);
    expect((await validate(sandbox, [card('CARD', 4001)], 9000)).body.redeemables[0].result.error).toMatchObject({ key: 'gift_amount_exceeded' });
  });

  it('redeems the held credits with the key, then the rollback restores them', async () => {
    const sandbox = sandboxWith(CARD);
    await validate(sandbox, [card('CARD', 1500)], 4000, { session: { type: 'LOCK', key: 'ssn_pay' } });
    const { body } = await redeem(sandbox, [card('CARD', 1500)], 4000, { session: { type: 'LOCK', key: 'ssn_pay' } });
    expect(body.redemptions[0]).toMatchObject({ gift: { amount: 1500 }, session: { key: 'ssn_pay' } });
    expect(balance(sandbox)).toBe(3500);
    expect(sandbox.state.sessions.size).toBe(0);
    await call(sandbox, 'POST', `/v1/redemptions/${body.parent_redemption.id}/rollbacks`, {});
    expect(balance(sandbox)).toBe(5000);
  });
});

describe('qualifications: gift.locked_credits', () => {
  const giftOf = (body: { redeemables: { data: Array<{ id: string; result: { gift?: unknown } }> } }) =>
    body.redeemables.data.find((entry) => entry.id === 'CARD')?.result.gift;
  const qualify = (sandbox: Sandbox, session?: unknown) =>
    call(sandbox, 'POST', '/client/v1/qualifications', { order: { amount: 9000 }, ...(session ? { session } : {}) });

  it('is 0 with session LOCK when nothing is held, and absent without the session', async () => {
    const sandbox = sandboxWith(CARD);
    expect(giftOf((await qualify(sandbox, { type: 'LOCK' })).body)).toEqual({ balance: 5000, credits: 5000, locked_credits: 0 });
    expect(giftOf((await qualify(sandbox)).body)).toEqual({ balance: 5000, credits: 5000 });
  });

  it('reports the credits LOCK sessions hold, and the credits still free', async () => {
    const sandbox = sandboxWith(CARD);
    await validate(sandbox, [card('CARD', 1200)], 4000, { session: { type: 'LOCK' } });
    await validate(sandbox, [card('CARD', 300)], 4000, { session: { type: 'LOCK' } });
    expect(giftOf((await qualify(sandbox, { type: 'LOCK' })).body)).toEqual({ balance: 5000, credits: 3500, locked_credits: 1500 });
  });

  it('does not count lapsed sessions', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sandbox = createSandbox({ vouchers: [CARD], clock: () => now });
    await validate(sandbox, [card('CARD', 1200)], 4000, { session: { type: 'LOCK', ttl: 1, ttl_unit: 'MINUTES' } });
    now += 60_000;
    expect(giftOf((await qualify(sandbox, { type: 'LOCK' })).body)).toMatchObject({ locked_credits: 0 });
  });
});

describe('GET /v1/vouchers/{code}', () => {
  it('shows the balance left, by code or by id', async () => {
    const sandbox = sandboxWith(CARD);
    await redeem(sandbox, [card('CARD', 1200)], 4000);
    for (const id of ['CARD', 'v_CARD']) {
      const { status, body } = await call(sandbox, 'GET', `/v1/vouchers/${id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: 'v_CARD', code: 'CARD', type: 'GIFT_VOUCHER', active: true, gift: { amount: 5000, balance: 3800 } });
    }
  });

  it('is 404 not_found for an unknown code and needs the secret keys', async () => {
    const sandbox = sandboxWith(CARD);
    expect((await call(sandbox, 'GET', '/v1/vouchers/NOPE')).body).toMatchObject({ code: 404, key: 'not_found', resource_type: 'voucher' });
    expect((await call(sandbox, 'GET', '/v1/vouchers/CARD', undefined, { 'X-App-Id': 'nobody', 'X-App-Token': 'wrong' })).status).toBe(401);
  });
});
