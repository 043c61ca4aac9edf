import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call, clientHeaders, serverHeaders } from './sandboxRequest.js';

// Out-of-range numbers are the caller's mistake: 400 invalid_payload naming the field, never a 500, and nothing
// is spent (issue 10, defect 12).

const MAX = Number.MAX_SAFE_INTEGER;

/** A request whose body is sent exactly as written (JSON.stringify cannot write 1e400). */
async function rawCall(sandbox: Sandbox, method: string, path: string, body: string) {
  const headers = path.startsWith('/client/') ? clientHeaders : serverHeaders;
  const response = await sandbox.handle(new Request(`https://api.voucherify.io${path}`, { method, headers, body }));
  return { status: response.status, body: await response.json() };
}

function expectInvalid(answer: { status: number; body: any }, field: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({ code: 400, key: 'invalid_payload' });
  expect(answer.body.details).toContain(field);
}

function expectNothingSpent(sandbox: Sandbox) {
  expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
  expect(sandbox.state.vouchers.get('GIFT50')?.redemption?.redeemed_quantity ?? 0).toBe(0);
  expect(sandbox.state.redemptions.size).toBe(0);
}

const badCredits = [-500, -1, 1.5, 0.01, '500', true, { amount: 1 }];

describe('gift.credits out of range', () => {
  const stackable = ['/v1/validations', '/v1/redemptions', '/client/v1/validations', '/client/v1/redemptions'];

  it.each(stackable.flatMap((path) => badCredits.map((credits) => ({ path, credits }))))(
    '$path with credits $credits is 400 naming redeemables[0].gift.credits, balance unchanged',
    async ({ path, credits }) => {
      const sandbox = createSandbox({ clientRedemption: true });
      const answer = await call(sandbox, 'POST', path, {
        redeemables: [{ object: 'voucher', id: 'GIFT50', gift: { credits } }],
        order: { amount: 4000 },
      });
      expectInvalid(answer, 'redeemables[0].gift.credits');
      expectNothingSpent(sandbox);
    },
  );

  const legacy = ['/v1/vouchers/GIFT50/validate', '/v1/vouchers/GIFT50/redemption', '/client/v1/redeem?code=GIFT50'];

  it.each(legacy.flatMap((path) => badCredits.map((credits) => ({ path, credits }))))(
    '$path with credits $credits is 400 naming gift.credits, balance unchanged',
    async ({ path, credits }) => {
      const sandbox = createSandbox({ clientRedemption: true });
      const answer = await call(sandbox, 'POST', path, { gift: { credits }, order: { amount: 4000 } });
      expectInvalid(answer, 'gift.credits');
      expectNothingSpent(sandbox);
    },
  );

  it('credits of 1e400 (Infinity once parsed) are 400, balance unchanged', async () => {
    const sandbox = createSandbox();
    const answer = await rawCall(
      sandbox,
      'POST',
      '/v1/redemptions',
      '{"redeemables":[{"object":"voucher","id":"GIFT50","gift":{"credits":1e400}}],"order":{"amount":4000}}',
    );
    expectInvalid(answer, 'redeemables[0].gift.credits');
    expectNothingSpent(sandbox);
  });

  it('a gift that is not an object is 400 naming gift', async () => {
    const sandbox = createSandbox();
    expectInvalid(await call(sandbox, 'POST', '/v1/vouchers/GIFT50/redemption', { gift: 500, order: { amount: 4000 } }), 'gift');
    expectNothingSpent(sandbox);
  });

  it('valid credits still redeem exactly that much', async () => {
    const sandbox = createSandbox();
    const answer = await call(sandbox, 'POST', '/v1/redemptions', {
      redeemables: [{ object: 'voucher', id: 'GIFT50', gift: { credits: 1500 } }],
      order: { amount: 4000 },
    });
    expect(answer.status).toBe(200);
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(3500);
  });
});

