import { describe, expect, it } from 'vitest';
// Transport internals have no public name: the private module, by relative path.
import { call, callNoContent, decodePromotionTiers, retrying, type TransportConfig } from '../../src/core/internal.js';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { json, rejection, stubFetch } from './stubFetch.js';

const config = (fetch: typeof globalThis.fetch, timeoutMs = 1000): TransportConfig => ({
  baseUrl: 'https://api.test',
  headers: {},
  fetch,
  timeoutMs,
  retry: retrying({ retries: 2, baseDelayMs: 1, maxDelayMs: 2 }),
});

describe('DELETE and 204 No Content', () => {
  it('callNoContent sends a DELETE without a body and resolves on a 204', async () => {
    const stub = stubFetch(new Response(null, { status: 204 }));
    await expect(callNoContent(config(stub.fetch), { method: 'DELETE', path: '/v1/vouchers/A/sessions/ssn_1', retry: 'safe' })).resolves.toBeUndefined();
    expect(stub.requests[0]!.method).toBe('DELETE');
    expect(stub.requests[0]!.headers.get('content-type')).toBeNull();
    expect(await stub.requests[0]!.text()).toBe('');
  });

  it('callNoContent turns a 404 error body into a typed api error, not invalid_response', async () => {
    const stub = stubFetch(json({ code: 404, key: 'not_found', message: 'Resource not found', details: 'Cannot find session with id x' }, 404));
    const error = await rejection(callNoContent(config(stub.fetch), { method: 'DELETE', path: '/x', retry: 'safe' }));
    expect(error).toMatchObject({ kind: 'api', status: 404, key: 'not_found', details: 'Cannot find session with id x' });
  });

  it('callNoContent retries a 503 when marked safe, and a timeout is still a timeout', async () => {
    const stub = stubFetch(new Response('', { status: 503 }), new Response(null, { status: 204 }));
    await callNoContent(config(stub.fetch), { method: 'DELETE', path: '/x', retry: 'safe' });
    expect(stub.calls).toBe(2);
    const hung = stubFetch((request) => new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))));
    await expect(callNoContent(config(hung.fetch, 20), { method: 'DELETE', path: '/x' })).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('call (a call that expects a body) still treats an empty 2xx and a 204 as invalid_response, DELETE included', async () => {
    for (const response of [new Response('', { status: 200 }), new Response(null, { status: 204 })]) {
      const stub = stubFetch(response);
      const error = await rejection(call(config(stub.fetch), { method: 'DELETE', path: '/x', decode: decodePromotionTiers }));
      expect(error).toMatchObject({ kind: 'invalid_response' });
      expect(error.message).toMatch(/Empty response body/);
    }
  });

  it("the sandbox's DELETE of an unknown session answers a 404 that callNoContent reads as not_found", async () => {
    const sandbox = createSandbox();
    const sandboxConfig: TransportConfig = {
      ...config(((input: RequestInfo | URL, init?: RequestInit) => sandbox.handle(new Request(input, init))) as typeof globalThis.fetch),
      baseUrl: 'https://sandbox.test',
      headers: { 'X-App-Id': SANDBOX_KEYS.applicationId, 'X-App-Token': SANDBOX_KEYS.secretKey },
    };
    await expect(callNoContent(sandboxConfig, { method: 'DELETE', path: '/v1/vouchers/SAVE10/sessions/ssn_nobody', retry: 'safe' })).rejects.toMatchObject({
      kind: 'api',
      status: 404,
      key: 'not_found',
    });
  });
});
