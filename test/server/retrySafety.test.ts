import { describe, expect, test } from 'vitest';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { json, stackableOk, stubFetch, type StubStep } from '../core/stubFetch.js';
import { sandboxFetch } from './sandboxFetch.js';

const lost = () => new TypeError('fetch failed');
const serverOver = (...steps: StubStep[]) => {
  const stub = stubFetch(...steps);
  const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://api.test', fetch: stub.fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  return { stub, server };
};
const customer = { id: 'cust_1', object: 'customer', source_id: 'c1' };

describe('server: LOCK validations and customer creation are retried only when a resend cannot double them', () => {
  test('validate({ session: { type: "LOCK" } }) keys the session before the first send and resends the same key', async () => {
    const { stub, server } = serverOver(lost(), json({ ...stackableOk(), session: { type: 'LOCK', key: 'ssn_from_api' } }));
    await server.validate({ code: 'SAVE10', trackingId: null, session: { type: 'LOCK' } });
    expect(stub.calls).toBe(2);
    const [first, second] = (await Promise.all(stub.requests.map((r) => r.clone().json()))) as Array<{ session: { key: string } }>;
    expect(first?.session.key).toMatch(/^ssn_[A-Za-z0-9]{32}$/);
    expect(second?.session.key).toBe(first?.session.key);
  });

  test('against the sandbox the locked session key comes back as sessionKey', async () => {
    const wire = sandboxFetch(createSandbox());
    const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://sandbox.test', fetch: wire.fetch });
    const result = await server.validate({ code: 'SAVE10', trackingId: null, order: { amount: 5000 }, session: { type: 'LOCK' } });
    expect(result.sessionKey).toBe((wire.sent[0]!.body!.session as { key: string }).key);
    expect(result.sessionKey).toMatch(/^ssn_/);
  });

  test('upsert without id and source_id is sent once, even after a lost answer', async () => {
    const { stub, server } = serverOver(lost(), json(customer));
    await expect(server.customers.upsert({ email: 'ada@example.com' })).rejects.toMatchObject({ kind: 'network' });
    expect(stub.calls).toBe(1);
  });

  test('upsert without id and source_id is not retried on a 503 either', async () => {
    const { stub, server } = serverOver(new Response('', { status: 503 }), json(customer));
    await expect(server.customers.upsert({ name: 'Ada' })).rejects.toMatchObject({ status: 503 });
    expect(stub.calls).toBe(1);
  });

  test('upsert keyed on source_id, get and update are resent after a lost answer', async () => {
    const upsert = serverOver(lost(), json(customer));
    await upsert.server.customers.upsert({ source_id: 'c1' });
    expect(upsert.stub.calls).toBe(2);
    const get = serverOver(lost(), json(customer));
    await get.server.customers.get('c1');
    expect(get.stub.calls).toBe(2);
    const update = serverOver(lost(), json(customer));
    await update.server.customers.update('c1', { name: 'Ada' });
    expect(update.stub.calls).toBe(2);
  });
});
