import { describe, expect, it } from 'vitest';
import { createSandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

describe('customers', () => {
  it('POST /v1/customers upserts by source_id', async () => {
    const sandbox = createSandbox();
    const created = await call(sandbox, 'POST', '/v1/customers', { source_id: 'ada@example.com', name: 'Ada', metadata: { a: 1 } });
    const again = await call(sandbox, 'POST', '/v1/customers', { source_id: 'ada@example.com', email: 'ada@example.com', metadata: { b: 2 } });
    expect(created.body).toMatchObject({ object: 'customer', source_id: 'ada@example.com', name: 'Ada', summary: { redemptions: { total_redeemed: 0 } } });
    expect(again.body).toMatchObject({ id: created.body.id, name: 'Ada', email: 'ada@example.com', metadata: { a: 1, b: 2 } });
    expect(again.body.updated_at).toEqual(expect.any(String));
    expect(sandbox.state.customers.size).toBe(1);
  });

  it('GET /v1/customers/{id} finds a customer by id, source id and tracking id', async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/customers', { source_id: 'ada@example.com' });
    const issued = (
      await call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'SAVE10' }], tracking_id: 'ada@example.com' })
    ).body.tracking_id;
    for (const key of [body.id, 'ada@example.com', encodeURIComponent(issued)]) {
      const found = await call(sandbox, 'GET', `/v1/customers/${key}`);
      expect(found.status).toBe(200);
      expect(found.body.id).toBe(body.id);
    }
    expect((await call(sandbox, 'GET', '/v1/customers/bob@example.com')).status).toBe(404);
  });

  it('PUT /v1/customers/{id} changes only the fields sent', async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/customers', { source_id: 'ada@example.com', name: 'Ada', phone: '+44 20' });
    const updated = await call(sandbox, 'PUT', `/v1/customers/${body.id}`, { name: 'Ada L.', address: { city: 'London' } });
    expect(updated.body).toMatchObject({ id: body.id, name: 'Ada L.', phone: '+44 20', address: { city: 'London' } });
  });

  it('GET /v1/customers pages newest first and filters by email', async () => {
    const times = [1000, 2000, 3000];
    const sandbox = createSandbox({ clock: () => times.shift() ?? 4000 });
    for (const name of ['a', 'b', 'c']) await call(sandbox, 'POST', '/v1/customers', { source_id: name, email: `${name}@example.com` });
    const page1 = await call(sandbox, 'GET', '/v1/customers?limit=2');
    const page2 = await call(sandbox, 'GET', '/v1/customers?limit=2&page=2');
    expect(page1.body).toMatchObject({ object: 'list', data_ref: 'customers', total: 3, has_more: true });
    expect(page1.body.customers.map((c: { source_id: string }) => c.source_id)).toEqual(['c', 'b']);
    expect(page2.body.customers.map((c: { source_id: string }) => c.source_id)).toEqual(['a']);
    const filtered = await call(sandbox, 'GET', '/v1/customers?email=b@example.com');
    expect(filtered.body.customers.map((c: { source_id: string }) => c.source_id)).toEqual(['b']);
  });

  it('counts redemptions and rollbacks on the customer summary', async () => {
    const sandbox = createSandbox();
    const { body } = await call(sandbox, 'POST', '/v1/vouchers/SAVE10/redemption', { customer: { source_id: 'ada@example.com' }, order: { amount: 2000 } });
    await call(sandbox, 'POST', `/v1/redemptions/${body.id}/rollback`, {});
    const customer = await call(sandbox, 'GET', '/v1/customers/ada@example.com');
    expect(customer.body.summary.redemptions).toMatchObject({ total_redeemed: 1, total_succeeded: 1, total_rolled_back: 1 });
  });

  it('POST /client/v1/publish gives a voucher to one customer', async () => {
    const sandbox = createSandbox({ clientPublish: true });
    const published = await call(sandbox, 'POST', '/client/v1/publish', { voucher: 'SAVE10', customer: { source_id: 'ada@example.com' } });
    expect(published.body).toMatchObject({ object: 'publication', voucher: { code: 'SAVE10', holder_id: published.body.customer_id } });
    const ada = await call(sandbox, 'POST', '/client/v1/qualifications', { customer: { source_id: 'ada@example.com' }, order: { amount: 4000 } });
    const bob = await call(sandbox, 'POST', '/client/v1/qualifications', { customer: { source_id: 'bob@example.com' }, order: { amount: 4000 } });
    const ids = (response: typeof ada) => response.body.redeemables.data.map((r: { id: string }) => r.id);
    expect(ids(ada)).toContain('SAVE10');
    expect(ids(bob)).not.toContain('SAVE10');
    expect(ids(bob)).toEqual(expect.arrayContaining(['PERCENT15', 'HALFCAP', 'FIXED20', 'GIFT50']));
    expect(ids(bob)).not.toContain('EXPIRED');
  });
});
