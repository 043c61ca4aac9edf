import { describe, expect, it } from 'vitest';
import { createRedeemOnce, isVoucherifyError } from 'voucherkit/server';
import { sandboxServer, type SentRequest } from './sandboxFetch.js';

// Issue 19, server: `redeem({ promotions })` re-decides the tiers with the secret keys (a qualification, paged),
// never sends a tier its own qualification did not confirm, drops a tier found INAPPLICABLE beside the codes under
// ALL, flags a redeemed total that differs from the one the shopper saw, and the redeem-once digest covers tiers.

const shipping = { source_id: '5h1pp1ng', related_object: 'product' as const, quantity: 1, price: 500 };
const order = (id: string, goods: number) => ({
  source_id: id,
  items: [{ source_id: 'sku_tee', related_object: 'product' as const, quantity: 1, price: goods }, shipping],
});

const posted = (sent: SentRequest[], path: string) => sent.filter((request) => request.url.pathname === path);
const sentTierIds = (sent: SentRequest[]) =>
  sent.flatMap((request) =>
    ((request.body?.redeemables as Array<{ object: string; id: string }> | undefined) ?? []).filter((r) => r.object === 'promotion_tier').map((r) => r.id),
  );
const tierChildren = (sandbox: ReturnType<typeof sandboxServer>['sandbox']) =>
  [...sandbox.state.redemptions.values()]
    .filter((record) => record.object === 'redemption' && record.related_object_type === 'promotion_tier')
    .map((record) => record.related_object_id);

describe("redeem({ promotions: 'auto' })", () => {
  it('qualifies on the server and redeems the code then every tier that qualifies now, one child redemption each', async () => {
    const { server, sandbox, sent } = sandboxServer();
    const result = await server.redeem({ codes: ['SAVE10'], promotions: 'auto', trackingId: null, order: order('ord_auto', 11_000) });
    expect(posted(sent, '/v1/qualifications')).toHaveLength(1);
    expect(posted(sent, '/v1/qualifications')[0]!.body).toMatchObject({
      options: { limit: 50, filters: { resource_type: { conditions: { $in: ['promotion_tier'] } } } },
    });
    expect(posted(sent, '/v1/redemptions')[0]!.body?.redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'promotion_tier', id: 'promo_10_off_over_100' },
      { object: 'promotion_tier', id: 'promo_free_shipping' },
    ]);
    expect(result.promotions).toEqual({
      redeemed: ['promo_10_off_over_100', 'promo_free_shipping'],
      sent: ['promo_10_off_over_100', 'promo_free_shipping'],
      refused: [],
      dropped: [],
      complete: true,
    });
    expect(tierChildren(sandbox).sort()).toEqual(['promo_10_off_over_100', 'promo_free_shipping']);
    // 115.00 − 10.00 − 10.50 − 5.00: the amount to charge comes from the redemption.
    expect(result.order?.totalAmount).toBe(8950);
    expect(result).not.toHaveProperty('totalMismatch');
  });

  it('without a code: redeems the qualifying tiers alone, or nothing (full price) when none qualifies', async () => {
    const { server } = sandboxServer();
    const tiersOnly = await server.redeem({ promotions: 'auto', trackingId: null, order: order('ord_tiers', 6_000) });
    expect(tiersOnly).toMatchObject({ redeemed: true, promotions: { redeemed: ['promo_free_shipping'] } });
    const small = { ...order('ord_small', 2_000), amount: 2_500 };
    const none = await server.redeem({ codes: [], promotions: 'auto', trackingId: null, order: small, expectedTotal: 2_500 });
    expect(none).toMatchObject({ redeemed: false, order: { totalAmount: 2_500 }, promotions: { redeemed: [], sent: [] }, totalMismatch: null });
    // No amount to compare: flagged, never taken as a match.
    const unknown = await server.redeem({ promotions: 'auto', trackingId: null, order: order('ord_unknown', 2_000), expectedTotal: 2_500 });
    expect(unknown.totalMismatch).toEqual({ expected: 2_500, redeemed: null });
  });

  it('ALL: a tier that turns INAPPLICABLE after the code is dropped (validated once more) and never costs the code', async () => {
    const { server, sent } = sandboxServer();
    // 108.00 − 10.00 = 98.00: the 10% tier (over 100) qualifies alone but not after the code.
    const result = await server.redeem({ codes: ['SAVE10'], promotions: 'auto', trackingId: null, order: order('ord_drop', 10_300) });
    expect(posted(sent, '/v1/validations')).toHaveLength(2);
    expect(result.promotions).toMatchObject({ redeemed: ['promo_free_shipping'], dropped: ['promo_10_off_over_100'] });
    expect(result.redemptions.some((r) => r.related_object_type === 'voucher' && r.result === 'SUCCESS')).toBe(true);
    expect(posted(sent, '/v1/redemptions')).toHaveLength(1);
  });

  it('PARTIAL: no validation before the redeem; the tier is reported inapplicable and the code redeems', async () => {
    const { server, sent } = sandboxServer({ stackingRules: { redeemables_application_mode: 'PARTIAL' } });
    const result = await server.redeem({ codes: ['SAVE10'], promotions: 'auto', trackingId: null, order: order('ord_partial', 10_300) });
    expect(posted(sent, '/v1/validations')).toHaveLength(0);
    expect(result.promotions).toMatchObject({ redeemed: ['promo_free_shipping'], sent: ['promo_10_off_over_100', 'promo_free_shipping'] });
    expect(result.inapplicable.map((entry) => entry.code)).toEqual(['promo_10_off_over_100']);
    expect(result.order?.totalAmount).toBe(10_800 - 1_000 - 500);
  });
});

