import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from 'voucherkit/sandbox';
import { call } from './sandboxRequest.js';

// The tracking-id map is the sandbox's identity table: raw identities only. Anonymous shoppers get a random
// track_ id that is its own identity, and a well-formed id the sandbox never issued is echoed back unchanged
// (issue 10, defect 13).

const issuedPattern = /^track_[A-Za-z0-9+/]{22}==$/;

const validate = (sandbox: Sandbox, extra: Record<string, unknown> = {}, path = '/client/v1/validations') =>
  call(sandbox, 'POST', path, { redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { amount: 4000 }, ...extra });

describe('the tracking-id table', () => {
  it('1,000 anonymous validations add no entries, each with its own random track_ id', async () => {
    const sandbox = createSandbox();
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const { status, body } = await validate(sandbox);
      expect(status).toBe(200);
      expect(body.tracking_id).toMatch(issuedPattern);
      ids.add(body.tracking_id);
    }
    expect(ids.size).toBe(1000);
    expect(sandbox.state.trackingIds.size).toBe(0);
  }, 30_000);

  it('anonymous qualifications and legacy validations add no entries either', async () => {
    const sandbox = createSandbox();
    const qualification = await call(sandbox, 'POST', '/client/v1/qualifications', { order: { amount: 4000 } });
    const legacy = await call(sandbox, 'GET', '/client/v1/validate?code=SAVE10&amount=4000');
    expect(qualification.body.tracking_id).toMatch(issuedPattern);
    expect(legacy.body.tracking_id).toMatch(issuedPattern);
    expect(sandbox.state.trackingIds.size).toBe(0);
  });

  it('an anonymous id sent back is the same shopper: echoed, no entry', async () => {
    const sandbox = createSandbox();
    const anonymous = (await validate(sandbox)).body.tracking_id as string;
    expect((await validate(sandbox, { tracking_id: anonymous })).body.tracking_id).toBe(anonymous);
    expect(sandbox.state.trackingIds.size).toBe(0);
  });

  const label = (value: string) => (value.length > 40 ? `${value.slice(0, 12)}… (${value.length} characters)` : value);

  it.each(['track_9B0kB92+bJa8a+PegaWREw==', 'track_abc_-def', 'track_Zm9v/YmFy=', `track_${'A'.repeat(250)}`].map((id) => [label(id), id]))(
    'echoes the unknown well-formed id %s unchanged without an entry',
    async (_, trackingId) => {
      const sandbox = createSandbox();
      expect((await validate(sandbox, { tracking_id: trackingId })).body.tracking_id).toBe(trackingId);
      expect((await validate(sandbox, { tracking_id: trackingId }, '/v1/validations')).body.tracking_id).toBe(trackingId);
      expect(sandbox.state.trackingIds.size).toBe(0);
    },
  );

  it.each(['track_', 'track_a b', 'track_abc===', `track_${'A'.repeat(251)}`, 'TRACK_abc', 'ada@example.com'].map((id) => [label(id), id]))(
    'treats %s as a raw identity: a hashed id and one entry',
    async (_, value) => {
      const sandbox = createSandbox();
      const first = (await validate(sandbox, { tracking_id: value })).body.tracking_id;
      const again = (await validate(sandbox, { tracking_id: value })).body.tracking_id;
      expect(first).toMatch(issuedPattern);
      expect(first).not.toBe(value);
      expect(again).toBe(first);
      expect([...sandbox.state.trackingIds]).toEqual([[first, value]]);
    },
  );

  it('keeps raw identities: one entry per identity, however often it validates', async () => {
    const sandbox = createSandbox();
    for (let i = 0; i < 20; i++) await validate(sandbox, { customer: { source_id: `user-${i % 4}@example.com` } });
    expect(sandbox.state.trackingIds.size).toBe(4);
  });

  it('an anonymous id is not a customer on the allow-list of a customer-only code', async () => {
    const sandbox = createSandbox();
    const anonymous = (await validate(sandbox)).body.tracking_id as string;
    const { body } = await call(sandbox, 'POST', '/client/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'VIPONLY' }],
      order: { amount: 4000 },
      tracking_id: anonymous,
    });
    expect(body.valid).toBe(false);
    expect(body.redeemables[0].result.error.key).toBe('customer_rules_violated');
  });

  it('a redeem with an anonymous id records a customer whose source_id is that id, found by it later', async () => {
    const sandbox = createSandbox();
    const anonymous = (await validate(sandbox)).body.tracking_id as string;
    const redeemed = await call(sandbox, 'POST', '/v1/redemptions', {
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      order: { amount: 4000 },
      tracking_id: anonymous,
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.parent_redemption.tracking_id).toBe(anonymous);
    const customer = await call(sandbox, 'GET', `/v1/customers/${encodeURIComponent(anonymous)}`);
    expect(customer.body).toMatchObject({ source_id: anonymous });
    expect(sandbox.state.trackingIds.size).toBe(0);
  });
});
