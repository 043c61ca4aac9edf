import { describe, expect, it } from 'vitest';
import { createSandbox, SEED_CODES, SEED_VOUCHERS } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

const validate = (sandbox = createSandbox(), codes: string[], order: unknown, extra: Record<string, unknown> = {}) =>
  call(sandbox, 'POST', '/client/v1/validations', { redeemables: codes.map((id) => ({ object: 'voucher', id })), order, ...extra });

describe('seed vouchers on POST /client/v1/validations', () => {
  it.each([
    ['SAVE10', 4000, 1000],
    ['SAVE10', 600, 600],
    ['PERCENT15', 4000, 600],
    ['PERCENT15', 4999, 750],
    ['HALFCAP', 3000, 1500],
    ['HALFCAP', 6000, 2000],
    ['FIXED20', 6000, 4000],
    ['FIXED20', 1500, 0],
    ['GIFT50', 3000, 3000],
    ['GIFT50', 8000, 5000],
    ['MIN50', 5000, 500],
  ])('%s on an order of %i takes %i off', async (code, amount, off) => {
    const { status, body } = await validate(undefined, [code], { amount });
    expect(status).toBe(200);
    expect(body.valid).toBe(true);
    expect(body.redeemables[0]).toMatchObject({ status: 'APPLICABLE', id: code, object: 'voucher' });
    expect(body.order).toMatchObject({ amount, total_discount_amount: off, total_amount: amount - off, total_applied_discount_amount: off });
    expect(body.redeemables[0].order).toMatchObject({ applied_discount_amount: off });
  });

  it('FREEUNIT adds the missing gift wrap to the order and discounts it', async () => {
    const { body } = await validate(undefined, ['FREEUNIT'], { amount: 4000, items: [{ product_id: 'prod_tee', quantity: 1, price: 4000 }] });
    expect(body.redeemables[0].result.discount).toEqual({ type: 'UNIT', unit_off: 1, unit_type: 'prod_gift_wrap', effect: 'ADD_MISSING_ITEMS' });
    expect(body.order).toMatchObject({ amount: 4500, total_discount_amount: 500, total_amount: 4000 });
    expect(body.order.items).toContainEqual(expect.objectContaining({ product_id: 'prod_gift_wrap', quantity: 1, price: 500 }));
  });

  it('FREEUNIT uses the price of the unit already in the cart', async () => {
    const { body } = await validate(undefined, ['FREEUNIT'], { items: [{ product_id: 'prod_gift_wrap', quantity: 2, price: 350 }] });
    expect(body.order).toMatchObject({ amount: 700, total_discount_amount: 350, total_amount: 350 });
  });

  it('GIFT50 reports its balance and the credits it would use', async () => {
    const { body } = await validate(undefined, ['GIFT50'], { amount: 3000 });
    expect(body.redeemables[0].result).toEqual({ gift: { balance: 5000, credits: 3000 } });
  });

  it.each([
    ['EXPIRED', 'voucher_expired', 400],
    ['NOTYET', 'voucher_not_active', 400],
    ['DISABLED', 'voucher_disabled', 400],
    ['USEDUP', 'quantity_exceeded', 400],
    ['MIN50', 'order_rules_violated', 400],
    ['VIPONLY', 'customer_rules_violated', 400],
    ['NO-SUCH-CODE', 'not_found', 404],
  ])('%s is rejected with %s inside a 200', async (code, key, errorCode) => {
    const { status, body } = await validate(undefined, [code], { amount: 4999 });
    expect(status).toBe(200);
    expect(body.valid).toBe(false);
    expect(body.redeemables[0]).toMatchObject({ status: 'INAPPLICABLE', id: code, result: { error: { key, code: errorCode, resource_id: code } } });
    expect(body.redeemables[0].result.error.request_id).toMatch(/^v-/);
    expect(body.inapplicable_redeemables).toHaveLength(1);
    expect(body.order).toMatchObject({ total_discount_amount: 0, total_amount: 4999 });
  });

  it('MIN50 says how far the order is from the minimum', async () => {
    const { body } = await validate(undefined, ['MIN50'], { amount: 4200 });
    expect(body.redeemables[0].result.error.details).toBe('The order amount must be at least 5000; it is 4200');
  });

  it('VIPONLY applies for the allowed customer, raw or by tracking id, and for nobody else', async () => {
    const sandbox = createSandbox();
    const raw = await validate(sandbox, ['VIPONLY'], { amount: 1000 }, { customer: { source_id: 'vip@example.com' } });
    expect(raw.body.valid).toBe(true);
    const hashed = await validate(sandbox, ['VIPONLY'], { amount: 1000 }, { tracking_id: raw.body.tracking_id });
    expect(hashed.body.valid).toBe(true);
    const other = await validate(sandbox, ['VIPONLY'], { amount: 1000 }, { customer: { source_id: 'ada@example.com' } });
    expect(other.body.redeemables[0].result.error.key).toBe('customer_rules_violated');
  });

  it('stacks discounts in the requested order, each on what the previous left', async () => {
    const { body } = await validate(undefined, ['PERCENT15', 'SAVE10', 'GIFT50'], { amount: 10000 });
    // 15% of 10000 = 1500; 1000 of 8500; the gift card's whole 5000 balance of the 7500 left.
    expect(body.redeemables.map((r: { order: { applied_discount_amount: number } }) => r.order.applied_discount_amount)).toEqual([1500, 1000, 5000]);
    expect(body.order).toMatchObject({ total_discount_amount: 7500, total_amount: 2500 });
  });

  it('applies nothing when one stacked code fails (ALL mode), but reports each code', async () => {
    const { body } = await validate(undefined, ['SAVE10', 'EXPIRED'], { amount: 4000 });
    expect(body.valid).toBe(false);
    expect(body.redeemables.map((r: { status: string }) => r.status)).toEqual(['APPLICABLE', 'INAPPLICABLE']);
    expect(body.order).toMatchObject({ total_discount_amount: 0, total_amount: 4000 });
    expect(body.stacking_rules.redeemables_application_mode).toBe('ALL');
  });

  it.each([
    [{ redeemables: [] }, 'invalid_payload'],
    [
      {
        redeemables: [
          { object: 'voucher', id: 'A' },
          { object: 'voucher', id: 'A' },
        ],
      },
      'duplicated_redeemables',
    ],
    [
      {
        redeemables: [
          { object: 'promotion_stack', id: 'stack_1' },
          { object: 'voucher', id: 'A' },
        ],
      },
      'invalid_redeemables',
    ],
    [{ redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { amount: -1 } }, 'invalid_payload'],
    [{ redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { items: [{ price: 1.5 }] } }, 'invalid_payload'],
  ])('a malformed payload is a 400 (%j)', async (payload, key) => {
    const { status, body } = await call(createSandbox(), 'POST', '/client/v1/validations', payload);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, key });
  });

  it('a body that is not JSON is a 400', async () => {
    const sandbox = createSandbox();
    const response = await sandbox.handle(
      new Request('https://api.voucherify.io/v1/validations', {
        method: 'POST',
        headers: { 'X-App-Id': 'sandbox-app-id', 'X-App-Token': 'sandbox-secret-key' },
        body: '{nope',
      }),
    );
    expect(response.status).toBe(400);
  });

  it('echoes a LOCK session', async () => {
    const { body } = await validate(undefined, ['SAVE10'], { amount: 4000 }, { session: { type: 'LOCK', key: 'ssn_mine' } });
    expect(body.session).toEqual({ key: 'ssn_mine', type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
  });

  it('follows the clock option: EXPIRED was valid in 2020', async () => {
    const sandbox = createSandbox({ clock: () => Date.parse('2020-06-01T00:00:00Z') });
    expect((await validate(sandbox, ['EXPIRED'], { amount: 4000 })).body.valid).toBe(true);
    expect((await validate(sandbox, ['NOTYET'], { amount: 4000 })).body.valid).toBe(false);
  });

  it('takes custom vouchers in Voucherify shape, with the documented rule extension', async () => {
    const sandbox = createSandbox({
      vouchers: [
        { code: 'TEAM', discount: { type: 'AMOUNT', amount_off: 250 }, sandbox_rules: { min_order_amount: 1000, error_message: 'Spend 10.00 or more' } },
      ],
    });
    expect((await validate(sandbox, ['TEAM'], { amount: 1000 })).body.order.total_amount).toBe(750);
    const rejected = await validate(sandbox, ['TEAM'], { amount: 999 });
    expect(rejected.body.redeemables[0].result.error).toMatchObject({ key: 'order_rules_violated', error: { message: 'Spend 10.00 or more' } });
    expect((await validate(sandbox, ['SAVE10'], { amount: 999 })).body.redeemables[0].result.error.key).toBe('not_found');
  });

  it('SEED_CODES lists every seed voucher', () => {
    expect(SEED_CODES.map(({ code }) => code)).toEqual(SEED_VOUCHERS.map(({ code }) => code));
    for (const { description } of SEED_CODES) expect(description.length).toBeGreaterThan(5);
  });
});

