import { inspect } from 'node:util';
import { beforeEach, describe, expect, test } from 'vitest';
import { createSandbox, SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { createVoucherifyServer, VoucherifyError, type VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, sandboxFetch, type SentRequest } from './sandboxFetch.js';

const { applicationId, secretKey } = SANDBOX_KEYS;
let sandbox: Sandbox;
let sent: SentRequest[];
let fetch: typeof globalThis.fetch;
let server: VoucherifyServer;

beforeEach(() => {
  sandbox = createSandbox();
  ({ fetch, sent } = sandboxFetch(sandbox));
  server = createVoucherifyServer({ applicationId, secretKey, apiUrl: 'https://sandbox.test/', fetch });
});

describe('createVoucherifyServer', () => {
  test.each([
    ['a missing secret', { applicationId }, /secretKey must be a non-empty string/],
    ['an empty secret', { applicationId, secretKey: '   ' }, /secretKey must be a non-empty string/],
    ['a secret that is not a string', { applicationId, secretKey: 42 }, /secretKey must be a non-empty string/],
    ['a missing application id', { secretKey }, /applicationId must be a non-empty string/],
    ['no options', undefined, /needs \{ applicationId, secretKey \}/],
    ['a relative apiUrl', { applicationId, secretKey, apiUrl: '/api' }, /absolute http\(s\) URL/],
    ['a zero timeout', { applicationId, secretKey, timeoutMs: 0 }, /timeoutMs must be a whole number of milliseconds/],
  ])('throws a clear TypeError for %s', (_name, options, message) => {
    expect(() => createVoucherifyServer(options as never)).toThrow(TypeError);
    expect(() => createVoucherifyServer(options as never)).toThrow(message);
  });

  test('sends the server keys as X-App-Id / X-App-Token on /v1 paths of apiUrl', async () => {
    await server.customers.upsert({ source_id: 'ada@example.com' });
    expect(sent[0]!.url.href).toBe('https://sandbox.test/v1/customers');
    expect(sent[0]!.headers.get('x-app-id')).toBe(applicationId);
    expect(sent[0]!.headers.get('x-app-token')).toBe(secretKey);
    expect(sent[0]!.headers.get('x-voucherify-channel')).toBe('voucherkit-server');
    expect(sent[0]!.headers.has('x-client-token')).toBe(false);
  });

  test('wrong keys are a typed auth error (401), nothing redeemed, and the secret appears nowhere in it', async () => {
    const wrongSecret = 'definitely-not-the-secret-4242';
    const wrong = createVoucherifyServer({ applicationId, secretKey: wrongSecret, apiUrl: 'https://sandbox.test', fetch });
    const error = await wrong.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'order_auth', amount: 5000 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(redeemedCodes(sandbox)).toEqual([]);
    expect(sent).toHaveLength(1);
    for (const text of [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(wrongSecret);
    }
  });

  test('the secret is not reachable through the server object or a failed validation', async () => {
    expect(JSON.stringify(server)).not.toContain(secretKey);
    expect(inspect(server, { depth: 10, showHidden: true })).not.toContain(secretKey);
    sandbox.setFaults({ kind: 'status', status: 500 });
    const error = await server.validate({ code: 'SAVE10' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'api', status: 500 });
    expect(inspect(error, { depth: 10 })).not.toContain(secretKey);
    expect(JSON.stringify(error)).not.toContain(secretKey);
  });

  test('reads (validate) are retried on 503, writes (redeem) are not', async () => {
    const fast = createVoucherifyServer({ applicationId, secretKey, apiUrl: 'https://sandbox.test', fetch, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    sandbox.setFaults({ kind: 'status', status: 503, times: 1 });
    const result = await fast.validate({ code: 'SAVE10', order: { amount: 5000 } });
    expect(result.valid).toBe(true);
    expect(sent.filter((r) => r.url.pathname === '/v1/validations')).toHaveLength(2);

    sandbox.setFaults({ kind: 'status', status: 503, times: 1 });
    await expect(fast.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'o', amount: 5000 } })).rejects.toMatchObject({ status: 503 });
    expect(sent.filter((r) => r.url.pathname === '/v1/redemptions')).toHaveLength(1);
  });
});
