import { describe, expect, test } from 'vitest';
import { SEED_VOUCHERS, type SandboxVoucher } from 'voucherkit/sandbox';
import { isVoucherifyError } from 'voucherkit/server';
import { sandboxServer, type SentRequest } from './sandboxFetch.js';

// Gift cards paid in part through the server helper: the browser's credits are a wish, capped by the card's balance
// (read by the server's own validation) and by what the server's own cart owes; the card charge is the redemption's.

const SMALL: SandboxVoucher = { code: 'SMALL', type: 'GIFT_VOUCHER', gift: { amount: 2000, balance: 2000 } };
const EXPIRING: SandboxVoucher = {
  code: 'GIFTCARD-2030',
  type: 'GIFT_VOUCHER',
  gift: { amount: 9000, balance: 1234 },
  active: false,
  expiration_date: '2030-12-31T23:59:59.000Z',
  metadata: { currency: 'EUR' },
};
const setup = () => sandboxServer({ vouchers: [...SEED_VOUCHERS, SMALL, EXPIRING] });
const order = (amount: number) => ({ source_id: `ord_${amount}`, amount });

const sentTo = (sent: SentRequest[], path: string) => sent.filter((request) => request.url.pathname === path).map((request) => request.body!);
const balance = (sandbox: ReturnType<typeof setup>['sandbox'], code = 'GIFT50') => sandbox.state.vouchers.get(code)?.gift?.balance;

describe('redeem with giftCredits', () => {
  test('sends the shopper\u2019s credits when the card and the cart allow them; the card charge is the redemption\u2019s total', async () => {
    const { sandbox, sent, server } = setup();
    const result = await server.redeem({ code: 'GIFT50', giftCredits: { GIFT50: 3700 }, trackingId: null, order: order(8000) });
    expect(sentTo(sent, '/v1/redemptions')[0]!.redeemables).toEqual([{ object: 'voucher', id: 'GIFT50', gift: { credits: 3700 } }]);
    expect(result.order).toMatchObject({ amount: 8000, totalDiscountAmount: 3700, totalAmount: 4300 });
    expect(balance(sandbox)).toBe(1300);
  });

  test('caps credits above the balance at the balance, and above the amount due at what the cart owes after the other codes', async () => {
    const { sandbox, sent, server } = setup();
    await server.redeem({ code: 'GIFT50', giftCredits: { GIFT50: 999_999 }, trackingId: null, order: order(9000) });
    expect(sentTo(sent, '/v1/redemptions')[0]!.redeemables).toEqual([{ object: 'voucher', id: 'GIFT50', gift: { credits: 5000 } }]);
    sandbox.reset();
    // SAVE10 takes 1000 off 3000: the card can cover 2000 at most, whatever the browser asked.
    const result = await server.redeem({ codes: ['SAVE10', 'GIFT50'], giftCredits: { GIFT50: 4500 }, trackingId: null, order: order(3000) });
    expect(sentTo(sent, '/v1/redemptions')[1]!.redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'voucher', id: 'GIFT50', gift: { credits: 2000 } },
    ]);
    expect(result.order?.totalAmount).toBe(0);
    expect(balance(sandbox)).toBe(3000);
  });

  test('two cards: the second covers only what the first left; a card without a choice takes what is due', async () => {
    const { sandbox, sent, server } = setup();
    const result = await server.redeem({ codes: ['SMALL', 'GIFT50'], giftCredits: { SMALL: 1500 }, trackingId: null, order: order(4000) });
    expect(sentTo(sent, '/v1/redemptions')[0]!.redeemables).toEqual([
      { object: 'voucher', id: 'SMALL', gift: { credits: 1500 } },
      { object: 'voucher', id: 'GIFT50' },
    ]);
    expect(result.order).toMatchObject({ totalDiscountAmount: 4000, totalAmount: 0 });
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([500, 2500]);
    const again = await server.redeem({ codes: ['SMALL', 'GIFT50'], giftCredits: { SMALL: 400, GIFT50: 100 }, trackingId: null, order: order(6000) });
    expect(again.order).toMatchObject({ totalDiscountAmount: 500, totalAmount: 5500 });
  });

  test('reads the balance with a validation that holds nothing and sends no tracking id, then redeems once', async () => {
    const { sandbox, sent, server } = setup();
    await server.redeem({ code: 'GIFT50', giftCredits: { GIFT50: 100 }, trackingId: 'track_abc', order: order(4000) });
    expect(sent.map((request) => request.url.pathname)).toEqual(['/v1/validations', '/v1/redemptions']);
    expect(sent[0]!.body).not.toHaveProperty('tracking_id');
    expect(sent[0]!.body).not.toHaveProperty('session');
    expect(sandbox.state.sessions.size).toBe(0);
  });

  test('without giftCredits nothing changes: one redeem, no credits sent', async () => {
    const { sent, server } = setup();
    await server.redeem({ code: 'GIFT50', trackingId: null, order: order(4000) });
    expect(sent.map((request) => request.url.pathname)).toEqual(['/v1/redemptions']);
    expect(sent[0]!.body!.redeemables).toEqual([{ object: 'voucher', id: 'GIFT50' }]);
  });

  test('credits for a code not in the call, or not a whole number of minor units, are a TypeError before any request', async () => {
    const { sent, server } = setup();
    await expect(server.redeem({ code: 'GIFT50', giftCredits: { SMALL: 100 }, trackingId: null, order: order(4000) })).rejects.toThrow(
      /giftCredits.*SMALL.*not one of the codes/,
    );
    await expect(server.redeem({ code: 'GIFT50', giftCredits: { GIFT50: 12.5 }, trackingId: null, order: order(4000) })).rejects.toThrow(
      /`giftCredits.GIFT50` must be a whole number of minor units/,
    );
    expect(sent).toEqual([]);
  });

  test('a discount voucher given credits gets none', async () => {
    const { sent, server } = setup();
    await server.redeem({ code: 'SAVE10', giftCredits: { SAVE10: 500 }, trackingId: null, order: order(4000) });
    expect(sentTo(sent, '/v1/redemptions')[0]!.redeemables).toEqual([{ object: 'voucher', id: 'SAVE10' }]);
  });

  test('a rollback of a partly paid redeem gives the credits back', async () => {
    const { sandbox, server } = setup();
    const result = await server.redeem({ codes: ['SMALL', 'GIFT50'], giftCredits: { SMALL: 700, GIFT50: 1300 }, trackingId: null, order: order(4000) });
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([1300, 3700]);
    await server.rollback(result.parentRedemption!.id, { reason: 'payment failed' });
    expect([balance(sandbox, 'SMALL'), balance(sandbox)]).toEqual([2000, 5000]);
  });
});

