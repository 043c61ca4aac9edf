import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isVoucherifyError } from 'voucherkit/core';
import {
  apiErrorSchema,
  eventResponseSchema,
  legacyValidationSchema,
  promotionTiersResponseSchema,
  qualificationsResponseSchema,
  redeemableSchema,
  stackableValidationSchema,
} from 'voucherkit/schemas';
// The decoders have no public name (the browser's private response checks): the private module, by relative path.
import {
  decodeApiError,
  decodeEventResponse,
  decodeLegacyValidation,
  decodePromotionTiers,
  decodeQualifications,
  decodeStackableValidation,
  decodeTierValidation,
} from '../../src/core/internal.js';
import { hasSpec, loadSpecExamples, mutatedExample, specPath, type SpecExample } from './specExamples.js';

// Issue 13: zod is the contract, the browser runs hand-written decoders of the same fields. This binds each decoder to
// its schema: on every example response of the spec and on fast-check mutations of them, both give the same verdict,
// and the decoder throws nothing but a VoucherifyError.

type Verdict = { accepted: boolean; thrown?: unknown };

const throwing =
  (decode: (json: unknown) => unknown) =>
  (json: unknown): Verdict => {
    try {
      decode(json);
      return { accepted: true };
    } catch (thrown) {
      return { accepted: false, thrown };
    }
  };

interface Pair {
  decode: (json: unknown) => Verdict;
  schema: { safeParse(json: unknown): { success: boolean } };
  /** The spec operations whose examples are this decoder's own answers. */
  own: (example: SpecExample) => boolean;
  /** An answer of the documented shape, for an operation whose spec has no success example. */
  stand_in?: SpecExample;
}

const operation =
  (...names: string[]) =>
  (example: SpecExample) =>
    names.includes(example.operation) && example.status < 300;

// A code's validation (the field's path) reads neither the entries' categories nor the stacking rules: its decoder
// is bound to the schema with those two left unchecked; the tier path's decoder to the whole schema.
const codeEntries = z.array(z.extend(redeemableSchema, { categories: z.optional(z.unknown()) }));
const codeValidationSchema = z.extend(stackableValidationSchema, {
  redeemables: codeEntries,
  inapplicable_redeemables: z.optional(z.nullable(codeEntries)),
  skipped_redeemables: z.optional(z.nullable(codeEntries)),
  stacking_rules: z.optional(z.unknown()),
});

