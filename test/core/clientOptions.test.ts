import { describe, expect, it } from 'vitest';
import { createVoucherifyClient, type VoucherifyClientOptions } from 'voucherkit/core';
// Transport internals have no public name: the private module, by relative path.
import { call, decodePromotionTiers, normalizeApiUrl } from '../../src/core/internal.js';
import { json, keys, stackableOk, stubClient as client, stubFetch } from './stubFetch.js';

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

  it.each([Infinity, 0, -5, Number.NaN, 3_000_000_000])('timeoutMs %s is a TypeError, not a timeout after 1 ms', (timeoutMs) => {
    expect(() => createVoucherifyClient({ ...keys, timeoutMs })).toThrow(TypeError);
    expect(() => createVoucherifyClient({ ...keys, timeoutMs })).toThrow(/timeoutMs must be a whole number of milliseconds from 1 to 2147483647/);
  });

  it('a per-call timeout the timer cannot honour rejects before any request', async () => {
    const stub = stubFetch(json(stackableOk()));
    const config = { baseUrl: 'https://api.voucherify.io', headers: {}, fetch: stub.fetch, timeoutMs: 1000 };
    const pending = call(config, { method: 'GET', path: '/client/v1/promotions/tiers', decode: decodePromotionTiers, retry: 'safe', timeoutMs: Infinity });
    await expect(pending).rejects.toThrow(TypeError);
    expect(stub.calls).toBe(0);
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
