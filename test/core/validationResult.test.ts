import { describe, expect, it } from 'vitest';
import { legacyValidationSchema, stackableValidationSchema } from 'voucherkit/schemas';
// The folding of answers into results has no public name: the private module, by relative path.
import { fromLegacyValidation, fromStackableValidation, toOrderTotals, toRejection } from '../../src/core/internal.js';

describe('toOrderTotals', () => {
  it('derives what the server left out, as the stacked-redeem description defines it', () => {
    expect(toOrderTotals({ amount: 6000, discount_amount: 1500, items_discount_amount: 500 })).toEqual({
      amount: 6000,
      discountAmount: 1500,
      itemsDiscountAmount: 500,
      totalDiscountAmount: 2000,
      totalAmount: 4000,
      appliedDiscountAmount: 0,
      totalAppliedDiscountAmount: 0,
    });
  });

  it('keeps what the server computed over any derivation', () => {
    expect(toOrderTotals({ amount: 6000, total_discount_amount: 2000, total_amount: 4100 })).toMatchObject({ totalDiscountAmount: 2000, totalAmount: 4100 });
  });

  it('is null without an order amount', () => {
    expect(toOrderTotals(null)).toBeNull();
    expect(toOrderTotals(undefined)).toBeNull();
    expect(toOrderTotals({ total_amount: 100 })).toBeNull();
  });
});

describe('toRejection', () => {
  it('keeps the key, message, details and the merchant’s custom message', () => {
    expect(toRejection({ key: 'voucher_expired', message: 'voucher expired', details: 'X', error: { message: 'Sorry, this code has expired' } })).toEqual({
      key: 'voucher_expired',
      message: 'voucher expired',
      details: 'X',
      customMessage: 'Sorry, this code has expired',
    });
  });

  it.each([
    ['voucher expired', 'voucher_expired'],
    ['Voucher Not Active', 'voucher_not_active'],
    ['quantity exceeded', 'quantity_exceeded'],
    ['customer does not match segment rules', 'customer_rules_violated'],
    ['order does not match validation rules', 'order_rules_violated'],
    ['something new', 'unknown'],
  ])('maps the legacy reason %j to %s', (reason, key) => {
    expect(toRejection(null, reason)).toMatchObject({ key, message: reason });
  });

  it('a legacy error with only a message is the merchant’s translation of the reason', () => {
    expect(toRejection({ message: 'Nur für Stammkunden' }, 'customer does not match validation rules')).toEqual({
      key: 'customer_rules_violated',
      message: 'customer does not match validation rules',
      details: undefined,
      customMessage: 'Nur für Stammkunden',
    });
  });

  it('nothing known is still a rejection with a message', () => {
    expect(toRejection(undefined)).toMatchObject({ key: 'unknown', message: 'The code cannot be applied' });
  });
});

describe('fromStackableValidation', () => {
  const parse = (value: unknown) => stackableValidationSchema.parse(value);

  it('a skipped redeemable is rejected as "skipped" with the stacking rule’s message', () => {
    const result = fromStackableValidation(
      parse({
        valid: false,
        redeemables: [
          { status: 'SKIPPED', id: 'A', object: 'voucher', result: { details: { key: 'applicable_redeemables_limit_exceeded', message: 'Limit reached' } } },
        ],
      }),
      ['A'],
    );
    expect(result).toMatchObject({ valid: false, rejection: { key: 'skipped', message: 'Limit reached', details: 'applicable_redeemables_limit_exceeded' } });
  });

  it('an inapplicable redeemable without an error is "unknown", not a crash', () => {
    const result = fromStackableValidation(parse({ valid: false, redeemables: [{ status: 'INAPPLICABLE', id: 'A', object: 'voucher' }] }), ['A']);
    expect(result).toMatchObject({ valid: false, rejection: { key: 'unknown' } });
  });

  it('the inapplicable code explains a stack, not the first one in the list', () => {
    const result = fromStackableValidation(
      parse({
        valid: false,
        redeemables: [
          { status: 'SKIPPED', id: 'A', object: 'voucher', result: {} },
          { status: 'INAPPLICABLE', id: 'B', object: 'voucher', result: { error: { code: 400, key: 'voucher_expired', message: 'voucher expired' } } },
        ],
      }),
      ['A', 'B'],
    );
    expect(result).toMatchObject({ valid: false, code: 'A', codes: ['A', 'B'], rejection: { key: 'voucher_expired' } });
  });

  it('valid without any applicable redeemable is not reported as valid', () => {
    const result = fromStackableValidation(parse({ valid: true, redeemables: [] }), ['A']);
    expect(result.valid).toBe(false);
  });

  it('an empty response with no code is still a well-formed rejection', () => {
    const result = fromStackableValidation(parse({ valid: false, redeemables: [] }), []);
    expect(result).toMatchObject({ valid: false, code: '', codes: [], trackingId: null, order: null, rejection: { key: 'unknown' } });
  });
});

describe('fromStackableValidation in PARTIAL mode (rejected codes only in inapplicable_redeemables)', () => {
  const parse = (value: unknown) => stackableValidationSchema.parse(value);
  const expired = {
    status: 'INAPPLICABLE',
    id: 'EXPIRED',
    object: 'voucher',
    result: { error: { code: 400, key: 'voucher_expired', message: 'voucher expired' } },
  };
  const save10 = { status: 'APPLICABLE', id: 'SAVE10', object: 'voucher', result: { discount: { type: 'AMOUNT', amount_off: 1000 } } };

  it('a single rejected code keeps its key instead of "unknown"', () => {
    const result = fromStackableValidation(parse({ valid: false, redeemables: [], inapplicable_redeemables: [expired] }), ['EXPIRED']);
    expect(result).toMatchObject({ valid: false, code: 'EXPIRED', rejection: { key: 'voucher_expired' } });
    expect(result.redeemables).toHaveLength(1);
  });

  it('a partly applied stack loses no code: every requested code has its outcome, in the requested order', () => {
    const skipped = { status: 'SKIPPED', id: 'PERCENT15', object: 'voucher', result: { details: { key: 'exclusion_rules_not_met', message: 'Excluded' } } };
    const result = fromStackableValidation(parse({ valid: true, redeemables: [save10], inapplicable_redeemables: [expired], skipped_redeemables: [skipped] }), [
      'EXPIRED',
      'SAVE10',
      'PERCENT15',
    ]);
    expect(result.valid).toBe(true);
    expect(result.redeemables.map((r) => [r.code, r.status, r.rejection?.key ?? null])).toEqual([
      ['EXPIRED', 'INAPPLICABLE', 'voucher_expired'],
      ['SAVE10', 'APPLICABLE', null],
      ['PERCENT15', 'SKIPPED', 'skipped'],
    ]);
    if (result.valid) expect(result.discount).toMatchObject({ type: 'AMOUNT', amount_off: 1000 });
  });

  it('a code listed both in redeemables and inapplicable_redeemables appears once', () => {
    const result = fromStackableValidation(parse({ valid: false, redeemables: [expired], inapplicable_redeemables: [expired] }), ['EXPIRED']);
    expect(result.redeemables).toHaveLength(1);
  });
});

describe('fromLegacyValidation', () => {
  it('keeps the requested code when the answer has none, and a HTML-looking code stays text', () => {
    const code = '<img src=x onerror=alert(1)>';
    const result = fromLegacyValidation(legacyValidationSchema.parse({ valid: false, reason: 'voucher not found' }), code);
    expect(result).toMatchObject({ valid: false, code, codes: [code], rejection: { key: 'not_found' } });
  });
});
