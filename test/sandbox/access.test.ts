import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, startSandboxServer } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import { call, clientHeaders, serverHeaders } from './sandboxRequest.js';

const preflight = (origin: string, sandbox = createSandbox()) =>
  sandbox.handle(
    new Request('https://api.voucherify.io/client/v1/validations', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-client-application-id,x-client-token,content-type',
      },
    }),
  );

describe('keys and origins', () => {
  it('answers a CORS preflight without keys', async () => {
    const response = await preflight('https://shop.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-client-token');
  });

  it('refuses a preflight from an origin off the allow-list', async () => {
    const sandbox = createSandbox({ allowedOrigins: ['.example.com'] });
    expect((await preflight('https://shop.example.com', sandbox)).status).toBe(204);
    expect((await preflight('https://example.com', sandbox)).status).toBe(204);
    expect((await preflight('https://example.org', sandbox)).status).toBe(403);
  });

  it('puts CORS and rate-limit headers on client responses, errors included', async () => {
    const sandbox = createSandbox();
    const ok = await call(
      sandbox,
      'POST',
      '/client/v1/validations',
      { redeemables: [{ object: 'voucher', id: 'SAVE10' }] },
      { ...clientHeaders, Origin: 'https://shop.example.com' },
    );
    const denied = await call(sandbox, 'POST', '/client/v1/validations', {}, { Origin: 'https://shop.example.com' });
    for (const response of [ok, denied]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
      expect(response.headers.get('access-control-expose-headers')).toContain('X-Rate-Limit-Remaining');
      expect(Number(response.headers.get('x-rate-limit-limit'))).toBeGreaterThan(0);
      expect(response.headers.get('x-rate-limit-remaining')).toMatch(/^\d+$/);
    }
    expect(denied.status).toBe(401);
  });

  it('counts down X-Rate-Limit-Remaining', async () => {
    const sandbox = createSandbox();
    const first = await call(sandbox, 'GET', '/v1/customers');
    const second = await call(sandbox, 'GET', '/v1/customers');
    expect(Number(second.headers.get('x-rate-limit-remaining'))).toBe(Number(first.headers.get('x-rate-limit-remaining')) - 1);
  });

  it.each([
    ['client keys missing', '/client/v1/validations', {}],
    ['server keys on the client API', '/client/v1/validations', serverHeaders],
    ['client keys on the server API', '/v1/validations', clientHeaders],
    ['a wrong secret', '/v1/validations', { ...serverHeaders, 'X-App-Token': 'nope' }],
  ])('401 for %s', async (_, path, headers) => {
    const { status, body } = await call(createSandbox(), 'POST', path, { redeemables: [{ object: 'voucher', id: 'SAVE10' }] }, headers);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 401, key: 'unauthorized', message: 'Unauthorized' });
  });

  it('accepts configured keys instead of the default ones', async () => {
    const sandbox = createSandbox({ clientKeys: { clientApplicationId: 'mine', clientToken: 't' }, serverKeys: [{ applicationId: 'app', secretKey: 's' }] });
    expect((await call(sandbox, 'GET', '/client/v1/promotions/tiers')).status).toBe(401);
    expect((await call(sandbox, 'GET', '/client/v1/promotions/tiers', undefined, { 'X-Client-Application-Id': 'mine', 'X-Client-Token': 't' })).status).toBe(
      200,
    );
    expect((await call(sandbox, 'GET', '/v1/customers', undefined, { 'X-App-Id': 'app', 'X-App-Token': 's' })).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers unknown routes with a Voucherify-shaped 404', async () => {
    const { status, body } = await call(createSandbox(), 'GET', '/v1/campaigns');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: 404, key: 'not_found', message: 'Resource not found' });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const { status, headers, body } = await call(createSandbox(), 'DELETE', '/v1/customers/cust_1');
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET, PUT');
    expect(body.key).toBe('method_not_allowed');
  });

  it('records each request, and reset() restores the seed state', async () => {
    const sandbox = createSandbox();
    await call(sandbox, 'POST', '/v1/vouchers/GIFT50/redemption', { order: { amount: 1000 } });
    expect(sandbox.state.requests).toEqual([{ method: 'POST', path: '/v1/vouchers/GIFT50/redemption' }]);
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(4000);
    sandbox.reset();
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
    expect(sandbox.state.requests).toEqual([]);
    expect(sandbox.state.redemptions.size).toBe(0);
    // Sandboxes never share state.
    expect(createSandbox().state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
  });
});

describe('served through MSW', () => {
  const msw = setupServer(
    ...sandboxHandlers(createSandbox(), { baseUrl: 'https://eu.sandbox.test' }),
    ...sandboxHandlers(createSandbox(), { baseUrl: 'https://shop.test/api/voucherify/' }),
  );
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it('through MSW handlers, with the core client and the global fetch', async () => {
    const client = createVoucherifyClient({
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      apiUrl: 'https://eu.sandbox.test',
      retry: false,
    });
    const result = await client.validate({ code: 'HALFCAP', order: { amount: 6000 } });
    expect(result).toMatchObject({ valid: true, order: { totalDiscountAmount: 2000 } });
  });

  it('through MSW handlers under a proxy path prefix', async () => {
    const response = await fetch('https://shop.test/api/voucherify/v1/vouchers/SAVE10/validate', {
      method: 'POST',
      headers: serverHeaders,
      body: JSON.stringify({ order: { amount: 1500 } }),
    });
    expect(await response.json()).toMatchObject({ valid: true, order: { total_amount: 500 } });
  });
});

describe('served over HTTP', () => {
  it('through startSandboxServer on 127.0.0.1', async () => {
    const server = await startSandboxServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/v1/customers`, { headers: serverHeaders });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ object: 'list', customers: [] });
    } finally {
      await server.close();
    }
  });
});

describe('browser safety', () => {
  it('no sandbox module imports node: at the top level (only the CLI, and the server lazily)', () => {
    const dir = fileURLToPath(new URL('../../src/sandbox/', import.meta.url));
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && file !== 'cli.ts')
      .filter((file) => /^\s*import\s[^;]*from\s+['"]node:/m.test(readFileSync(dir + file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
