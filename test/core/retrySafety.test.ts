import { afterEach, describe, expect, it, vi } from 'vitest';
import { customerRetrySafety, isRetryableError, sessionRetrySafety, VoucherifyError } from 'voucherkit/core';
// Transport internals have no public name: the private module, by relative path.
import { call, decodePromotionTiers, retrying, withSessionKey, type TransportConfig } from '../../src/core/internal.js';
import { json, stackableOk, stubClient, stubFetch } from './stubFetch.js';

const lost = () => new TypeError('fetch failed');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('withSessionKey keys a LOCK once, before the first send, so a resend overwrites the same session (server side)', () => {
  it('a keyless session gets an ssn_ key of 32 letters and digits; each call a new one', () => {
    const first: { type: 'LOCK'; key?: string } = withSessionKey({ type: 'LOCK' });
    const second: { type: 'LOCK'; key?: string } = withSessionKey({ type: 'LOCK' });
    expect(first).toEqual({ type: 'LOCK', key: expect.stringMatching(/^ssn_[A-Za-z0-9]{32}$/) });
    expect(second.key).not.toBe(first.key);
  });

  it('a key the caller passes is kept, and no session stays none', () => {
    const mine = { type: 'LOCK' as const, key: 'ssn_mine', ttl: 1, ttl_unit: 'HOURS' as const };
    expect(withSessionKey(mine)).toBe(mine);
    expect(withSessionKey(undefined)).toBeUndefined();
  });

  it('without a random source the session stays keyless, and so is never safe to resend', () => {
    vi.stubGlobal('crypto', undefined);
    const session = withSessionKey({ type: 'LOCK' as const });
    expect(session).toEqual({ type: 'LOCK' });
    expect(sessionRetrySafety(session)).toBe('never');
  });

  it('a browser validation (which never has a session) is retried after a lost answer', async () => {
    const stub = stubFetch(lost(), json(stackableOk()));
    await stubClient(stub.fetch).validate({ code: 'SAVE10' });
    expect(stub.calls).toBe(2);
  });
});

describe('one retry-safety flag per call, honoured by the transport', () => {
  const config = (fetch: typeof globalThis.fetch): TransportConfig => ({
    baseUrl: 'https://api.test',
    headers: {},
    fetch,
    timeoutMs: 1000,
    retry: retrying({ retries: 2, baseDelayMs: 1, maxDelayMs: 2 }),
  });
  const tiers = json({ tiers: [] });

  it('a call without a flag is never retried (the safe default for a write nobody marked)', async () => {
    const stub = stubFetch(lost(), tiers);
    await expect(call(config(stub.fetch), { method: 'GET', path: '/x', decode: decodePromotionTiers })).rejects.toMatchObject({ kind: 'network' });
    expect(stub.calls).toBe(1);
  });

  it("retry: 'safe' is retried after a lost answer and a 503; retry: 'never' is not", async () => {
    const safe = stubFetch(lost(), new Response('', { status: 503 }), tiers);
    await expect(call(config(safe.fetch), { method: 'GET', path: '/x', decode: decodePromotionTiers, retry: 'safe' })).resolves.toEqual({ tiers: [] });
    expect(safe.calls).toBe(3);
    const never = stubFetch(new Response('', { status: 503 }), tiers);
    await expect(call(config(never.fetch), { method: 'GET', path: '/x', decode: decodePromotionTiers, retry: 'never' })).rejects.toMatchObject({ status: 503 });
    expect(never.calls).toBe(1);
  });

  it('sessionRetrySafety: a keyless session is never safe to resend, a keyed one or none is', () => {
    expect(sessionRetrySafety(undefined)).toBe('safe');
    expect(sessionRetrySafety({ type: 'LOCK', key: 'ssn_1' })).toBe('safe');
    expect(sessionRetrySafety({ type: 'LOCK' })).toBe('never');
    expect(sessionRetrySafety({ type: 'LOCK', key: '' })).toBe('never');
  });

  it('customerRetrySafety: a customer without id and source_id would be created twice', () => {
    expect(customerRetrySafety({ email: 'a@example.com' })).toBe('never');
    expect(customerRetrySafety({ source_id: 'c1', email: 'a@example.com' })).toBe('safe');
    expect(customerRetrySafety({ id: 'cust_1' })).toBe('safe');
    expect(customerRetrySafety({ source_id: '  ' })).toBe('never');
  });

  it('isRetryableError: a lost answer or a 502/503/504, nothing else', () => {
    expect(isRetryableError(new VoucherifyError({ kind: 'network', message: 'x' }))).toBe(true);
    expect(isRetryableError(new VoucherifyError({ kind: 'network', message: 'x', key: 'offline' }))).toBe(false);
    for (const status of [502, 503, 504]) expect(isRetryableError(new VoucherifyError({ kind: 'api', status, message: 'x' }))).toBe(true);
    expect(isRetryableError(new VoucherifyError({ kind: 'api', status: 500, message: 'x' }))).toBe(false);
    expect(isRetryableError(new VoucherifyError({ kind: 'timeout', message: 'x' }))).toBe(false);
    expect(isRetryableError(new VoucherifyError({ kind: 'invalid_response', key: 'redirect', message: 'x' }))).toBe(false);
    expect(isRetryableError(new TypeError('x'))).toBe(false);
  });
});
