import { describe, expect, it } from 'vitest';
import { createSandbox } from 'voucherkit/sandbox';
import { sandboxClient } from './sandboxClient.js';

// Issue 19: the browser's stackable validation takes promotion tiers beside codes, in one request; under the ALL
// application mode a tier that turns INAPPLICABLE after the codes is dropped and the validation runs once more,
// so it never costs the shopper a code. Under PARTIAL one request suffices.

const shipping = { source_id: '5h1pp1ng', related_object: 'product' as const, quantity: 1, price: 500 };
const cart = (goods: number) => ({ items: [{ product_id: 'prod_tee', quantity: 1, price: goods }, shipping] });
const TIERS = ['promo_free_shipping', 'promo_10_off_over_100'];

const validations = (recorder: ReturnType<typeof sandboxClient>) => recorder.requests.filter((request) => request.url.endsWith('/client/v1/validations'));

describe('validate with promotions', () => {
  it('sends codes first, then tiers in buildRedeemables order, and totals them in one answer', async () => {
    const recorder = sandboxClient();
    // 115.00 − 10.00 (SAVE10) = 105.00 > 100: the 10% tier still applies after the code.
    const result = await recorder.client.validate({ codes: ['SAVE10'], promotions: TIERS, order: cart(11_000) });
    expect(validations(recorder)).toHaveLength(1);
    expect((await recorder.body()).redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'promotion_tier', id: 'promo_10_off_over_100' },
      { object: 'promotion_tier', id: 'promo_free_shipping' },
    ]);
    expect(result.valid).toBe(true);
    expect(result.codes).toEqual(['SAVE10']);
    expect(result.redeemables.map((entry) => [entry.code, entry.object, entry.status])).toEqual([
      ['SAVE10', 'voucher', 'APPLICABLE'],
      ['promo_10_off_over_100', 'promotion_tier', 'APPLICABLE'],
      ['promo_free_shipping', 'promotion_tier', 'APPLICABLE'],
    ]);
    expect(result.stackingRules?.redeemables_application_mode).toBe('ALL');
    expect(result.order?.totalDiscountAmount).toBe(1000 + 1050 + 500);
  });

  it('ALL: a tier INAPPLICABLE after the code is dropped and the validation sent once more; the code applies', async () => {
    const recorder = sandboxClient();
    // 108.00 − 10.00 = 98.00: not over 100 once the code applies.
    const result = await recorder.client.validate({ codes: ['SAVE10'], promotions: TIERS, order: cart(10_300) });
    expect(validations(recorder)).toHaveLength(2);
    expect((await recorder.body(0)).redeemables).toHaveLength(3);
    expect((await recorder.body(1)).redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'promotion_tier', id: 'promo_free_shipping' },
    ]);
    expect(result.valid).toBe(true);
    expect(result.redeemables.find((entry) => entry.code === 'SAVE10')?.status).toBe('APPLICABLE');
    expect(result.order?.totalDiscountAmount).toBe(1500);
  });

  it('PARTIAL: one request; the tier is reported INAPPLICABLE and the code applies', async () => {
    const recorder = sandboxClient({ sandbox: createSandbox({ stackingRules: { redeemables_application_mode: 'PARTIAL' } }) });
    const result = await recorder.client.validate({ codes: ['SAVE10'], promotions: TIERS, order: cart(10_300) });
    expect(validations(recorder)).toHaveLength(1);
    expect(result.valid).toBe(true);
    expect(result.stackingRules?.redeemables_application_mode).toBe('PARTIAL');
    expect(result.redeemables.find((entry) => entry.code === 'promo_10_off_over_100')?.status).toBe('INAPPLICABLE');
    expect(result.order?.totalDiscountAmount).toBe(1500);
  });

  it('tiers alone: no code in the result; all tiers inapplicable under ALL is the answer, with nothing left to resend', async () => {
    const recorder = sandboxClient();
    const applied = await recorder.client.validate({ promotions: TIERS, order: cart(11_000) });
    expect(applied).toMatchObject({ valid: true, code: '', codes: [] });
    const none = await recorder.client.validate({ promotions: ['promo_10_off_over_100'], order: cart(4_000) });
    expect(none.valid).toBe(false);
    expect(validations(recorder)).toHaveLength(2);
    await expect(recorder.client.validate({ order: cart(4_000) })).rejects.toThrow(/promotions/);
  });

  it('a SKIPPED entry carries its stacking key, and categories come with the entries that have them', async () => {
    const recorder = sandboxClient({ sandbox: createSandbox({ stackingRules: { applicable_redeemables_limit: 1, redeemables_application_mode: 'PARTIAL' } }) });
    const result = await recorder.client.validate({ codes: ['SAVE10'], promotions: TIERS, order: cart(11_000), options: { expand: ['category'] } });
    const skipped = result.redeemables.filter((entry) => entry.status === 'SKIPPED');
    expect(skipped.length).toBeGreaterThan(0);
    for (const entry of skipped) expect(entry.rejection).toMatchObject({ key: 'skipped', details: 'applicable_redeemables_limit_exceeded' });
    expect(result.stackingRules?.applicable_redeemables_limit).toBe(1);
    expect(result.redeemables.find((entry) => entry.code === 'promo_free_shipping')?.categories).toEqual([
      expect.objectContaining({ id: 'cat_shipping', stacking_rules_type: 'JOINT' }),
    ]);
  });
});
