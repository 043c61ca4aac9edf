import { describe, expect, it } from 'vitest';
import { createTracker, createVoucherifyClient, isVoucherifyError, normalizeApiUrl, VoucherifyError, type VoucherifyClientOptions } from 'voucherkit/core';
import { memoryStore } from './memoryStore.js';
import { hangingFetch, json, stackableOk, stubFetch } from './stubFetch.js';

const keys = { clientApplicationId: 'client-app-id', clientToken: 'client-token' };
const fastRetry = { baseDelayMs: 1, maxDelayMs: 2 };

function client(fetch: typeof globalThis.fetch, extra: Partial<VoucherifyClientOptions> = {}) {
  return createVoucherifyClient({ ...keys, fetch, retry: fastRetry, ...extra });
}

/** Resolves with the rejection of `promise`, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<VoucherifyError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(isVoucherifyError(outcome.error)).toBe(true);
  return outcome.error as VoucherifyError;
}

describe('configuration mistakes are TypeErrors with the fix in the message', () => {
  it.each([
    ['no clientApplicationId', { clientToken: 'token' }, /clientApplicationId is required/],
    ['no clientToken', { clientApplicationId: 'id' }, /clientToken is required/],
    ['a blank clientToken', { clientApplicationId: 'id', clientToken: '   ' }, /clientToken is required/],
    ['a non-string key', { clientApplicationId: 42, clientToken: 'token' }, /clientApplicationId is required/],
  ])('%s', (_name, options, message) => {
    expect(() => createVoucherifyClient(options as unknown as VoucherifyClientOptions)).toThrow(TypeError);
    expect(() => createVoucherifyClient(options as unknown as VoucherifyClientOptions)).toThrow(message);
  });

  it.each(['not a url', '', '/relative/path', 'api.voucherify.io'])('apiUrl %j is not a URL', (apiUrl) => {
    expect(() => createVoucherifyClient({ ...keys, apiUrl })).toThrow(TypeError);
    expect(() => createVoucherifyClient({ ...keys, apiUrl })).toThrow(/apiUrl must be an absolute http\(s\) URL/);
  });

  it('apiUrl with another protocol is refused', () => {
    expect(() => createVoucherifyClient({ ...keys, apiUrl: 'ftp://api.voucherify.io' })).toThrow(/http or https/);
    expect(() => createVoucherifyClient({ ...keys, apiUrl: 'javascript:alert(1)' })).toThrow(TypeError);
  });

  it('normalizeApiUrl drops trailing slashes and keeps a path prefix', () => {
    expect(normalizeApiUrl('https://api.voucherify.io/')).toBe('https://api.voucherify.io');
    expect(normalizeApiUrl('https://us1.api.voucherify.io')).toBe('https://us1.api.voucherify.io');
    expect(normalizeApiUrl('http://127.0.0.1:4010/proxy//')).toBe('http://127.0.0.1:4010/proxy');
  });

  it('the configured apiUrl is where requests go', async () => {
    const stub = stubFetch(json(stackableOk()));
    await client(stub.fetch, { apiUrl: 'https://us1.api.voucherify.io/' }).validate({ code: 'SAVE10' });
    expect(stub.requests[0]?.url).toBe('https://us1.api.voucherify.io/client/v1/validations');
  });

  it('bad arguments reject with a TypeError before any request', async () => {
    const stub = stubFetch(json(stackableOk()));
    const c = client(stub.fetch);
    await expect(c.validate({ code: '' })).rejects.toThrow(TypeError);
    await expect(c.validate({ code: '   ' })).rejects.toThrow(/non-empty `code` or `codes`/);
    await expect(c.validate({})).rejects.toThrow(TypeError);
    await expect(c.validate({ codes: ['SAVE10', ' '] })).rejects.toThrow(TypeError);
    await expect(c.validateVoucher('  ')).rejects.toThrow(/non-empty code/);
    await expect(c.track('')).rejects.toThrow(/event name/);
    expect(stub.calls).toBe(0);
  });

  it('track without any customer (no identity, no id, no params.customer) is a TypeError', async () => {
    const stub = stubFetch(json({ object: 'event', type: 'x' }));
    await expect(client(stub.fetch).track('cart_abandoned')).rejects.toThrow(/track needs a customer/);
    expect(stub.calls).toBe(0);
  });
});

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
    ['amount_off as a string', { ...stackableOk(), redeemables: [{ status: 'APPLICABLE', id: 'X', object: 'voucher', result: { discount: { type: 'AMOUNT', amount_off: '10' } } }] }, /amount_off/],
    ['an unknown discount type', { ...stackableOk(), redeemables: [{ status: 'APPLICABLE', id: 'X', object: 'voucher', result: { discount: { type: 'BOGO' } } }] }, /discount/],
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

describe('abort', () => {
  it('an AbortSignal aborting a pending call rejects with the abort reason', async () => {
    const hung = hangingFetch();
    const controller = new AbortController();
    const reason = new Error('superseded by a newer code');
    const pending = client(hung.fetch).validate({ code: 'SAVE10', signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(hung.calls).toBe(1);
  });

  it('aborting with no reason rejects with an AbortError', async () => {
    const hung = hangingFetch({ ignoreSignal: true });
    const controller = new AbortController();
    const pending = client(hung.fetch).validate({ code: 'SAVE10', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an already aborted signal sends nothing', async () => {
    const stub = stubFetch(json(stackableOk()));
    const reason = new Error('gone');
    await expect(client(stub.fetch).validate({ code: 'SAVE10', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(stub.calls).toBe(0);
  });

  it('aborting during the retry backoff stops the retries', async () => {
    const controller = new AbortController();
    const reason = new Error('unmounted');
    const stub = stubFetch(() => {
      queueMicrotask(() => controller.abort(reason));
      return new Response('', { status: 503 });
    });
    const slow = client(stub.fetch, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    await expect(slow.validate({ code: 'SAVE10', signal: controller.signal })).rejects.toBe(reason);
    expect(stub.calls).toBe(1);
  });
});

describe('ambiguous_tracking_id', () => {
  const ambiguous = json(
    {
      code: 400,
      key: 'ambiguous_tracking_id',
      message: "Ambiguous trackingId ('track_a' vs. 'track_b')",
      details: 'The customer cannot be identified as two different identifiers have been used between requests from same origin.',
      request_id: 'v-0be550a5a84abb30f8',
    },
    400,
  );

  it('forgets the stored id and retries once without it, then adopts the new id', async () => {
    const memory = memoryStore('track_old+id==');
    const tracker = createTracker({ store: memory.store });
    const stub = stubFetch(ambiguous, json(stackableOk('SAVE10', 'track_new+id==')));
    const result = await client(stub.fetch, { tracker }).validate({ code: 'SAVE10' });
    expect(result).toMatchObject({ valid: true, trackingId: 'track_new+id==' });
    expect(stub.calls).toBe(2);
    const [first, second] = await Promise.all(stub.requests.map((r) => r.clone().json() as Promise<Record<string, unknown>>));
    expect(first?.tracking_id).toBe('track_old+id==');
    expect(second).not.toHaveProperty('tracking_id');
    expect(second).not.toHaveProperty('customer');
    expect(tracker.getSnapshot().trackingId).toBe('track_new+id==');
    expect(memory.value).toBe('track_new+id==');
  });

  it('retries only once: a second ambiguous answer is the error', async () => {
    const tracker = createTracker({ store: memoryStore('track_old+id==').store });
    const stub = stubFetch(ambiguous);
    const error = await rejection(client(stub.fetch, { tracker }).validate({ code: 'SAVE10' }));
    expect(error.key).toBe('ambiguous_tracking_id');
    expect(stub.calls).toBe(2);
  });

  it('the deprecated GET /validate does the same', async () => {
    const tracker = createTracker({ store: memoryStore('track_old+id==').store });
    const stub = stubFetch(ambiguous, json({ valid: true, code: 'SAVE10', tracking_id: 'track_new+id==' }));
    await expect(client(stub.fetch, { tracker }).validateVoucher('SAVE10')).resolves.toMatchObject({ valid: true });
    expect(new URL(stub.requests[0]?.url ?? '').searchParams.get('tracking_id')).toBe('track_old+id==');
    expect(new URL(stub.requests[1]?.url ?? '').searchParams.has('tracking_id')).toBe(false);
  });

  it('an id the caller passed explicitly is not silently dropped', async () => {
    const stub = stubFetch(ambiguous);
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10', trackingId: 'track_explicit' }));
    expect(error.key).toBe('ambiguous_tracking_id');
    expect(stub.calls).toBe(1);
  });
});
