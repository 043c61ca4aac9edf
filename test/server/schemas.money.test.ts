import { describe, expect, test } from 'vitest';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';

// The server helper parses answers with the zod contract. Money there is integer minor units, 0 or more, at most
// 2^53 − 1, as the browser decoders check it — with one exception the spec documents: a rollback's `amount` is
// "expressed as a negative integer" (credits or points given back), so it is 0 or less.

type Json = Record<string, any>;

/** A server helper on a sandbox whose answers to `path` are rewritten by `tamper` (a drifted or lying API). */
function tampered(path: RegExp, tamper: (body: Json) => void) {
  const sandbox = createSandbox();
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const answer = await sandbox.handle(request);
    if (!path.test(new URL(request.url).pathname) || !answer.ok) return answer;
    const body = (await answer.json()) as Json;
    tamper(body);
    return new Response(JSON.stringify(body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  };
  const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://sandbox.test', fetch: fetch as typeof globalThis.fetch });
  return { sandbox, server };
}

const order = (id: string) => ({ source_id: id, amount: 6000 });
const none = () => {};

describe('server schemas: negative money in a 2xx refused', () => {
  test.each([
    ['order.total_amount', -100, (body: Json, value: number) => (body.order.total_amount = value)],
    ['order.discount_amount', 10.5, (body: Json, value: number) => (body.order.discount_amount = value)],
    ['order.amount', 2 ** 53, (body: Json, value: number) => (body.order.amount = value)],
    ['redemptions.0.amount', -1, (body: Json, value: number) => (body.redemptions[0].amount = value)],
    ['parent_redemption.order.applied_discount_amount', -1000, (body: Json, value: number) => (body.parent_redemption.order.applied_discount_amount = value)],
  ])('a redeem answered with %s = %s is invalid_response (outcome unknown), naming the field', async (field, value, tamper) => {
    const { server } = tampered(/^\/v1\/redemptions$/, (body) => tamper(body, value));
    await expect(server.redeem({ codes: ['SAVE10', 'GIFT50'], trackingId: null, order: order('o-money') })).rejects.toMatchObject({
      kind: 'invalid_response',
      key: 'outcome_unknown',
      cause: expect.objectContaining({ details: expect.stringContaining(`${field}:`) }),
    });
  });

  test('an honest answer passes: a gift redemption amount, then its rollback with a negative amount', async () => {
    const { server } = tampered(/^$/, none);
    const redeemed = await server.redeem({ codes: ['SAVE10', 'GIFT50'], trackingId: null, order: order('o-honest') });
    expect(redeemed.redemptions.find((redemption) => redemption.voucher?.code === 'GIFT50')?.amount).toBeGreaterThan(0);
    const rolledBack = await server.rollback(redeemed.parentRedemption!.id);
    expect(rolledBack.rollbacks.some((rollback) => (rollback.amount ?? 0) < 0)).toBe(true);
    const page = await server.redemptions.list({ filters: { voucher_code: { conditions: { $is: 'GIFT50' } } } });
    expect(page.redemptions.map((record) => Math.sign(record.amount ?? 0)).sort()).toEqual([-1, 1]);
  });

  test('a rollback whose amount is positive is refused: the spec says credits given back are negative', async () => {
    const { server } = tampered(/\/rollbacks$/, (body) => {
      for (const rollback of body.rollbacks) if (typeof rollback.amount === 'number') rollback.amount = -rollback.amount;
    });
    const redeemed = await server.redeem({ codes: ['SAVE10', 'GIFT50'], trackingId: null, order: order('o-back') });
    await expect(server.rollback(redeemed.parentRedemption!.id)).rejects.toMatchObject({
      kind: 'invalid_response',
      cause: expect.objectContaining({ details: expect.stringMatching(/^rollbacks\.\d+\.amount:/) }),
    });
  });

  test('a server validation with a negative discount, and a listed redemption with a fractional amount, are refused', async () => {
    const validation = tampered(/^\/v1\/validations$/, (body) => (body.redeemables[0].result.discount.amount_off = -1000));
    await expect(validation.server.validate({ code: 'SAVE10', trackingId: null, order: { amount: 6000 } })).rejects.toMatchObject({
      kind: 'invalid_response',
      details: expect.stringMatching(/^redeemables\.0\.result\.discount\.amount_off:/),
    });
    const listing = tampered(/^\/v1\/redemptions$/, (body) => {
      if (body.redemptions?.[0]) body.redemptions[0].amount = 0.5;
    });
    await listing.server.redeem({ code: 'GIFT50', trackingId: null, order: order('o-list') }).catch(none);
    await expect(listing.server.redemptions.list({})).rejects.toMatchObject({
      kind: 'invalid_response',
      details: expect.stringMatching(/^redemptions\.0\.amount:/),
    });
  });
});
