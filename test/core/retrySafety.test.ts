import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  call,
  customerRetrySafety,
  isRetryableError,
  promotionTiersResponseSchema,
  sessionRetrySafety,
  VoucherifyError,
  type TransportConfig,
} from 'voucherkit/core';
import { sandboxClient } from './sandboxClient.js';
import { json, stackableOk, stubClient, stubFetch } from './stubFetch.js';

const lost = () => new TypeError('fetch failed');
const bodyOf = async (request: Request | undefined) => (await request!.clone().json()) as { session?: { key?: string; type?: string } };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a LOCK validation is keyed before the first send, so a retry overwrites the same session', () => {
  it('validate({ session: { type: "LOCK" } }) sends a generated ssn_ key, and the retry after a lost answer sends the same key', async () => {
    const stub = stubFetch(lost(), json(stackableOk()));
    await stubClient(stub.fetch).validate({ code: 'SAVE10', session: { type: 'LOCK' } });
    expect(stub.calls).toBe(2);
    const [first, second] = await Promise.all(stub.requests.map(bodyOf));
    expect(first?.session).toMatchObject({ type: 'LOCK', key: expect.stringMatching(/^ssn_[A-Za-z0-9]{32}$/) });
    expect(second?.session?.key).toBe(first?.session?.key);
  });

  it('each validation gets its own key, and a key the caller passes is kept', async () => {
    const stub = stubFetch(json(stackableOk()));
    const client = stubClient(stub.fetch);
    await client.validate({ code: 'SAVE10', session: { type: 'LOCK' } });
    await client.validate({ code: 'SAVE10', session: { type: 'LOCK' } });
    await client.validate({ code: 'SAVE10', session: { type: 'LOCK', key: 'ssn_mine', ttl: 1, ttl_unit: 'HOURS' } });
    const keys = (await Promise.all(stub.requests.map(bodyOf))).map((body) => body.session?.key);
    expect(new Set(keys).size).toBe(3);
    expect((await bodyOf(stub.requests[2])).session).toEqual({ type: 'LOCK', key: 'ssn_mine', ttl: 1, ttl_unit: 'HOURS' });
  });

  it('the sandbox echoes the generated key as the session it locked', async () => {
    const { client, body } = sandboxClient();
    await client.validate({ code: 'SAVE10', session: { type: 'LOCK' } });
    expect((await body()).session).toMatchObject({ type: 'LOCK', key: expect.stringMatching(/^ssn_/) });
  });

  it('validateVoucher (legacy GET) sends the generated key as session_key and keeps it on the retry', async () => {
    const legacyOk = { valid: true, code: 'SAVE10', discount: { type: 'AMOUNT', amount_off: 1000 } };
    const stub = stubFetch(lost(), json(legacyOk));
    await stubClient(stub.fetch).validateVoucher('SAVE10', { session: { type: 'LOCK' } });
    expect(stub.calls).toBe(2);
    const [first, second] = stub.requests.map((request) => new URL(request.url).searchParams.get('session_key'));
    expect(first).toMatch(/^ssn_[A-Za-z0-9]{32}$/);
    expect(second).toBe(first);
  });

  it('without a random source the LOCK goes keyless, and a keyless LOCK is sent once, never retried', async () => {
    vi.stubGlobal('crypto', undefined);
    const stub = stubFetch(lost(), json(stackableOk()));
    await expect(stubClient(stub.fetch).validate({ code: 'SAVE10', session: { type: 'LOCK' } })).rejects.toMatchObject({ kind: 'network' });
    expect(stub.calls).toBe(1);
    expect((await bodyOf(stub.requests[0])).session).toEqual({ type: 'LOCK' });
  });

  it('a validation without a session is still retried', async () => {
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
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
  const tiers = json({ tiers: [] });

  it("a call without a flag is never retried (the safe default for a write nobody marked)", async () => {
    const stub = stubFetch(lost(), tiers);
    await expect(call(config(stub.fetch), { method: 'GET', path: '/x', schema: promotionTiersResponseSchema })).rejects.toMatchObject({ kind: 'network' });
    expect(stub.calls).toBe(1);
  });

  it("retry: 'safe' is retried after a lost answer and a 503; retry: 'never' is not", async () => {
    const safe = stubFetch(lost(), new Response('', { status: 503 }), tiers);
    await expect(call(config(safe.fetch), { method: 'GET', path: '/x', schema: promotionTiersResponseSchema, retry: 'safe' })).resolves.toEqual({ tiers: [] });
    expect(safe.calls).toBe(3);
    const never = stubFetch(new Response('', { status: 503 }), tiers);
    await expect(call(config(never.fetch), { method: 'GET', path: '/x', schema: promotionTiersResponseSchema, retry: 'never' })).rejects.toMatchObject({ status: 503 });
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
