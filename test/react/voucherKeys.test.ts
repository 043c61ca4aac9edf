import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voucherKeys, type Order, type ValidationInputs } from 'voucherkit';
import { orderFingerprint } from 'voucherkit/core';

// JSON-like values, as carts are; `__proto__` is left out (an object literal cannot hold it as an own key).
const plain = (value: unknown) => !JSON.stringify(value).includes('"__proto__"');
const anyJson = fc.jsonValue().filter(plain);
// Without array-index keys ("0", "12"): JavaScript lists those first in any object, so hashKey's text orders them
// before the others while orderFingerprint sorts them as strings. Either way equal carts give equal keys.
const noIndexKeys = (value: unknown) => !/"(0|[1-9]\d*)":/.test(JSON.stringify(value));
const json = anyJson.filter(noIndexKeys);
const cart = fc
  .record(
    { amount: fc.integer({ min: 0, max: 10_000_000 }), items: fc.array(fc.dictionary(fc.string(), anyJson)), metadata: fc.dictionary(fc.string(), anyJson) },
    { requiredKeys: ['amount'] },
  )
  .filter(plain)
  .map((value) => value as Order);
const order = cart.filter(noIndexKeys);
/** The same value with every object's keys in reverse order. */
const reversed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversed)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, field]) => [key, reversed(field)]),
        )
      : value;

describe('voucherKeys.validate: the fingerprint, from React Query’s hashKey', () => {
  it('is core’s orderFingerprint of the order (or of order, customer and metadata together), whatever the key order', () => {
    fc.assert(
      fc.property(
        order,
        fc.option(fc.record({ email: fc.emailAddress() }), { nil: undefined }),
        fc.option(
          fc.dictionary(fc.string(), json).filter((value) => plain(value) && noIndexKeys(value)),
          { nil: undefined },
        ),
        (cart, customer, metadata) => {
          const inputs: ValidationInputs = { order: cart, customer, metadata };
          expect(voucherKeys.validate(['A'], { order: cart })[3]).toBe(orderFingerprint(cart));
          expect(voucherKeys.validate(['A'], inputs)[3]).toBe(orderFingerprint(customer || metadata ? inputs : cart));
        },
      ),
    );
  });

  it('equal carts, whatever their key order, give equal keys', () => {
    fc.assert(
      fc.property(cart, (value) => {
        expect(voucherKeys.validate(['A'], { order: reversed(value) as Order })).toEqual(voucherKeys.validate(['A'], { order: value }));
      }),
    );
  });

  it('keeps a customer’s e-mail and the metadata out of the key (hashed, not spelt)', () => {
    const key = voucherKeys.validate(['A'], { order: { amount: 1 }, customer: { email: 'ada@example.com' }, metadata: { note: 'secret' } });
    expect(JSON.stringify(key)).not.toMatch(/ada@example\.com|secret/);
    expect(voucherKeys.validate(['A'])[3]).toBe('none');
  });
});
