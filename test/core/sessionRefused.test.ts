import { describe, expect, it } from 'vitest';
import { createValidationClient } from 'voucherkit/core';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxClient } from './sandboxClient.js';
import { stubFetch } from './stubFetch.js';

// Any page holding the publishable key could LOCK a limited code for a week: reservations are a server call.
describe('the browser client refuses validation sessions', () => {
  it('validate({ session }) throws a TypeError naming `session` and `reserve`, before any call', async () => {
    const { client, requests } = sandboxClient();
    const error = await client.validate({ code: 'SAVE10', session: { type: 'LOCK' } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/`session`/);
    expect((error as Error).message).toMatch(/reserve/);
    expect(requests).toHaveLength(0);
  });

  it('validateVoucher(code, { session }) throws the same TypeError before any call', async () => {
    const { client, requests } = sandboxClient();
    await expect(client.validateVoucher('SAVE10', { session: { type: 'LOCK', key: 'ssn_1' } } as never)).rejects.toThrow(/`session`.*reserve/s);
    expect(requests).toHaveLength(0);
  });

  it('the validation-only client (what VoucherProvider uses) refuses it too', async () => {
    const stub = stubFetch(new Response('{}'));
    const client = createValidationClient({ ...SANDBOX_KEYS, fetch: stub.fetch });
    await expect(client.validate({ code: 'SAVE10', session: { type: 'LOCK', ttl: 7, ttl_unit: 'DAYS' } } as never)).rejects.toThrow(TypeError);
    expect(stub.calls).toBe(0);
  });

  it('session: undefined is the same as no session', async () => {
    const { client, body } = sandboxClient();
    await client.validate({ code: 'SAVE10', session: undefined });
    expect(await body()).not.toHaveProperty('session');
  });
});
