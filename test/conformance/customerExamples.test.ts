import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call } from '../sandbox/sandboxRequest.js';
import { hasSpec, loadSpecExamples, specPath } from '../core/specExamples.js';

// The official SDK's tests compare customers key by key with Voucherify's answers. The spec's get-customer example,
// a customer without an address or metadata, answers `"address": null` and has no `metadata` key; the customers in
// redemption examples (`SimpleCustomer`) keep `"metadata": {}`. The sandbox must answer the same shapes: the
// expectations below are read from the examples themselves, not copied.

type Json = Record<string, unknown>;

describe.skipIf(!hasSpec)(`sandbox customers have the shape of the spec's examples (${specPath})`, () => {
  const examples = hasSpec ? loadSpecExamples() : [];
  const example = (operation: string, name: string) => examples.find((e) => e.operation === operation && e.name === name && e.status === 200)!.value as Json;
  const getCustomer = () => example('GET /v1/customers/{customerId}', 'Example');
  /** The redemption example whose customer was made without metadata. */
  const listedCustomer = () => (example('GET /v1/redemptions', 'Example').redemptions as Json[])[4]!.customer as Json;

  /** What the examples show for a profile with no address and no metadata. */
  const shapeOf = (customer: Json) => ({
    address: 'address' in customer ? customer.address : 'absent',
    metadata: 'metadata' in customer ? customer.metadata : 'absent',
  });

  it('reads the examples: the get-customer example has address null and no metadata key; a redemption customer has metadata {}', () => {
    expect(shapeOf(getCustomer())).toEqual({ address: null, metadata: 'absent' });
    expect(listedCustomer()).toMatchObject({ metadata: {} });
  });

  const plain = { source_id: 'plain@example.com', name: 'Plain', email: 'plain@example.com' };
  const answers: Array<[string, (sandbox: Sandbox) => Promise<Json>]> = [
    ['POST /v1/customers', async (s) => (await call(s, 'POST', '/v1/customers', plain)).body as Json],
    [
      'GET /v1/customers/{customerId}',
      async (s) => (await call(s, 'POST', '/v1/customers', plain), (await call(s, 'GET', '/v1/customers/plain@example.com')).body as Json),
    ],
    [
      'PUT /v1/customers/{customerId}',
      async (s) => (
        await call(s, 'POST', '/v1/customers', plain),
        (await call(s, 'PUT', '/v1/customers/plain@example.com', { name: 'Plain P.' })).body as Json
      ),
    ],
    [
      'GET /v1/customers',
      async (s) => (await call(s, 'POST', '/v1/customers', plain), ((await call(s, 'GET', '/v1/customers')).body as { customers: Json[] }).customers[0]!),
    ],
    [
      'a customer upserted by a redeem, then read',
      async (s) => {
        await call(s, 'POST', '/v1/redemptions', {
          redeemables: [{ object: 'voucher', id: 'SAVE10' }],
          order: { amount: 5000 },
          customer: { source_id: 'plain@example.com' },
        });
        return (await call(s, 'GET', '/v1/customers/plain@example.com')).body as Json;
      },
    ],
  ];

  it.each(answers)('%s: a customer without address or metadata answers as the get-customer example does', async (_name, answer) => {
    const customer = await answer(createSandbox());
    expect(shapeOf(customer)).toEqual(shapeOf(getCustomer()));
  });

  it('an address and metadata that were set are answered', async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/customers', { ...plain, address: { city: 'London' }, metadata: { tier: 'gold' } });
    expect(shapeOf(body as Json)).toEqual({ address: { city: 'London' }, metadata: { tier: 'gold' } });
  });

  it("the customer inside a redemption keeps the redemption examples' shape: metadata {} present", async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/redemptions', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      order: { amount: 5000 },
      customer: { source_id: 'plain@example.com' },
    });
    const customer = (body as { redemptions: Json[] }).redemptions[0]!.customer as Json;
    expect(customer.metadata).toEqual(listedCustomer().metadata);
    expect('address' in customer).toBe('address' in listedCustomer());
  });
});