describe('GET /client/v1/validate (deprecated, deepObject query)', () => {
  it('reads amount, items and customer from the query and answers valid with the order', async () => {
    const { status, body } = await call(
      createSandbox(),
      'GET',
      '/client/v1/validate?code=FREEUNIT&item[0][product_id]=prod_gift_wrap&item[0][quantity]=1&item[0][price]=400&item[1][product_id]=prod_tee&item[1][price]=2000&customer[source_id]=ada@example.com&metadata[lang]=en',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ valid: true, code: 'FREEUNIT', discount: { type: 'UNIT' }, order: { amount: 2400, total_discount_amount: 400 } });
    expect(body.tracking_id).toMatch(/^track_/);
  });

  it('answers valid:false with Voucherify’s lower-case reason and the error object', async () => {
    const { body } = await call(createSandbox(), 'GET', '/client/v1/validate?code=DISABLED&amount=1000');
    expect(body).toMatchObject({ valid: false, code: 'DISABLED', reason: 'voucher is disabled', error: { key: 'voucher_disabled' } });
  });

  it('treats customer=<value> as a source id', async () => {
    const { body } = await call(createSandbox(), 'GET', '/client/v1/validate?code=VIPONLY&amount=1000&customer=vip@example.com');
    expect(body.valid).toBe(true);
  });

  it('ignores prototype keys in the query', async () => {
    const { status } = await call(createSandbox(), 'GET', '/client/v1/validate?code=SAVE10&__proto__[polluted]=1&item[0][constructor][x]=1');
    expect(status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('needs a code', async () => {
    const { status, body } = await call(createSandbox(), 'GET', '/client/v1/validate?amount=100');
    expect(status).toBe(400);
    expect(body.key).toBe('missing_code');
  });
});

describe('POST /v1/vouchers/{code}/validate (deprecated)', () => {
  it('validates a gift card with the credits asked for', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/vouchers/GIFT50/validate', { order: { amount: 4000 }, gift: { credits: 1000 } });
    expect(body).toMatchObject({ valid: true, code: 'GIFT50', gift: { balance: 5000 }, order: { total_discount_amount: 1000 } });
  });

  it('rejects credits above the balance', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/vouchers/GIFT50/validate', { order: { amount: 9000 }, gift: { credits: 6000 } });
    expect(body).toMatchObject({ valid: false, error: { key: 'gift_amount_exceeded' } });
  });

  it('does not issue a tracking id when the server names no customer', async () => {
    const { body } = await call(createSandbox(), 'POST', '/v1/vouchers/SAVE10/validate', { order: { amount: 4000 } });
    expect(body.valid).toBe(true);
    expect(body.tracking_id).toBeUndefined();
  });
});
