// Runtime shape of the server params (issue 10, defect 8): a route handler often passes an untyped JSON body straight
// through, so TypeScript types are no guard. Every misuse is a TypeError naming the field, before any call.
import { beforeEach, describe, expect, test } from 'vitest';
import { createMemoryRedeemStore, createRedeemOnce, type VoucherifyServer } from 'voucherkit/server';
import { sandboxServer, type SentRequest } from './sandboxFetch.js';

let sent: SentRequest[];
let server: VoucherifyServer;
const order = (amount: unknown = 6000) => ({ source_id: 'order_params', amount }) as never;

beforeEach(() => {
  ({ sent, server } = sandboxServer());
});

async function typeError(promise: Promise<unknown>): Promise<TypeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  return error as TypeError;
}

describe('server params are checked at runtime, before any call', () => {
  test('`codes` given as a string (an untyped JSON body) is a TypeError naming codes, not six one-letter codes', async () => {
    const error = await typeError(server.redeem({ codes: 'SAVE10' as never, trackingId: null, order: order() }));
    expect(error.message).toMatch(/`codes`/);
    expect(error.message).toMatch(/array/);
    expect(sent).toEqual([]);
  });

  test.each([
    ['NaN', Number.NaN],
    ['negative', -100],
    ['fractional', 59.99],
    ['a string', '6000'],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('an order.amount that is %s is a TypeError naming order.amount', async (_, amount) => {
    const error = await typeError(server.redeem({ code: 'SAVE10', trackingId: null, order: order(amount) }));
    expect(error.message).toMatch(/`order\.amount`/);
    expect(error.message).toMatch(/minor units/);
    expect(sent).toEqual([]);
  });

  test('item fields name the item: a fractional price, a zero quantity, a string amount', async () => {
    const withItem = (item: Record<string, unknown>) =>
      ({ source_id: 'order_params', amount: 6000, items: [{ source_id: 'sku_tee', quantity: 1, price: 6000 }, item] }) as never;
    expect((await typeError(server.redeem({ code: 'SAVE10', trackingId: null, order: withItem({ price: 12.5 }) }))).message).toMatch(
      /`order\.items\[1\]\.price`/,
    );
    expect((await typeError(server.redeem({ code: 'SAVE10', trackingId: null, order: withItem({ quantity: 0 }) }))).message).toMatch(
      /`order\.items\[1\]\.quantity`/,
    );
    expect((await typeError(server.redeem({ code: 'SAVE10', trackingId: null, order: withItem({ amount: '10' }) }))).message).toMatch(
      /`order\.items\[1\]\.amount`/,
    );
    expect(sent).toEqual([]);
  });

  test('customer, metadata, session, order id and trackingId of the wrong type are TypeErrors naming them', async () => {
    const base = { code: 'SAVE10', trackingId: null, order: order() };
    expect((await typeError(server.redeem({ ...base, customer: 'alice@example.com' as never }))).message).toMatch(/`customer`/);
    expect((await typeError(server.redeem({ ...base, customer: { source_id: 42 } as never }))).message).toMatch(/`customer\.source_id`/);
    expect((await typeError(server.redeem({ ...base, metadata: ['a'] as never }))).message).toMatch(/`metadata`/);
    expect((await typeError(server.redeem({ ...base, session: { key: 7 } as never }))).message).toMatch(/`session\.key`/);
    expect((await typeError(server.redeem({ ...base, order: { source_id: 12345, amount: 6000 } as never }))).message).toMatch(/`order\.source_id`/);
    expect((await typeError(server.redeem({ ...base, trackingId: 5 as never }))).message).toMatch(/`trackingId`/);
    expect((await typeError(server.redeem({ ...base, signal: 'stop' as never }))).message).toMatch(/`signal`/);
    expect(sent).toEqual([]);
  });

  test('redeemOnce checks the same before claiming the order: nothing stored, nothing sent', async () => {
    const store = createMemoryRedeemStore();
    const redeemOnce = createRedeemOnce(server, { store });
    expect((await typeError(redeemOnce({ codes: 'SAVE10' as never, trackingId: null, order: order() }))).message).toMatch(/redeemOnce: `codes`/);
    expect((await typeError(redeemOnce({ code: 'SAVE10', trackingId: null, order: order(Number.NaN) }))).message).toMatch(/`order\.amount`/);
    expect(store.get('order_params')).toBeUndefined();
    expect(sent).toEqual([]);
  });

  test("validate checks the server's order the same way", async () => {
    const error = await typeError(server.validate({ code: 'SAVE10', trackingId: null, order: order(-1) }));
    expect(error.message).toMatch(/validate: `order\.amount`/);
    expect(sent).toEqual([]);
  });

  test('a well-formed order with items, product and metadata still redeems', async () => {
    const result = await server.redeem({
      code: 'SAVE10',
      trackingId: null,
      customer: { source_id: 'cus_1', address: { city: 'Berlin' }, metadata: { tier: 'gold' } },
      metadata: { channel: 'web' },
      order: {
        source_id: 'order_ok',
        status: 'CREATED',
        amount: 6000,
        items: [{ source_id: 'sku_tee', quantity: 2, price: 3000, product: { name: 'Tee' }, metadata: {} }],
      },
    });
    expect(result.redemptions).toHaveLength(1);
  });
});
