import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTracker, createVoucherifyClient, isVoucherifyError, type VoucherifyClient } from 'voucherkit/core';
import { memoryStore } from './memoryStore.js';
import { hasSpec, loadSpecExamples, mutatedExample, specPath } from './specExamples.js';

// Every example response in the spec, mutated (fields dropped, retyped, nulled, emptied, made huge, numbers
// out of range), answered to every client operation with a success or an error status: the only thing an
// operation may throw is a VoucherifyError, never a TypeError or a RangeError from deep inside a parser.
const stackable = ['POST /client/v1/validations', 'POST /v1/validations'];
const legacy = ['GET /client/v1/validate', 'POST /v1/vouchers/{code}/validate'];
// Each operation, and the spec operations whose examples are its own answers.
const operations: Record<string, [(client: VoucherifyClient) => Promise<unknown>, string[]]> = {
  validate: [(client) => client.validate({ code: 'SAVE10', order: { amount: 5000 } }), stackable],
  'validate stacked codes': [(client) => client.validate({ codes: ['SAVE10', 'GIFT'] }), stackable],
  validateVoucher: [(client) => client.validateVoucher('SAVE10', { order: { amount: 5000 } }), legacy],
  track: [(client) => client.track('cart_abandoned', { customer: { source_id: 'c1' } }), ['POST /client/v1/events']],
  qualifications: [(client) => client.qualifications({ order: { amount: 5000 } }), ['POST /client/v1/qualifications']],
  listPromotionTiers: [(client) => client.listPromotionTiers({ limit: 5 }), ['GET /client/v1/promotions/tiers']],
};

async function outcome(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe.skipIf(!hasSpec && !process.env.CI)(`response parsers under mutated spec examples (${specPath})`, () => {
  const examples = hasSpec ? loadSpecExamples() : [];

  it('reads the spec examples', () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it.each(Object.keys(operations))(
    '%s throws nothing but a VoucherifyError, whatever the answer',
    async (name) => {
      const [operation, own] = operations[name]!;
      await fc.assert(
        fc.asyncProperty(mutatedExample(examples, own), async ({ body, status }) => {
          const fetch = (async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })) as typeof globalThis.fetch;
          const tracker = createTracker({ store: memoryStore().store });
          const client = createVoucherifyClient({ clientApplicationId: 'app', clientToken: 'token', fetch, tracker, retry: false });
          const error = await outcome(operation(client));
          if (error !== undefined) expect(isVoucherifyError(error), String(error)).toBe(true);
          // Whatever id came back, the tracker holds a string or nothing.
          expect(['string', 'object']).toContain(typeof tracker.getSnapshot().trackingId);
        }),
        { numRuns: 200 },
      );
      // 200 answers of up to 100 kB each: seconds on a loaded 2-core machine, so the default 5 s is too tight.
    },
    60_000,
  );

  it.each(Object.keys(operations))('%s also survives every unmutated example with every status', async (name) => {
    const [operation] = operations[name]!;
    for (const example of examples) {
      for (const status of [example.status, 200, 400]) {
        const fetch = (async () => new Response(JSON.stringify(example.value), { status })) as typeof globalThis.fetch;
        const client = createVoucherifyClient({ clientApplicationId: 'app', clientToken: 'token', fetch, retry: false });
        const error = await outcome(operation(client));
        if (error !== undefined) expect(isVoucherifyError(error), `${example.operation} ${example.name} → ${String(error)}`).toBe(true);
      }
    }
  });
});
