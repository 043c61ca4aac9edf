import { describe, expect, it } from 'vitest';
import { hangingFetch, json, stackableOk, stubClient as client, rejection, stubFetch } from './stubFetch.js';

describe('responses that do not fit are typed errors, never a crash or undefined', () => {
  it('non-JSON body', async () => {
    const stub = stubFetch(new Response('OK', { status: 200, headers: { 'Content-Type': 'text/plain' } }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.message).toMatch(/Expected JSON.*text\/plain/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('empty body', async () => {
    const stub = stubFetch(new Response('', { status: 200 }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.message).toMatch(/Empty response body/);
  });

  it('204 No Content', async () => {
    const stub = stubFetch(new Response(null, { status: 204 }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 204 });
  });

  it('an HTML error page with a 200 status', async () => {
    const page = '<!doctype html><html><body><h1>Maintenance</h1></body></html>';
    const stub = stubFetch(new Response(page, { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
    expect(error.message).toContain('text/html');
    expect(error.message).not.toContain('<h1>');
  });

  it('an HTML error page from a proxy (500) is an api error with the status, not a parse crash', async () => {
    const page = '<html><body>500 Internal Server Error</body></html>';
    const stub = stubFetch(new Response(page, { status: 500, headers: { 'Content-Type': 'text/html' } }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status: 500, key: undefined });
    expect(stub.calls).toBe(1);
  });

  it.each([
    ['valid is a string', { ...stackableOk(), valid: 'yes' }, /valid/],
    ['redeemables missing', { valid: true }, /redeemables/],
    ['an unknown redeemable status', { ...stackableOk(), redeemables: [{ status: 'MAYBE', id: 'X', object: 'voucher' }] }, /redeemables\.0\.status/],
    [
      'amount_off as a string',
      { ...stackableOk(), redeemables: [{ status: 'APPLICABLE', id: 'X', object: 'voucher', result: { discount: { type: 'AMOUNT', amount_off: '10' } } }] },
      /amount_off/,
    ],
    [
      'an unknown discount type',
      { ...stackableOk(), redeemables: [{ status: 'APPLICABLE', id: 'X', object: 'voucher', result: { discount: { type: 'BOGO' } } }] },
      /discount/,
    ],
    ['the body is an array', [stackableOk()], /\(root\)/],
    ['the body is null', null, /\(root\)/],
  ])('schema-drifted JSON: %s', async (_name, body, where) => {
    const stub = stubFetch(json(body));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('invalid_response');
    expect(error.details).toMatch(where);
    expect(error.message).toMatch(/did not match the expected shape/);
  });

  it('fields we do not read may come and go: extra keys are accepted', async () => {
    const stub = stubFetch(json({ ...stackableOk(), stacking_rules: { anything: true }, brand_new_field: [1, 2] }));
    await expect(client(stub.fetch).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
  });

  it('a schema-drifted event answer is a typed error too', async () => {
    const stub = stubFetch(json({ object: 'customer', type: 'x' }));
    const error = await rejection(client(stub.fetch).track('cart_abandoned', { customer: { source_id: 'c1' } }));
    expect(error.kind).toBe('invalid_response');
  });
});

describe('transport failures', () => {
  it('fetch rejecting is a network error after two retries (reads only)', async () => {
    const stub = stubFetch(new TypeError('fetch failed'));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'network', message: 'Could not reach Voucherify' });
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(stub.calls).toBe(3);
  });

  it('a network error followed by success resolves', async () => {
    const stub = stubFetch(new TypeError('fetch failed'), json(stackableOk()));
    await expect(client(stub.fetch).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true });
    expect(stub.calls).toBe(2);
  });

  it('retry: false makes one attempt only', async () => {
    const stub = stubFetch(new TypeError('fetch failed'));
    await rejection(client(stub.fetch, { retry: false }).validate({ code: 'SAVE10' }));
    expect(stub.calls).toBe(1);
  });

  it('a hung fetch rejects with kind "timeout" after timeoutMs', async () => {
    const hung = hangingFetch();
    const error = await rejection(client(hung.fetch, { timeoutMs: 20 }).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(error.message).toMatch(/did not answer within 20 ms/);
  });

  it('a fetch that ignores its signal still times out', async () => {
    const hung = hangingFetch({ ignoreSignal: true });
    const error = await rejection(client(hung.fetch, { timeoutMs: 20 }).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('timeout');
  });

  it('a body that never finishes times out', async () => {
    const stub = stubFetch(() => new Response(new ReadableStream({ start() {} }), { status: 200 }));
    const error = await rejection(client(stub.fetch, { timeoutMs: 20 }).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('timeout');
  });

  it('503 → 503 → 200 is retried and resolves after three calls', async () => {
    const stub = stubFetch(json({ code: 503, message: 'Unavailable' }, 503), new Response('', { status: 503 }), json(stackableOk()));
    await expect(client(stub.fetch).validate({ code: 'SAVE10' })).resolves.toMatchObject({ valid: true, code: 'SAVE10' });
    expect(stub.calls).toBe(3);
  });

  it.each([502, 503, 504])('%i three times is an api error with that status after three calls', async (status) => {
    const stub = stubFetch(new Response('Bad gateway', { status }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status });
    expect(stub.calls).toBe(3);
  });

  it('400 is called once and carries key, details, request id and the custom message', async () => {
    const stub = stubFetch(
      json(
        {
          code: 400,
          key: 'missing_order_items_amount',
          message: 'Missing applicable order items',
          details: 'At least one applicable order item with amount is required',
          request_id: 'v-0bcccfd04085cf2540',
          error: { message: 'Request should contain an amount for the item.' },
        },
        400,
      ),
    );
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({
      kind: 'api',
      status: 400,
      key: 'missing_order_items_amount',
      message: 'Missing applicable order items',
      details: 'At least one applicable order item with amount is required',
      requestId: 'v-0bcccfd04085cf2540',
      customMessage: 'Request should contain an amount for the item.',
    });
    expect(stub.calls).toBe(1);
  });

  it('the request id falls back to the X-Request-Id header', async () => {
    const stub = stubFetch(new Response('nope', { status: 404, headers: { 'X-Request-Id': 'v-header-id' } }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'api', status: 404, requestId: 'v-header-id' });
  });

  it.each([401, 403])('%i is kind "auth" and not retried', async (status) => {
    const stub = stubFetch(json({ code: status, key: 'unauthorized', message: 'Unauthorized' }, status));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'auth', status, key: 'unauthorized' });
    expect(stub.calls).toBe(1);
  });

  it('429 with Retry-After is rate_limited with retryAfterMs, and is not hammered', async () => {
    const stub = stubFetch(json({ code: 429, message: 'Too many requests hit the API too quickly.' }, 429, { 'Retry-After': '2' }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 2000 });
    expect(error.message).toBe('Too many requests hit the API too quickly.');
    expect(stub.calls).toBe(1);
  });

  it('429 with X-Rate-Limit-Retry (Unix seconds) gives a wait near that moment', async () => {
    const at = Math.ceil(Date.now() / 1000) + 60;
    const stub = stubFetch(new Response('', { status: 429, headers: { 'X-Rate-Limit-Retry': String(at) } }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(61_000);
    expect(stub.calls).toBe(1);
  });

  it('429 without headers has no retryAfterMs', async () => {
    const stub = stubFetch(new Response('', { status: 429 }));
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10' }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: undefined });
  });

  it('a write (track) is never retried, even on 503', async () => {
    const stub = stubFetch(new Response('', { status: 503 }));
    const error = await rejection(client(stub.fetch).track('cart_abandoned', { customer: { source_id: 'c1' } }));
    expect(error).toMatchObject({ kind: 'api', status: 503 });
    expect(stub.calls).toBe(1);
  });

  it('a write is not retried after a network error either', async () => {
    const stub = stubFetch(new TypeError('fetch failed'));
    await rejection(client(stub.fetch).track('cart_abandoned', { customer: { source_id: 'c1' } }));
    expect(stub.calls).toBe(1);
  });
});