describe('redeem({ promotions: { suggested } })', () => {
  it('sends only the suggested tiers the server’s qualification confirms; the others are refused, never sent', async () => {
    const { server, sent } = sandboxServer();
    const result = await server.redeem({
      codes: ['SAVE10'],
      // A non-member's browser suggests the members tier: it does not qualify on the server.
      promotions: { suggested: ['promo_10_off_over_100', 'promo_members_5_off'] },
      customer: { source_id: 'bob@example.com' },
      trackingId: null,
      order: order('ord_suggested', 11_000),
    });
    expect(result.promotions).toMatchObject({ redeemed: ['promo_10_off_over_100'], refused: ['promo_members_5_off'] });
    // Free shipping qualifies too, but the shopper did not opt in: not sent.
    expect(new Set(sentTierIds(posted(sent, '/v1/redemptions')))).toEqual(new Set(['promo_10_off_over_100']));
  });

  it('a forged tier id is dropped: it reaches no validation and no redemption', async () => {
    const { server, sent } = sandboxServer();
    const result = await server.redeem({
      code: 'SAVE10',
      promotions: { suggested: ['promo_forged', 'promo_free_shipping'] },
      trackingId: null,
      order: order('ord_forged', 6_000),
    });
    expect(result.promotions).toMatchObject({ redeemed: ['promo_free_shipping'], refused: ['promo_forged'] });
    expect(sentTierIds(sent)).not.toContain('promo_forged');
  });

  it('refuses malformed promotions before anything is sent, with the field named', async () => {
    const { server, sent } = sandboxServer();
    const base = { code: 'SAVE10', trackingId: null, order: order('ord_bad', 6_000) };
    await expect(server.redeem({ ...base, promotions: 'all' as never })).rejects.toThrow(/`promotions` must be 'auto' or \{ suggested/);
    await expect(server.redeem({ ...base, promotions: { suggested: ['promo\u0000'] } })).rejects.toThrow(/promotion tier id/);
    await expect(server.redeem({ ...base, expectedTotal: 12.5 })).rejects.toThrow(/`expectedTotal` must be a whole number of minor units/);
    expect(sent).toHaveLength(0);
  });
});

describe('expectedTotal', () => {
  it('flags a redeemed total that differs from the one the shopper saw; null when they agree', async () => {
    const { server } = sandboxServer();
    const same = await server.redeem({
      code: 'SAVE10',
      promotions: 'auto',
      trackingId: null,
      order: order('ord_same', 6_000),
      expectedTotal: 6_500 - 1_000 - 500,
    });
    expect(same.totalMismatch).toBeNull();
    // The shopper saw the 10% tier, but the server's cart is smaller now.
    const changed = await server.redeem({ code: 'SAVE10', promotions: 'auto', trackingId: null, order: order('ord_changed', 6_000), expectedTotal: 4_000 });
    expect(changed.totalMismatch).toEqual({ expected: 4_000, redeemed: 5_000 });
    expect(changed.order?.totalAmount).toBe(5_000);
  });
});

describe('redeem once with promotions', () => {
  it('the digest covers the tiers: the same order id with other promotions is a conflict, the same promotions a repeat', async () => {
    const { server, sent } = sandboxServer();
    const redeemOnce = createRedeemOnce(server);
    const params = { code: 'SAVE10', trackingId: null, order: order('ord_once', 11_000) };
    const first = await redeemOnce({ ...params, promotions: 'auto' });
    // Suggested ids in another order are the same request.
    expect(await redeemOnce({ ...params, promotions: 'auto' })).toEqual(first);
    const conflict = await redeemOnce({ ...params, promotions: { suggested: ['promo_free_shipping'] } }).catch((error: unknown) => error);
    expect(isVoucherifyError(conflict) && conflict.key).toBe('idempotency_conflict');
    const none = await redeemOnce(params).catch((error: unknown) => error);
    expect(isVoucherifyError(none) && none.key).toBe('idempotency_conflict');
    expect(posted(sent, '/v1/redemptions')).toHaveLength(1);

    const other = createRedeemOnce(server);
    const suggested = { ...params, order: order('ord_once_2', 11_000) };
    await other({ ...suggested, promotions: { suggested: ['promo_free_shipping', 'promo_10_off_over_100'] } });
    await other({ ...suggested, promotions: { suggested: ['promo_10_off_over_100', 'promo_free_shipping'] } });
    expect(posted(sent, '/v1/redemptions')).toHaveLength(2);
  });
});

describe("redeem({ promotions: 'auto', giftCredits })", () => {
  it('judges the tiers beside the credits the shopper chose, not the card’s whole balance (the page and the redeem agree)', async () => {
    const { server, sent } = sandboxServer();
    // 65.00 + 5.00 shipping. GIFT50 at its whole balance (50.00) would leave 20.00 and shut out free shipping (over
    // $50); the shopper chose 15.00, which leaves 55.00: free shipping applies, as the browser's validation with the
    // same credits says.
    const result = await server.redeem({
      codes: ['GIFT50'],
      giftCredits: { GIFT50: 1_500 },
      promotions: 'auto',
      trackingId: null,
      order: order('ord_gift_tiers', 6_500),
      expectedTotal: 5_000,
    });
    const validations = posted(sent, '/v1/validations').map((request) => request.body?.redeemables);
    expect(validations.at(-1)).toEqual([
      { object: 'voucher', id: 'GIFT50', gift: { credits: 1_500 } },
      { object: 'promotion_tier', id: 'promo_free_shipping' },
    ]);
    expect(result.promotions).toMatchObject({ redeemed: ['promo_free_shipping'], dropped: [] });
    expect(result.order?.totalAmount).toBe(5_000);
    expect(result.totalMismatch).toBeNull();
  });
});
