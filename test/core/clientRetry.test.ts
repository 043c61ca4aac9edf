import { describe, expect, it, vi } from 'vitest';
import { createValidationClient, createVoucherifyClient } from 'voucherkit/core';
import { json, keys, rejection, stackableOk, stubFetch } from './stubFetch.js';

// Issue 13: the core client makes one attempt unless its user opts in to the same policy React Query applies.

describe('the core client retries only when asked to', () => {
  it('makes one attempt by default, even for a read that is safe to resend', async () => {
    const stub = stubFetch(new Response('', { status: 503 }), json(stackableOk()));
    const error = await rejection(createVoucherifyClient({ ...keys, fetch: stub.fetch }).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status: 503 });
    expect(stub.calls).toBe(1);
  });

  it('with `retry: {}` a read is resent after a 503 or a lost answer, twice at most', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const stub = stubFetch(new TypeError('fetch failed'), new Response('', { status: 503 }), json(stackableOk()));
    await expect(createValidationClient({ ...keys, fetch: stub.fetch, retry: {} }).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
    expect(stub.calls).toBe(3);
    const failing = stubFetch(new Response('', { status: 502 }));
    await rejection(createValidationClient({ ...keys, fetch: failing.fetch, retry: {} }).validate({ code: 'SAVE10' }));
    expect(failing.calls).toBe(3);
  });

  it('never resends a 429 or a write, even when opted in', async () => {
    const limited = stubFetch(new Response('', { status: 429, headers: { 'Retry-After': '3' } }));
    await expect(createVoucherifyClient({ ...keys, fetch: limited.fetch, retry: {} }).validate({ code: 'SAVE10' })).rejects.toMatchObject({
      kind: 'rate_limited',
    });
    expect(limited.calls).toBe(1);
    const event = stubFetch(new Response('', { status: 503 }));
    await rejection(createVoucherifyClient({ ...keys, fetch: event.fetch, retry: {} }).track('cart_abandoned', { customer: { source_id: 'c1' } }));
    expect(event.calls).toBe(1);
  });
});
