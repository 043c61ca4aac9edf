import { describe, expect, it } from 'vitest';
import { createVoucherifyClient, isVoucherifyError } from 'voucherkit/core';
import { legacyValidationSchema, qualificationsResponseSchema, stackableValidationSchema } from 'voucherkit/schemas';
// The decoders have no public name (the browser's private response checks): the private module, by relative path.
import { decodeLegacyValidation, decodeQualifications, decodeStackableValidation } from '../../src/core/internal.js';
import { json, stubFetch } from './stubFetch.js';

// Money in a 2xx answer is integer minor units, 0 or more (the spec: "a positive integer in the smallest currency
// unit"; every total, discount, balance and credit is `type: integer`). A negative, fractional or unsafe (above
// 2^53 − 1) amount is a drift, not a discount to show: the decoder and the schema both refuse it, the same verdict.

const order = () => ({
  amount: 5000,
  discount_amount: 1000,
  items_discount_amount: 0,
  total_discount_amount: 1000,
  total_amount: 4000,
  applied_discount_amount: 1000,
  items_applied_discount_amount: 0,
  total_applied_discount_amount: 1000,
});
const discount = () => ({ type: 'AMOUNT', amount_off: 1000, amount_limit: 2000, unit_off: 1, fixed_amount: 500 });
const gift = () => ({ balance: 5000, credits: 1000 });

const stackable = () => ({
  valid: true,
  redeemables: [{ status: 'APPLICABLE', id: 'SAVE10', object: 'voucher', order: order(), result: { discount: discount(), gift: gift() } }],
  order: order(),
});
const legacy = () => ({ valid: true, code: 'SAVE10', discount: discount(), gift: gift(), order: order() });
const qualifications = () => ({ redeemables: { data: [], total: 0 }, order: order() });

const orderFields = Object.keys(order());
const moneyPaths = {
  decodeStackableValidation: [
    ...orderFields.map((field) => `order.${field}`),
    ...orderFields.map((field) => `redeemables.0.order.${field}`),
    ...Object.keys(discount())
      .filter((field) => field !== 'type')
      .map((field) => `redeemables.0.result.discount.${field}`),
    ...Object.keys(gift()).map((field) => `redeemables.0.result.gift.${field}`),
  ],
  decodeLegacyValidation: [
    ...orderFields.map((field) => `order.${field}`),
    ...Object.keys(discount())
      .filter((field) => field !== 'type')
      .map((field) => `discount.${field}`),
    ...Object.keys(gift()).map((field) => `gift.${field}`),
  ],
  decodeQualifications: orderFields.map((field) => `order.${field}`),
};

const pairs = {
  decodeStackableValidation: { decode: decodeStackableValidation, schema: stackableValidationSchema, body: stackable },
  decodeLegacyValidation: { decode: decodeLegacyValidation, schema: legacyValidationSchema, body: legacy },
  decodeQualifications: { decode: decodeQualifications, schema: qualificationsResponseSchema, body: qualifications },
};

function withValue(body: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, body);
  parent[last] = value;
  return body;
}

const refused = [-1, -5000, 10.5, 0.1, 2 ** 53, 2 ** 53 + 2, 1e300];
const accepted = [0, 1, 2 ** 53 - 1];

describe('money in a 2xx answer is range-checked (browser decoders and schemas alike)', () => {
  for (const [name, pair] of Object.entries(pairs)) {
    const paths = moneyPaths[name as keyof typeof moneyPaths];

    it(`${name} accepts whole minor units from 0 to 2^53 − 1 in every money field`, () => {
      expect(() => pair.decode(pair.body())).not.toThrow();
      for (const path of paths)
        for (const value of accepted) {
          const body = withValue(pair.body(), path, value);
          expect(() => pair.decode(body), `${path} = ${value}`).not.toThrow();
          expect(pair.schema.safeParse(body).success, `${path} = ${value}`).toBe(true);
        }
    });

    it(`${name} refuses a negative, fractional or unsafe amount as invalid_response naming the field, as the schema does`, () => {
      for (const path of paths)
        for (const value of refused) {
          const body = withValue(pair.body(), path, value);
          let thrown: unknown;
          try {
            pair.decode(body);
          } catch (error) {
            thrown = error;
          }
          expect(isVoucherifyError(thrown) && thrown.kind, `${path} = ${value}`).toBe('invalid_response');
          expect((thrown as Error).message).toContain(path);
          expect(pair.schema.safeParse(body).success, `schema: ${path} = ${value}`).toBe(false);
        }
    });
  }

  it('percent_off and loyalty points are not money: a fractional percent still passes', () => {
    const body = stackable();
    body.redeemables[0]!.result.discount = { type: 'PERCENT', percent_off: 12.5 } as never;
    expect(() => decodeStackableValidation(body)).not.toThrow();
    expect(stackableValidationSchema.safeParse(body).success).toBe(true);
  });

  it('the client rejects a validation whose total is negative, instead of showing it', async () => {
    const answer = stackable();
    answer.order.total_amount = -1000;
    const { fetch } = stubFetch(json(answer));
    const client = createVoucherifyClient({ clientApplicationId: 'app', clientToken: 'token', fetch, retry: false });
    await expect(client.validate({ code: 'SAVE10', order: { amount: 5000 } })).rejects.toMatchObject({
      kind: 'invalid_response',
      details: expect.stringMatching(/^order\.total_amount/),
    });
  });
});
