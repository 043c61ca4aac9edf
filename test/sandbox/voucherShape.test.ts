import { describe, expect, it } from 'vitest';
import { createSandbox, SEED_VOUCHERS, type SandboxVoucher } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// What a --seed JSON file or an untyped caller can hand over.
const withVoucher = (voucher: Record<string, unknown>) => () => createSandbox({ vouchers: [voucher as unknown as SandboxVoucher] });

describe('createSandbox({ vouchers }) refuses an unsupported voucher when it is created', () => {
  it.each([
    ['an unknown discount type', { code: 'SHIP', discount: { type: 'SHIPPING', unit_off: 1 } }, /"SHIP".*discount\.type/],
    ['a lowercase discount type', { code: 'LOWER', discount: { type: 'percent', percent_off: 10 } }, /"LOWER".*discount\.type/],
    ['UNIT with units[]', { code: 'MANY', discount: { type: 'UNIT', units: [{ unit_off: 1, unit_type: 'prod_a' }] } }, /"MANY".*discount\.units/],
    [
      'a formula-only discount',
      { code: 'FORMULA', discount: { type: 'AMOUNT', amount_off_formula: 'ORDER_AMOUNT * 0.1' } },
      /"FORMULA".*discount\.amount_off_formula/,
    ],
    [
      'a formula with a fallback (the sandbox evaluates no formula)',
      { code: 'FALLBACK', discount: { type: 'PERCENT', percent_off: 10, percent_off_formula: 'x' } },
      /"FALLBACK".*discount\.percent_off_formula/,
    ],
    ['percent_off above 100', { code: 'TOOMUCH', discount: { type: 'PERCENT', percent_off: 150 } }, /"TOOMUCH".*percent_off/],
    ['a fractional amount_off', { code: 'HALFCENT', discount: { type: 'AMOUNT', amount_off: 99.5 } }, /"HALFCENT".*amount_off/],
    ['UNIT without unit_type', { code: 'NOTYPE', discount: { type: 'UNIT', unit_off: 1 } }, /"NOTYPE".*discount\.unit_type/],
    ['a negative gift balance', { code: 'DEBT', gift: { amount: 100, balance: -1 } }, /"DEBT".*gift\.balance/],
  ])('%s is a RangeError naming the code and the field', (_name, voucher, message) => {
    expect(withVoucher(voucher)).toThrow(RangeError);
    expect(withVoucher(voucher)).toThrow(message);
  });

  it('a voucher with neither discount nor gift is a TypeError naming the code', () => {
    expect(withVoucher({ code: 'EMPTY' })).toThrow(TypeError);
    expect(withVoucher({ code: 'EMPTY' })).toThrow(/"EMPTY".*discount.*gift/);
  });

  it('a voucher without a string code is a TypeError naming vouchers[i].code', () => {
    expect(withVoucher({ discount: { type: 'AMOUNT', amount_off: 100 } })).toThrow(TypeError);
    expect(withVoucher({ code: 42, discount: { type: 'AMOUNT', amount_off: 100 } })).toThrow(/vouchers\[0\]\.code/);
  });

  it('accepts the seed vouchers and every supported shape, and serves them', async () => {
    const sandbox = createSandbox({
      vouchers: [
        ...SEED_VOUCHERS,
        { code: 'NOLIMIT', discount: { type: 'PERCENT', percent_off: 12.5, amount_limit: 0 } },
        { code: 'FREEUNITS', discount: { type: 'UNIT', unit_off: 2, unit_type: 'prod_a' }, unit_price: 300 },
      ],
    });
    const { body } = await call(sandbox, 'POST', '/client/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'NOLIMIT' }],
      order: { amount: 1004 },
    });
    expect(body.order).toMatchObject({ total_discount_amount: 126 }); // 125.5, half away from zero
  });
});
