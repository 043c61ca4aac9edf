import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from 'voucherkit/core';
import { redirectServers } from './redirectServers.js';
import { keys, rejection, stubFetch } from './stubFetch.js';

let servers: Awaited<ReturnType<typeof redirectServers>> | undefined;
afterEach(async () => {
  await servers?.close();
  servers = undefined;
});

describe('a redirect from the API is refused, never followed', () => {
  it.each([301, 302, 303, 307, 308])('a %i is a VoucherifyError with key "redirect", and the other origin receives nothing', async (status) => {
    servers = await redirectServers(status);
    const client = createVoucherifyClient({ ...keys, apiUrl: servers.apiUrl, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await rejection(client.validate({ code: 'SAVE10', order: { amount: 5000 } }));
    expect(error).toMatchObject({ kind: 'invalid_response', key: 'redirect', status });
    expect(servers.received).toEqual([]);
    // A redirect is an answer, not a lost one: not retried.
    expect(servers.redirected).toBe(1);
  });

  it('a write (track) is refused the same way, and its body goes nowhere else', async () => {
    servers = await redirectServers(308);
    const client = createVoucherifyClient({ ...keys, apiUrl: servers.apiUrl });
    const error = await rejection(client.track('cart_abandoned', { customer: { source_id: 'c1' } }));
    expect(error).toMatchObject({ kind: 'invalid_response', key: 'redirect', status: 308 });
    expect(servers.received).toEqual([]);
  });

  it('every call asks fetch not to follow redirects', async () => {
    const stub = stubFetch(new Response('{}', { status: 200 }));
    const client = createVoucherifyClient({ ...keys, fetch: stub.fetch });
    await client.validate({ code: 'SAVE10' }).catch(() => undefined);
    await client.track('x', { customer: { source_id: 'c1' } }).catch(() => undefined);
    await client.listPromotionTiers().catch(() => undefined);
    expect(stub.inits.map((init) => init?.redirect)).toEqual(['manual', 'manual', 'manual']);
  });

  it("a browser's opaque redirect (type opaqueredirect, status 0) is the same error", async () => {
    // What a browser's fetch gives for redirect: 'manual'; Response cannot be constructed with status 0.
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, redirected: false, headers: new Headers(), body: null, text: async () => '' };
    const fetch = (async () => opaque) as unknown as typeof globalThis.fetch;
    const error = await rejection(createVoucherifyClient({ ...keys, fetch }).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', key: 'redirect' });
  });
});
