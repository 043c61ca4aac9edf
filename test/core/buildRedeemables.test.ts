import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRedeemables, type PromotionRef } from 'voucherkit/core';

// Issue 19: one order of the `redeemables` list everywhere (browser validation, server validate, reserve, redeem):
// the shopper's codes in their order, then tiers by hierarchy, then by id.

describe('buildRedeemables', () => {
  it('puts the codes first in the shopper’s order, then the tiers by hierarchy, then by id', () => {
    expect(
      buildRedeemables(['ZED', 'ALPHA'], ['promo_b', { id: 'promo_c', hierarchy: 2 }, { id: 'promo_a', hierarchy: 2 }, { id: 'promo_z', hierarchy: 1 }]),
    ).toEqual([
      { object: 'voucher', id: 'ZED' },
      { object: 'voucher', id: 'ALPHA' },
      { object: 'promotion_tier', id: 'promo_z' },
      { object: 'promotion_tier', id: 'promo_a' },
      { object: 'promotion_tier', id: 'promo_c' },
      // No hierarchy known: after every tier that has one.
      { object: 'promotion_tier', id: 'promo_b' },
    ]);
  });

  it('sends each tier once, keeps a repeated code for Voucherify to refuse, and sorts ids by code unit, not locale', () => {
    expect(buildRedeemables(['SAVE10', 'SAVE10'], ['promo_b', 'promo_B', 'promo_b', 'promo_ä'])).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'voucher', id: 'SAVE10' },
      { object: 'promotion_tier', id: 'promo_B' },
      { object: 'promotion_tier', id: 'promo_b' },
      { object: 'promotion_tier', id: 'promo_ä' },
    ]);
    expect(buildRedeemables([], [])).toEqual([]);
  });

  it('any input: the codes are a prefix as given; the tiers follow, sorted and unique, whatever order they came in', () => {
    const tier = fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), hierarchy: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }), fc.array(tier, { maxLength: 8 }), (codes, tiers: PromotionRef[]) => {
        const list = buildRedeemables(codes, tiers);
        expect(list.slice(0, codes.length)).toEqual(codes.map((id) => ({ object: 'voucher', id })));
        const sent = list.slice(codes.length);
        expect(sent.every((entry) => entry.object === 'promotion_tier')).toBe(true);
        expect(new Set(sent.map((entry) => entry.id)).size).toBe(sent.length);
        // The first occurrence of an id carries its hierarchy.
        const firstOf = new Map<string, PromotionRef>();
        for (const t of tiers) if (!firstOf.has(t.id)) firstOf.set(t.id, t);
        expect(sent.map((entry) => entry.id).sort()).toEqual([...firstOf.keys()].sort());
        const rank = (id: string) => firstOf.get(id)?.hierarchy ?? Infinity;
        for (let i = 1; i < sent.length; i++) {
          const [a, b] = [sent[i - 1]!.id, sent[i]!.id];
          expect(rank(a) < rank(b) || (rank(a) === rank(b) && a < b)).toBe(true);
        }
        // Shuffling the tiers changes nothing: one order, whoever builds it.
        expect(buildRedeemables(codes, [...firstOf.values()].reverse())).toEqual(list);
      }),
    );
  });
});
