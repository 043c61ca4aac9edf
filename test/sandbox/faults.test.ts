import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient, VoucherifyError, type VoucherifyClientOptions } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type Sandbox, type SandboxFault, type SandboxServer } from 'voucherkit/sandbox';

// Each fault mode of the sandbox, seen through the core client: the typed error a caller gets for it.

const fastRetry = { retries: 2, baseDelayMs: 1, maxDelayMs: 2 };

function clientFor(sandbox: Sandbox, options: Partial<VoucherifyClientOptions> = {}) {
  return createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    fetch: (input, init) => sandbox.handle(new Request(input, init)),
    retry: fastRetry,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<VoucherifyError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VoucherifyError);
  return error as VoucherifyError;
}

const validations = (sandbox: Sandbox) => sandbox.state.requests.filter((r) => r.path === '/client/v1/validations').length;

describe('fault modes through the core client', () => {
  it('500 is an api error, not retried', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'status', status: 500 }] });
    const error = await failure(clientFor(sandbox).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status: 500, key: 'internal_error' });
    expect(validations(sandbox)).toBe(1);
  });

  it.each([502, 503, 504] as const)('%i is an api error after the read was retried', async (status) => {
    const sandbox = createSandbox({ faults: [{ kind: 'status', status }] });
    const error = await failure(clientFor(sandbox).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status });
    expect(validations(sandbox)).toBe(3);
  });

  it('a 503 that clears within the retries is a normal result', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'status', status: 503, times: 2 }] });
    const result = await clientFor(sandbox).validate({ code: 'SAVE10', order: { amount: 4000 } });
    expect(result).toMatchObject({ valid: true, order: { totalAmount: 3000 } });
    expect(validations(sandbox)).toBe(3);
  });

  it('429 is rate_limited with retryAfterMs from Retry-After', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'rate_limit', retryAfterSeconds: 7 }] });
    const error = await failure(clientFor(sandbox).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000, message: 'Too many requests hit the API too quickly.' });
  });

  it('malformed JSON is invalid_response', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'malformed_json' }] });
    const error = await failure(clientFor(sandbox).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
  });

  it('a hung request is a timeout', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'hang' }] });
    const error = await failure(clientFor(sandbox, { timeoutMs: 30, retry: false }).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('timeout');
  });

  it('latency longer than the client timeout is a timeout too', async () => {
    const sandbox = createSandbox({ latencyMs: 60_000 });
    const error = await failure(clientFor(sandbox, { timeoutMs: 30, retry: false }).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('timeout');
  });

  it('a latency fault delays but still answers', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'latency', ms: 5, times: 1 }] });
    await expect(clientFor(sandbox).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
    expect(sandbox.state.faults).toEqual([]);
  });

  it('401 (wrong client token) is auth', async () => {
    const sandbox = createSandbox();
    const error = await failure(clientFor(sandbox, { clientToken: 'wrong' }).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'auth', status: 401, key: 'unauthorized' });
  });

  it('401 (origin not on the allow-list) is auth', async () => {
    const sandbox = createSandbox({ allowedOrigins: ['https://shop.example.com'] });
    const error = await failure(clientFor(sandbox, { origin: 'https://evil.example' }).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    await expect(clientFor(sandbox, { origin: 'https://shop.example.com' }).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
  });

  it('faults apply only under their path, for their number of times, and setFaults replaces them', async () => {
    const sandbox = createSandbox();
    const faults: SandboxFault[] = [{ kind: 'status', status: 500, path: '/client/v1/events' }];
    sandbox.setFaults(faults);
    const client = clientFor(sandbox);
    await expect(client.validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
    expect((await failure(client.track('viewed', { customer: { source_id: 'ada@example.com' } }))).status).toBe(500);
    sandbox.setFaults([]);
    await expect(client.track('viewed', { customer: { source_id: 'ada@example.com' } })).resolves.toMatchObject({ type: 'viewed' });
  });
});

describe('fault modes over real HTTP (startSandboxServer)', () => {
  let server: SandboxServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const httpClient = (url: string, options: Partial<VoucherifyClientOptions> = {}) =>
    createVoucherifyClient({
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      apiUrl: url,
      retry: fastRetry,
      ...options,
    });

  it('429 carries Retry-After and the X-Rate-Limit-* headers', async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'rate_limit', retryAfterSeconds: 3, times: 1 }] }) });
    const response = await fetch(`${server.url}/client/v1/validations`, {
      method: 'POST',
      headers: { 'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId, 'X-Client-Token': SANDBOX_KEYS.clientToken },
      body: JSON.stringify({ redeemables: [{ object: 'voucher', id: 'SAVE10' }] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('x-rate-limit-limit')).toMatch(/^\d+$/);
    expect(response.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-rate-limit-retry'))).toBeGreaterThan(Date.now() / 1000);
    expect(await response.json()).toEqual({ code: 429, message: 'Too many requests hit the API too quickly.' });
    // The fault was used once; the next call is answered and still reports the quota.
    const next = await fetch(`${server.url}/client/v1/promotions/tiers`, {
      headers: { 'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId, 'X-Client-Token': SANDBOX_KEYS.clientToken },
    });
    expect(next.status).toBe(200);
    expect(Number(next.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(0);
  });

  it('a hung request times out, and close() still ends the server', async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'hang' }] }) });
    const error = await failure(httpClient(server.url, { timeoutMs: 50, retry: false }).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('timeout');
  });

  it('502 over HTTP is retried and ends as an api error', async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'status', status: 502 }] }) });
    const error = await failure(httpClient(server.url).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status: 502 });
    expect(server.sandbox.state.requests).toHaveLength(3);
  });
});