describe('order numbers out of range', () => {
  const validate = (sandbox: Sandbox, id: string, order: unknown, path = '/v1/validations') =>
    call(sandbox, 'POST', path, { redeemables: [{ object: 'voucher', id }], order });

  it('items whose amounts add up past 2^53 are 400 naming order.amount', async () => {
    const sandbox = createSandbox();
    expectInvalid(
      await validate(sandbox, 'PERCENT15', {
        items: [
          { quantity: 1, price: MAX },
          { quantity: 1, price: MAX },
        ],
      }),
      'order.amount',
    );
  });

  it('a quantity × price past 2^53 is 400 naming the item', async () => {
    const sandbox = createSandbox();
    expectInvalid(await validate(sandbox, 'SAVE10', { items: [{ quantity: MAX, price: MAX }] }), 'order.items[0]');
  });

  it('a redeem of such an order is 400 and spends nothing', async () => {
    const sandbox = createSandbox();
    const answer = await call(sandbox, 'POST', '/v1/redemptions', {
      redeemables: [{ object: 'voucher', id: 'GIFT50' }],
      order: { items: [{ quantity: 2, price: MAX }] },
    });
    expectInvalid(answer, 'order.items[0]');
    expectNothingSpent(sandbox);
  });

  it('free units that push the order amount past 2^53 are 400 naming order.amount', async () => {
    const sandbox = createSandbox();
    expectInvalid(await validate(sandbox, 'FREEUNIT', { amount: MAX }), 'order.amount');
    expectInvalid(await call(sandbox, 'POST', '/client/v1/qualifications', { order: { amount: MAX } }), 'order.amount');
  });

  it.each([-1, 1.5, '4000'])('order.amount %s is 400 naming order.amount', async (amount) => {
    expectInvalid(await validate(createSandbox(), 'SAVE10', { amount }), 'order.amount');
  });
});

describe('list parameters out of range', () => {
  it.each(['-1', '0', '101', '2.5', '1e1', 'ten', ''])('GET /v1/customers?limit=%s is 400 naming limit', async (limit) => {
    expectInvalid(await call(createSandbox(), 'GET', `/v1/customers?limit=${limit}`), 'limit');
  });

  it.each(['-1', '0', '100', '1.5', 'two'])('GET /v1/customers?page=%s is 400 naming page', async (page) => {
    expectInvalid(await call(createSandbox(), 'GET', `/v1/customers?page=${page}`), 'page');
  });

  it('GET /v1/customers with limit 100 and page 99 is a normal, empty page', async () => {
    const answer = await call(createSandbox(), 'GET', '/v1/customers?limit=100&page=99');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ customers: [], has_more: false });
  });

  it.each(['-1', '0', '1.5'])('GET /client/v1/promotions/tiers?page=%s is 400 naming page', async (page) => {
    expectInvalid(await call(createSandbox(), 'GET', `/client/v1/promotions/tiers?page=${page}`), 'page');
  });
});

describe('session numbers out of range', () => {
  it.each([-1, 0, 1.5, '7'])('session.ttl %s is 400 naming session.ttl', async (ttl) => {
    const answer = await call(createSandbox(), 'POST', '/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      order: { amount: 4000 },
      session: { type: 'LOCK', ttl },
    });
    expectInvalid(answer, 'session.ttl');
  });

  it.each(['-1', '0', '1.5'])('GET /client/v1/validate with session_ttl=%s is 400 naming session_ttl', async (ttl) => {
    const answer = await call(createSandbox(), 'GET', `/client/v1/validate?code=SAVE10&amount=4000&session_type=LOCK&session_ttl=${ttl}`);
    expectInvalid(answer, 'session_ttl');
  });

  it('a LOCK session without ttl still defaults to 7 DAYS', async () => {
    const answer = await call(createSandbox(), 'POST', '/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      order: { amount: 4000 },
      session: { type: 'LOCK' },
    });
    expect(answer.body.session).toMatchObject({ type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' });
  });
});
