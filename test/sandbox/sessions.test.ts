import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox, type SandboxVoucher } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// LOCK validation sessions: each lock holds one use of each code it validates (and a gift card's credits) until
// a redeem with its key consumes it, DELETE …/sessions/{key} releases it, or its ttl passes on the sandbox clock.

const ONCE: SandboxVoucher = { code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 1 } };
const TWICE: SandboxVoucher = { code: 'TWICE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 2 } };
const CARD: SandboxVoucher = { code: 'CARD', type: 'GIFT_VOUCHER', gift: { amount: 5000, balance: 5000 } };
const order = { amount: 4000 };

const sandboxWith = (...vouchers: SandboxVoucher[]) => createSandbox({ vouchers });

type Redeemable = string | { id: string; credits: number };
const redeemables = (codes: Redeemable[]) =>
  codes.map((code) => (typeof code === 'string' ? { object: 'voucher', id: code } : { object: 'voucher', id: code.id, gift: { credits: code.credits } }));

const validate = (sandbox: Sandbox, codes: Redeemable[], session?: Record<string, unknown>, path = '/v1/validations') =>
  call(sandbox, 'POST', path, { redeemables: redeemables(codes), order, ...(session ? { session } : {}) });

const redeem = (sandbox: Sandbox, codes: Redeemable[], key?: string) =>
  call(sandbox, 'POST', '/v1/redemptions', { redeemables: redeemables(codes), order, ...(key ? { session: { type: 'LOCK', key } } : {}) });

const errorKeys = (body: { redeemables: Array<{ result: { error?: { key: string } } }> }) => body.redeemables.map((entry) => entry.result.error?.key ?? null);

describe('LOCK validation sessions', () => {
  it('refuses a second LOCK of a quantity-1 code under another key with quantity_exceeded', async () => {
    const sandbox = sandboxWith(ONCE);
    const first = await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_first' });
    expect(first.body).toMatchObject({ valid: true, session: { key: 'ssn_first', type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' } });
    const second = await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_second' });
    expect(second.status).toBe(200);
    expect(second.body.valid).toBe(false);
    expect(errorKeys(second.body)).toEqual(['quantity_exceeded']);
    // No lock was taken, so nothing is echoed.
    expect(second.body.session).toBeUndefined();
  });

  it('counts held uses for a validation without a session too', async () => {
    const sandbox = sandboxWith(ONCE);
    await validate(sandbox, ['ONCE'], { type: 'LOCK' });
    const plain = await validate(sandbox, ['ONCE']);
    expect(errorKeys(plain.body)).toEqual(['quantity_exceeded']);
  });

  it('lets another key lock the code once the first session is released', async () => {
    const sandbox = sandboxWith(ONCE);
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_first' });
    const released = await call(sandbox, 'DELETE', '/v1/vouchers/ONCE/sessions/ssn_first');
    expect(released.status).toBe(204);
    const second = await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_second' });
    expect(second.body.valid).toBe(true);
  });

  it('lets the hold lapse at its ttl on the sandbox clock', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sandbox = createSandbox({ vouchers: [ONCE], clock: () => now });
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_first', ttl: 15, ttl_unit: 'MINUTES' });
    now += 15 * 60_000 - 1;
    expect((await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_second' })).body.valid).toBe(false);
    now += 1;
    expect((await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_second' })).body.valid).toBe(true);
  });

  it('holds for 7 days when only the type is sent, under a generated ssn_ key', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sandbox = createSandbox({ vouchers: [ONCE], clock: () => now });
    const first = await validate(sandbox, ['ONCE'], { type: 'LOCK' });
    expect(first.body.session).toEqual({ key: expect.stringMatching(/^ssn_[a-z0-9]{24}$/), type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
    now += 7 * 86_400_000 - 1;
    expect((await validate(sandbox, ['ONCE'])).body.valid).toBe(false);
    now += 1;
    expect((await validate(sandbox, ['ONCE'])).body.valid).toBe(true);
  });

  it('takes one use for the same key validated twice (the second overwrites the session)', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sandbox = createSandbox({ vouchers: [TWICE], clock: () => now });
    const session = { type: 'LOCK', key: 'ssn_same', ttl: 1, ttl_unit: 'HOURS' };
    expect((await validate(sandbox, ['TWICE'], session)).body.valid).toBe(true);
    expect((await validate(sandbox, ['TWICE'], session)).body.valid).toBe(true);
    // One use of two is held, so another key still gets the second use, and a third key gets none.
    expect((await validate(sandbox, ['TWICE'], { type: 'LOCK', key: 'ssn_other' })).body.valid).toBe(true);
    expect(errorKeys((await validate(sandbox, ['TWICE'], { type: 'LOCK', key: 'ssn_third' })).body)).toEqual(['quantity_exceeded']);
    // The overwrite also renewed the ttl: the session now ends 1 hour after its last validation.
    now += 30 * 60_000;
    expect((await validate(sandbox, ['TWICE'], session)).body.valid).toBe(true);
    now += 45 * 60_000;
    expect((await validate(sandbox, ['TWICE'], { type: 'LOCK', key: 'ssn_third' })).body.valid).toBe(false);
    now += 15 * 60_000;
    expect((await validate(sandbox, ['TWICE'], { type: 'LOCK', key: 'ssn_third' })).body.valid).toBe(true);
  });

  it('lets a redeem that sends the key consume its own hold', async () => {
    const sandbox = sandboxWith(ONCE);
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_mine' });
    const redeemed = await redeem(sandbox, ['ONCE'], 'ssn_mine');
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.redemptions[0]).toMatchObject({ result: 'SUCCESS', session: { key: 'ssn_mine' } });
    expect(sandbox.state.vouchers.get('ONCE')?.redemption?.redeemed_quantity).toBe(1);
    // The hold became the redemption: nothing is left to release, and the code is used up.
    expect((await call(sandbox, 'DELETE', '/v1/vouchers/ONCE/sessions/ssn_mine')).status).toBe(404);
    expect((await redeem(sandbox, ['ONCE'], 'ssn_mine')).body).toMatchObject({ key: 'quantity_exceeded' });
  });

  it('refuses a redeem without the key when the last use is held', async () => {
    const sandbox = sandboxWith(ONCE);
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_mine' });
    const stackable = await redeem(sandbox, ['ONCE']);
    expect(stackable.status).toBe(400);
    expect(stackable.body).toMatchObject({ code: 400, key: 'quantity_exceeded', resource_id: 'ONCE' });
    const otherKey = await redeem(sandbox, ['ONCE'], 'ssn_someone_else');
    expect(otherKey.body).toMatchObject({ key: 'quantity_exceeded' });
    const legacy = await call(sandbox, 'POST', '/v1/vouchers/ONCE/redemption', { order });
    expect(legacy.body).toMatchObject({ key: 'quantity_exceeded' });
    expect(sandbox.state.vouchers.get('ONCE')?.redemption?.redeemed_quantity ?? 0).toBe(0);
  });

  it('consumes the hold on the deprecated POST /v1/vouchers/{code}/redemption with the key', async () => {
    const sandbox = sandboxWith(ONCE);
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_mine' });
    const redeemed = await call(sandbox, 'POST', '/v1/vouchers/ONCE/redemption', { order, session: { type: 'LOCK', key: 'ssn_mine' } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ result: 'SUCCESS', session: { key: 'ssn_mine' } });
  });

  it('consumes the hold on the client redeem endpoints with the key, when client redemption is on', async () => {
    const sandbox = createSandbox({ vouchers: [ONCE, { ...ONCE, code: 'ALSO' }], clientRedemption: true });
    await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_one' });
    await validate(sandbox, ['ALSO'], { type: 'LOCK', key: 'ssn_also' });
    const body = { redeemables: redeemables(['ONCE']), order };
    expect((await call(sandbox, 'POST', '/client/v1/redemptions', body)).body).toMatchObject({ key: 'quantity_exceeded' });
    const stacked = await call(sandbox, 'POST', '/client/v1/redemptions', { ...body, session: { type: 'LOCK', key: 'ssn_one' } });
    expect(stacked.status).toBe(200);
    expect((await call(sandbox, 'POST', '/client/v1/redeem?code=ALSO', { order })).body).toMatchObject({ key: 'quantity_exceeded' });
    const legacy = await call(sandbox, 'POST', '/client/v1/redeem?code=ALSO', { order, session: { key: 'ssn_also' } });
    expect(legacy.body).toMatchObject({ result: 'SUCCESS', session: { key: 'ssn_also' } });
  });

  it('holds the requested gift credits from other sessions and plain redeems', async () => {
    const sandbox = sandboxWith(CARD);
    expect((await validate(sandbox, [{ id: 'CARD', credits: 4000 }], { type: 'LOCK', key: 'ssn_gift' })).body.valid).toBe(true);
    // 1000 of the 5000 are free: asking for more is gift_amount_exceeded, asking for nothing applies what is free.
    const more = await validate(sandbox, [{ id: 'CARD', credits: 2000 }], { type: 'LOCK', key: 'ssn_other' });
    expect(errorKeys(more.body)).toEqual(['gift_amount_exceeded']);
    const rest = await validate(sandbox, ['CARD']);
    expect(rest.body.redeemables[0].result.gift).toEqual({ balance: 5000, credits: 1000 });
    expect((await redeem(sandbox, [{ id: 'CARD', credits: 2000 }])).body).toMatchObject({ key: 'gift_amount_exceeded' });
    // The holder redeems its credits; the card keeps the other 1000.
    const redeemed = await redeem(sandbox, [{ id: 'CARD', credits: 4000 }], 'ssn_gift');
    expect(redeemed.status).toBe(200);
    expect(sandbox.state.vouchers.get('CARD')?.gift?.balance).toBe(1000);
    expect((await validate(sandbox, [{ id: 'CARD', credits: 1000 }])).body.valid).toBe(true);
  });

  it('holds one use of each code of a stacked validation', async () => {
    const sandbox = sandboxWith(ONCE, { ...ONCE, code: 'ALSO' }, CARD);
    const stacked = await validate(sandbox, ['ONCE', 'ALSO', { id: 'CARD', credits: 500 }], { type: 'LOCK', key: 'ssn_stack' });
    expect(stacked.body).toMatchObject({ valid: true, session: { key: 'ssn_stack' } });
    expect(errorKeys((await validate(sandbox, ['ONCE'])).body)).toEqual(['quantity_exceeded']);
    expect(errorKeys((await validate(sandbox, ['ALSO'])).body)).toEqual(['quantity_exceeded']);
    expect((await validate(sandbox, [{ id: 'CARD', credits: 4500 }])).body.valid).toBe(true);
    expect(errorKeys((await validate(sandbox, [{ id: 'CARD', credits: 4501 }])).body)).toEqual(['gift_amount_exceeded']);
    // A redeem of both codes with the key consumes both holds.
    const redeemed = await redeem(sandbox, ['ONCE', 'ALSO'], 'ssn_stack');
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.parent_redemption.session).toEqual({ key: 'ssn_stack' });
  });

  it('takes no hold for a validation that is not valid', async () => {
    const sandbox = sandboxWith(ONCE, { ...ONCE, code: 'OFF', active: false });
    const refused = await validate(sandbox, ['ONCE', 'OFF'], { type: 'LOCK', key: 'ssn_mixed' });
    expect(refused.body.valid).toBe(false);
    expect(refused.body.session).toBeUndefined();
    expect((await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_other' })).body.valid).toBe(true);
  });

  it('locks on the client stackable endpoint too', async () => {
    const sandbox = sandboxWith(ONCE);
    const client = await validate(sandbox, ['ONCE'], { type: 'LOCK', key: 'ssn_browser' }, '/client/v1/validations');
    expect(client.body).toMatchObject({ valid: true, session: { key: 'ssn_browser' } });
    expect((await validate(sandbox, ['ONCE'])).body.valid).toBe(false);
  });

  it('refuses an unknown ttl_unit with 400 naming session.ttl_unit', async () => {
    const answer = await validate(sandboxWith(ONCE), ['ONCE'], { type: 'LOCK', ttl: 1, ttl_unit: 'WEEKS' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ key: 'invalid_payload', details: expect.stringContaining('session.ttl_unit') });
  });
});

describe('LOCK sessions on the deprecated validate endpoints', () => {
  it('GET /client/v1/validate locks with session_type=LOCK and session_key', async () => {
    const sandbox = sandboxWith(ONCE);
    const first = await call(
      sandbox,
      'GET',
      '/client/v1/validate?code=ONCE&amount=4000&session_type=LOCK&session_key=ssn_get&session_ttl=2&session_ttl_unit=HOURS',
    );
    expect(first.body).toMatchObject({ valid: true, session: { key: 'ssn_get', type: 'LOCK', ttl: 2, ttl_unit: 'HOURS' } });
    const second = await call(sandbox, 'GET', '/client/v1/validate?code=ONCE&amount=4000&session_type=LOCK');
    expect(second.body).toMatchObject({ valid: false, reason: 'quantity exceeded', error: { key: 'quantity_exceeded' } });
    // The same key again overwrites and stays valid.
    const again = await call(sandbox, 'GET', '/client/v1/validate?code=ONCE&amount=4000&session_type=LOCK&session_key=ssn_get');
    expect(again.body).toMatchObject({ valid: true, session: { key: 'ssn_get', ttl: 7, ttl_unit: 'DAYS' } });
  });

  it('GET /client/v1/validate holds the gift credits it applies', async () => {
    const sandbox = sandboxWith(CARD);
    await call(sandbox, 'GET', '/client/v1/validate?code=CARD&amount=3000&session_type=LOCK&session_key=ssn_card');
    expect((await validate(sandbox, [{ id: 'CARD', credits: 2001 }])).body.valid).toBe(false);
    expect((await validate(sandbox, [{ id: 'CARD', credits: 2000 }])).body.valid).toBe(true);
  });

  it('POST /v1/vouchers/{code}/validate locks with session in the body', async () => {
    const sandbox = sandboxWith(ONCE);
    const first = await call(sandbox, 'POST', '/v1/vouchers/ONCE/validate', { order, session: { type: 'LOCK', key: 'ssn_post' } });
    expect(first.body).toMatchObject({ valid: true, session: { key: 'ssn_post', type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' } });
    const second = await call(sandbox, 'POST', '/v1/vouchers/ONCE/validate', { order, session: { type: 'LOCK' } });
    expect(second.body).toMatchObject({ valid: false, error: { key: 'quantity_exceeded' } });
    expect(second.body.session).toBeUndefined();
  });
});
