import { describe, expect, test } from 'vitest';
import { SEED_VOUCHERS } from 'voucherkit/sandbox';
import { sandboxServer } from './sandboxFetch.js';

const ONE_LEFT = { code: 'ONELEFT', type: 'DISCOUNT_VOUCHER' as const, discount: { type: 'AMOUNT' as const, amount_off: 500 }, redemption: { quantity: 1 } };
const order = (id: string) => ({ source_id: id, amount: 5000 });
const setup = () => sandboxServer({ vouchers: [...SEED_VOUCHERS, ONE_LEFT] });

describe('reserve: a server validation with a LOCK session', () => {
  test('keys the session before sending, holds it 15 minutes by default, and says when it lapses', async () => {
    const { sent, server } = setup();
    const before = Date.now();
    const reservation = await server.reserve({ codes: ['ONELEFT'], trackingId: null, order: order('ord_a') });
    const body = sent.at(-1)!.body!;
    expect(sent.at(-1)!.url.pathname).toBe('/v1/validations');
    expect(body.session).toEqual({ type: 'LOCK', key: expect.stringMatching(/^ssn_[A-Za-z0-9]{32}$/), ttl: 15, ttl_unit: 'MINUTES' });
    expect(reservation).toMatchObject({ valid: true, sessionKey: (body.session as { key: string }).key });
    expect(reservation.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(reservation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  test('a quantity-1 code held by one checkout is valid: false (quantity_exceeded) for another, not a throw; released, it is free again', async () => {
    const { server } = setup();
    const first = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_a') });
    const second = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_b') });
    expect(first.valid).toBe(true);
    expect(second.valid).toBe(false);
    expect(second.redeemables[0]).toMatchObject({ status: 'INAPPLICABLE' });
    expect(JSON.stringify(second)).toContain('quantity_exceeded');

    await expect(server.releaseSession({ code: 'ONELEFT', sessionKey: first.sessionKey })).resolves.toEqual({ released: ['ONELEFT'], notFound: [] });
    expect((await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_b') })).valid).toBe(true);
    // A second release finds nothing to release: reported, not thrown.
    await expect(server.releaseSession({ codes: ['ONELEFT'], sessionKey: first.sessionKey })).resolves.toEqual({ released: [], notFound: ['ONELEFT'] });
  });

  test('renewing with the same sessionKey takes no second use', async () => {
    const { server } = setup();
    const first = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_a') });
    const again = await server.reserve({
      code: 'ONELEFT',
      trackingId: null,
      order: order('ord_a'),
      sessionKey: first.sessionKey,
      ttl: { value: 5, unit: 'MINUTES' },
    });
    expect(again).toMatchObject({ valid: true, sessionKey: first.sessionKey });
  });

  test('a limited code taken between validate and pay: the holder redeems with the key, the other checkout is told before paying', async () => {
    const { server } = setup();
    const mine = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_mine') });
    const theirs = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_theirs') });
    expect(theirs.valid).toBe(false);
    await expect(server.redeem({ code: 'ONELEFT', trackingId: null, order: order('ord_theirs') })).rejects.toMatchObject({ key: 'quantity_exceeded' });
    const redeemed = await server.redeem({ code: 'ONELEFT', trackingId: null, order: order('ord_mine'), session: { key: mine.sessionKey } });
    expect(redeemed.redemptions).toHaveLength(1);
    // The redeem consumed the hold: nothing left to release.
    await expect(server.releaseSession({ code: 'ONELEFT', sessionKey: mine.sessionKey })).resolves.toEqual({ released: [], notFound: ['ONELEFT'] });
  });

  test('a lost answer is resent with the same key, so one use is held, not two', async () => {
    const { sandbox, sent, server } = sandboxServer({ vouchers: [...SEED_VOUCHERS, { ...ONE_LEFT, redemption: { quantity: 2 } }] });
    sandbox.setFaults({ kind: 'connection_reset', path: '/v1/validations', times: 1 });
    const reservation = await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_a') });
    const keys = sent.filter((request) => request.url.pathname === '/v1/validations').map((request) => (request.body!.session as { key: string }).key);
    expect(keys).toEqual([reservation.sessionKey, reservation.sessionKey]);
    // Quantity 2, one held: another checkout still gets the second use.
    expect((await server.reserve({ code: 'ONELEFT', trackingId: null, order: order('ord_b') })).valid).toBe(true);
  });

  test('misuse is a TypeError naming the field, before any call', async () => {
    const { sent, server } = setup();
    await expect(server.reserve({ code: 'ONELEFT', order: order('o'), session: { type: 'LOCK' } } as never)).rejects.toThrow(/`session`/);
    await expect(server.reserve({ code: 'ONELEFT', order: order('o'), ttl: { value: 0, unit: 'MINUTES' } })).rejects.toThrow(/`ttl\.value`/);
    await expect(server.reserve({ code: 'ONELEFT', order: order('o'), ttl: { value: 7, unit: 'WEEKS' } } as never)).rejects.toThrow(/`ttl\.unit`/);
    await expect(server.reserve({ code: 'ONELEFT' } as never)).rejects.toThrow(/`order`/);
    await expect(server.releaseSession({ code: 'ONELEFT', sessionKey: '' })).rejects.toThrow(/sessionKey/);
    await expect(server.releaseSession({ code: '..', sessionKey: 'ssn_1' })).rejects.toThrow(/code/);
    await expect(server.releaseSession({ sessionKey: 'ssn_1' } as never)).rejects.toThrow(/code/);
    expect(sent).toEqual([]);
  });

  test('releaseSession encodes the code and key as single path segments, one DELETE per code', async () => {
    const { sent, server } = setup();
    await server.releaseSession({ codes: ['SAVE10', 'A/B'], sessionKey: 'ssn_x+y' });
    expect(sent.map((request) => [request.method, request.url.pathname])).toEqual([
      ['DELETE', '/v1/vouchers/SAVE10/sessions/ssn_x%2By'],
      ['DELETE', '/v1/vouchers/A%2FB/sessions/ssn_x%2By'],
    ]);
  });
});