const pairs: Record<string, Pair> = {
  decodeStackableValidation: {
    decode: throwing(decodeStackableValidation),
    schema: codeValidationSchema,
    own: operation('POST /client/v1/validations', 'POST /v1/validations'),
  },
  decodeTierValidation: {
    decode: throwing(decodeTierValidation),
    schema: stackableValidationSchema,
    own: operation('POST /client/v1/validations', 'POST /v1/validations'),
  },
  decodeLegacyValidation: {
    decode: throwing(decodeLegacyValidation),
    schema: legacyValidationSchema,
    own: operation('GET /client/v1/validate', 'POST /v1/vouchers/{code}/validate'),
  },
  decodeEventResponse: { decode: throwing(decodeEventResponse), schema: eventResponseSchema, own: operation('POST /client/v1/events') },
  decodeQualifications: {
    decode: throwing(decodeQualifications),
    schema: qualificationsResponseSchema,
    own: operation('POST /client/v1/qualifications'),
    // The spec documents this answer's schema but gives no example of it.
    stand_in: {
      operation: 'POST /client/v1/qualifications',
      status: 200,
      name: 'stand-in of the documented shape',
      value: {
        redeemables: {
          object: 'list',
          data_ref: 'data',
          data: [
            { id: 'SAVE10', object: 'voucher', created_at: '2025-01-01T00:00:00.000Z', result: {} },
            // A promotion tier with every field the library reads (expand redeemable, category, validation_rules).
            {
              id: 'promo_10_off',
              object: 'promotion_tier',
              created_at: '2025-01-02T00:00:00.000Z',
              result: { discount: { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ORDER' } },
              order: { amount: 12000, total_applied_discount_amount: 1200 },
              banner: '10% off orders over $100',
              name: '10% off',
              campaign_name: 'Cart discounts',
              campaign_id: 'camp_cart',
              metadata: { shown: true },
              categories: [
                { id: 'cat_1', name: 'Cart', hierarchy: 1, object: 'category', created_at: '2025-01-01T00:00:00.000Z', stacking_rules_type: 'JOINT' },
              ],
              validation_rules_assignments: {
                object: 'list',
                data_ref: 'data',
                data: [
                  {
                    id: 'asgm_1',
                    rule_id: 'val_1',
                    related_object_id: 'promo_10_off',
                    related_object_type: 'promotion_tier',
                    object: 'validation_rules_assignment',
                    validation_status: 'PARTIALLY_VALID',
                  },
                ],
                total: 1,
              },
            },
          ],
          total: 2,
          has_more: true,
          more_starting_after: '2025-01-01T00:00:00.000Z',
        },
        tracking_id: 'track_abc',
        order: { amount: 5000, total_amount: 5000, metadata: {} },
        stacking_rules: { redeemables_application_mode: 'ALL', applicable_redeemables_limit: 5 },
      },
    },
  },
  decodePromotionTiers: {
    decode: throwing(decodePromotionTiers),
    schema: promotionTiersResponseSchema,
    own: operation('GET /client/v1/promotions/tiers'),
  },
  // Never throws: a body that is not an error object is `undefined` (an HTML page from a proxy, say).
  decodeApiError: {
    decode: (json) => ({ accepted: decodeApiError(json) !== undefined }),
    schema: apiErrorSchema,
    own: (example) => example.status >= 400,
  },
};

function expectSameVerdict(pair: Pair, json: unknown, label: string) {
  const verdict = pair.decode(json);
  expect(verdict.accepted, `${label}: decoder and schema disagree`).toBe(pair.schema.safeParse(json).success);
  if (!verdict.accepted && 'thrown' in verdict) expect(isVoucherifyError(verdict.thrown), `${label}: ${String(verdict.thrown)}`).toBe(true);
}

describe.skipIf(!hasSpec && !process.env.CI)(`each browser decoder gives its schema's verdict (${specPath})`, () => {
  const examples = hasSpec ? loadSpecExamples() : [];

  const examplesFor = (pair: Pair) => (pair.stand_in ? [...examples, pair.stand_in] : examples);

  it.each(Object.keys(pairs))('%s accepts its own spec examples and agrees with the schema on every example of the spec', (name) => {
    const pair = pairs[name]!;
    const own = examplesFor(pair).filter(pair.own);
    expect(own.length, 'the spec has examples for this decoder').toBeGreaterThan(0);
    // The decoder is not vacuous: the documented answers pass it.
    for (const example of own) expect(pair.decode(example.value).accepted, `${example.operation} ${example.name}`).toBe(true);
    for (const example of examplesFor(pair)) expectSameVerdict(pair, example.value, `${example.operation} ${example.name}`);
  });

  it.each(Object.keys(pairs))(
    '%s agrees with the schema on mutated spec examples, and throws only VoucherifyError',
    (name) => {
      const pair = pairs[name]!;
      const all = examplesFor(pair);
      const own = [...new Set(all.filter(pair.own).map((example) => example.operation))];
      let rejected = 0;
      fc.assert(
        fc.property(mutatedExample(all, own), ({ example, body }) => {
          const json: unknown = JSON.parse(body);
          if (!pair.schema.safeParse(json).success) rejected++;
          expectSameVerdict(pair, json, `${example.operation} ${example.name} mutated`);
        }),
        { numRuns: 400 },
      );
      // The mutations reach the checks: some answers are refused, so agreement was tested on both verdicts.
      expect(rejected).toBeGreaterThan(0);
    },
    60_000,
  );

  it('a drifted field is named by its path, like the schema names it', () => {
    const json = { valid: true, redeemables: [{ status: 'MAYBE', id: 'X', object: 'voucher' }] };
    expect(() => decodeStackableValidation(json)).toThrow(/redeemables\.0\.status/);
    expect(() => decodeStackableValidation(null)).toThrow(/\(root\)/);
  });

  it('unknown fields are kept, not dropped', () => {
    const json = { object: 'event', type: 'cart_abandoned', brand_new: { nested: [1] } };
    expect(decodeEventResponse(json)).toEqual(json);
  });
});
