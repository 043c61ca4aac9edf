import { describe, expect, it } from 'vitest';
import { createTracker, createVoucherifyClient } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

const trackingIdPattern = /^track_[A-Za-z0-9+/]{22}==$/;

const validate = (sandbox: Sandbox, extra: Record<string, unknown> = {}) =>
  call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { amount: 4000 }, ...extra });

describe('tracking ids', () => {
  it('are opaque track_… base64 values, stable for one identity', async () => {
    const sandbox = createSandbox();
    const first = (await validate(sandbox, { customer: { source_id: 'ada@example.com' } })).body.tracking_id;
    const again = (await validate(sandbox, { tracking_id: 'ada@example.com' })).body.tracking_id;
    const other = (await validate(sandbox, { customer: { source_id: 'bob@example.com' } })).body.tracking_id;
    expect(first).toMatch(trackingIdPattern);
    expect(first).not.toContain('ada');
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('contain + / = across identities, so they must be URI-encoded in cookies', async () => {
    const sandbox = createSandbox({ trackingSecret: 'fixed' });
    const ids = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => (await validate(sandbox, { tracking_id: `user-${i}@example.com` })).body.tracking_id as string),
    );
    const all = ids.join('');
    expect(all).toMatch(/\+/);
    expect(all).toMatch(/\//);
    expect(ids.every((id) => id.endsWith('=='))).toBe(true);
  });

  it('depend on the per-sandbox secret', async () => {
    const a = (await validate(createSandbox({ trackingSecret: 's1' }), { tracking_id: 'ada@example.com' })).body.tracking_id;
    const b = (await validate(createSandbox({ trackingSecret: 's1' }), { tracking_id: 'ada@example.com' })).body.tracking_id;
    const c = (await validate(createSandbox({ trackingSecret: 's2' }), { tracking_id: 'ada@example.com' })).body.tracking_id;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('are accepted back in hashed form: the id stays the same', async () => {
    const sandbox = createSandbox();
    const issued = (await validate(sandbox, { tracking_id: 'ada@example.com' })).body.tracking_id;
    expect((await validate(sandbox, { tracking_id: issued })).body.tracking_id).toBe(issued);
    expect((await validate(sandbox, { tracking_id: issued, customer: { source_id: 'ada@example.com' } })).status).toBe(200);
  });

  it('are generated when a client call names no one, and reused when sent back', async () => {
    const sandbox = createSandbox();
    const generated = (await validate(sandbox)).body.tracking_id;
    expect(generated).toMatch(trackingIdPattern);
    expect((await validate(sandbox, { tracking_id: generated })).body.tracking_id).toBe(generated);
    expect((await validate(sandbox)).body.tracking_id).not.toBe(generated);
  });

  it('are returned by events and qualifications too', async () => {
    const sandbox = createSandbox();
    const issued = (await validate(sandbox, { tracking_id: 'ada@example.com' })).body.tracking_id;
    const event = await call(sandbox, 'POST', '/client/v1/events', { event: 'viewed', customer: { source_id: issued } });
    const qualifications = await call(sandbox, 'POST', '/client/v1/qualifications', { tracking_id: issued, order: { amount: 4000 } });
    expect(event.body.tracking_id).toBe(issued);
    expect(qualifications.body.tracking_id).toBe(issued);
  });

  it('two identities in one request are a 400 ambiguous_tracking_id quoting both tracking ids', async () => {
    const sandbox = createSandbox();
    const ada = (await validate(sandbox, { tracking_id: 'ada@example.com' })).body.tracking_id;
    const { status, body } = await validate(sandbox, { tracking_id: ada, customer: { source_id: 'bob@example.com' } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, key: 'ambiguous_tracking_id' });
    const bob = (await validate(sandbox, { tracking_id: 'bob@example.com' })).body.tracking_id;
    expect(body.details).toContain(ada);
    expect(body.details).toContain(bob);
  });

  it('the core client recovers from ambiguous_tracking_id by dropping its stored id', async () => {
    const sandbox = createSandbox();
    const ada = (await validate(sandbox, { tracking_id: 'ada@example.com' })).body.tracking_id;
    const tracker = createTracker({ consent: false });
    tracker.adopt(ada);
    const client = createVoucherifyClient({
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      fetch: (input, init) => sandbox.handle(new Request(input, init)),
      tracker,
    });
    const result = await client.validate({ code: 'SAVE10', customer: { source_id: 'bob@example.com' }, order: { amount: 4000 } });
    const bob = (await validate(sandbox, { tracking_id: 'bob@example.com' })).body.tracking_id;
    expect(result.valid).toBe(true);
    expect(result.trackingId).toBe(bob);
    expect(sandbox.state.requests.filter((r) => r.path === '/client/v1/validations')).toHaveLength(4);
  });
});
