import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVoucherifyServer, isVoucherifyError, type VoucherifyServer } from 'voucherkit/server';
import { hasSpec, loadSpecExamples, mutatedExample, specPath } from '../core/specExamples.js';

// The server client's parsers under the same fuzz as the browser client's: every example response in the
// spec, mutated, answered with its own or any status. Only a VoucherifyError may come out.
const customers = ['GET /v1/customers/{customerId}', 'PUT /v1/customers/{customerId}', 'POST /v1/customers'];
const operations: Record<string, [(server: VoucherifyServer) => Promise<unknown>, string[]]> = {
  validate: [
    (server) => server.validate({ code: 'SAVE10', trackingId: 'track_a+b==', order: { amount: 5000 }, session: { type: 'LOCK' } }),
    ['POST /v1/validations'],
  ],
  redeem: [
    (server) => server.redeem({ codes: ['SAVE10', 'GIFT'], trackingId: null, order: { source_id: 'o1', amount: 5000 } }),
    ['POST /v1/redemptions', 'POST /client/v1/redeem'],
  ],
  redeemVoucher: [(server) => server.redeemVoucher('SAVE10', { trackingId: null, order: { amount: 5000 } }), ['POST /v1/vouchers/{code}/redemption']],
  rollback: [
    (server) => server.rollback('r_1', { reason: 'cancelled' }),
    ['POST /v1/redemptions/{parentRedemptionId}/rollbacks', 'POST /v1/redemptions/{redemptionId}/rollback'],
  ],
  getRedemption: [(server) => server.getRedemption('r_1'), ['GET /v1/redemptions/{redemptionId}']],
  'customers.get': [(server) => server.customers.get('track_a/b+c=='), customers],
  'customers.update': [(server) => server.customers.update('cust_1', { name: 'Ada' }), customers],
  'customers.upsert': [(server) => server.customers.upsert({ source_id: 'c1' }), customers],
  publish: [
    (server) => server.publish({ campaign: 'welcome', customer: { source_id: 'u1' }, trackingId: null }),
    ['POST /v1/publications', 'POST /client/v1/publish'],
  ],
};

describe.skipIf(!hasSpec && !process.env.CI)(`server response parsers under mutated spec examples (${specPath})`, () => {
  const examples = hasSpec ? loadSpecExamples() : [];

  it.each(Object.keys(operations))(
    '%s throws nothing but a VoucherifyError, whatever the answer',
    async (name) => {
      const [operation, own] = operations[name]!;
      await fc.assert(
        fc.asyncProperty(mutatedExample(examples, own), async ({ body, status }) => {
          const fetch = (async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })) as typeof globalThis.fetch;
          const server = createVoucherifyServer({
            applicationId: 'app',
            secretKey: 'secret',
            apiUrl: 'https://api.test',
            fetch,
            retry: false,
            publish: { campaigns: { welcome: {} } },
          });
          const error = await operation(server).then(
            () => undefined,
            (thrown: unknown) => thrown,
          );
          if (error !== undefined) expect(isVoucherifyError(error), String(error)).toBe(true);
        }),
        { numRuns: 150 },
      );
      // 150 answers of up to 100 kB each: seconds on a loaded 2-core machine, so the default 5 s is too tight.
    },
    60_000,
  );
});
