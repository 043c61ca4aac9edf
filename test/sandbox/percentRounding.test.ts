import { describe, expect, it } from 'vitest';
import { calculateDiscount } from 'voucherkit/core';
import { createSandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

const sandbox = createSandbox({
  vouchers: [
    { code: 'THIRD', discount: { type: 'PERCENT', percent_off: 33.3 } },
    { code: 'TENTH', discount: { type: 'PERCENT', percent_off: 10 } },
    { code: 'FINE', discount: { type: 'PERCENT', percent_off: 33.335 } },
  ],
});

const validate = (code: string, amount: number) =>
  call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: code }], order: { amount } });

describe('the sandbox rounds PERCENT discounts with the core function', () => {
  it.each([
    ['THIRD', 1500, 500], // 499.5
    ['TENTH', 1005, 101], // 100.5
    ['FINE', 10000, 3334], // 3333.5
    ['FINE', 1000, 333], // 333.35
  ])('%s on an order of %i takes %i off, half a cent going to the shopper', async (code, amount, off) => {
    const { status, body } = await validate(code, amount);
    expect(status).toBe(200);
    expect(body.order).toMatchObject({ amount, total_discount_amount: off, total_amount: amount - off });
    const voucher = sandbox.state.vouchers.get(code);
    expect(calculateDiscount(amount, { discount: voucher?.discount })).toBe(off);
  });
});