describe('validate and reserve with giftCredits', () => {
  test('validate reports the capped credits per card', async () => {
    const { sent, server } = setup();
    const result = await server.validate({ code: 'GIFT50', giftCredits: { GIFT50: 8000 }, trackingId: null, order: order(6000) });
    expect(sentTo(sent, '/v1/validations').at(-1)!.redeemables).toEqual([{ object: 'voucher', id: 'GIFT50', gift: { credits: 5000 } }]);
    expect(result.redeemables[0]!.gift).toEqual({ balance: 5000, credits: 5000 });
  });

  test('a reservation holds the chosen credits; another checkout sees the balance less the held credits; redeem with the key takes them', async () => {
    const { sandbox, server } = setup();
    const reservation = await server.reserve({ code: 'GIFT50', giftCredits: { GIFT50: 3000 }, trackingId: null, order: order(6000) });
    expect(reservation.redeemables[0]!.gift).toEqual({ balance: 5000, credits: 3000 });
    const other = await server.validate({ code: 'GIFT50', trackingId: null, order: order(6000) });
    expect(other.redeemables[0]!.gift).toEqual({ balance: 5000, credits: 2000 });
    const redeemed = await server.redeem({
      code: 'GIFT50',
      giftCredits: { GIFT50: 3000 },
      session: { key: reservation.sessionKey },
      trackingId: null,
      order: order(6000),
    });
    expect(redeemed.order?.totalAmount).toBe(3000);
    expect(balance(sandbox)).toBe(2000);
    expect(sandbox.state.sessions.size).toBe(0);
  });
});

describe('giftCardBalance', () => {
  test('shows the masked code, the balance left, active and expiry', async () => {
    const { server } = setup();
    await server.redeem({ code: 'GIFT50', giftCredits: { GIFT50: 1200 }, trackingId: null, order: order(4000) });
    await expect(server.giftCardBalance(' GIFT50\n')).resolves.toEqual({ code: '····FT50', balance: 3800, active: true, expiresAt: null });
    await expect(server.giftCardBalance('GIFTCARD-2030')).resolves.toEqual({
      code: '····2030',
      balance: 1234,
      currency: 'EUR',
      active: false,
      expiresAt: new Date('2030-12-31T23:59:59.000Z'),
    });
  });

  test('an unknown code, a discount voucher and an empty code are the same typed not_found', async () => {
    const { sent, server } = setup();
    for (const code of ['NOPE', 'SAVE10', '   ', 'x'.repeat(101)]) {
      const error: unknown = await server.giftCardBalance(code).catch((reason: unknown) => reason);
      expect(isVoucherifyError(error) && { kind: error.kind, status: error.status, key: error.key, message: error.message }).toEqual({
        kind: 'api',
        status: 404,
        key: 'not_found',
        message: 'No gift card with this code',
      });
    }
    // The two codes that could be codes were asked; the blank and the overlong one never left the server.
    expect(sent.map((request) => request.url.pathname)).toEqual(['/v1/vouchers/NOPE', '/v1/vouchers/SAVE10']);
  });

  test('a code is one path segment, and a non-string is a TypeError', async () => {
    const { sent, server } = setup();
    await expect(server.giftCardBalance('../redemptions')).rejects.toMatchObject({ key: 'not_found' });
    expect(sent[0]!.url.pathname).toBe('/v1/vouchers/..%2Fredemptions');
    await expect(server.giftCardBalance(42 as unknown as string)).rejects.toThrow(TypeError);
  });
});
