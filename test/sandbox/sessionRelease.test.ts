import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, startSandboxServer, type Sandbox, type SandboxVoucher } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import { call, clientHeaders, serverHeaders } from './sandboxRequest.js';

// DELETE /v1/vouchers/{code}/sessions/{sessionKey}: 204 with no body, 404 not_found for an unknown voucher or
// session, one DELETE per code, served by the fetch handler, the MSW handlers and the node server alike.

const ONCE: SandboxVoucher = { code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 1 } };
const ALSO: SandboxVoucher = { ...ONCE, code: 'ALSO' };

const lock = (sandbox: Sandbox, codes: string[], key: string) =>
  call(sandbox, 'POST', '/v1/validations', {
    redeemables: codes.map((id) => ({ object: 'voucher', id })),
    order: { amount: 4000 },
    session: { type: 'LOCK', key },
  });

const release = (sandbox: Sandbox, code: string, key: string) =>
  sandbox.handle(
    new Request(`https://api.voucherify.io/v1/vouchers/${encodeURIComponent(code)}/sessions/${encodeURIComponent(key)}`, {
      method: 'DELETE',
      headers: serverHeaders,
    }),
  );

describe('releasing a validation session', () => {
  it('answers 204 with an empty body', async () => {
    const sandbox = createSandbox({ vouchers: [ONCE] });
    await lock(sandbox, ['ONCE'], 'ssn_mine');
    const response = await release(sandbox, 'ONCE', 'ssn_mine');
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-type')).toBeNull();
  });

  it('answers 404 not_found for an unknown voucher, as the spec example', async () => {
    const response = await release(createSandbox(), 'Enigma-Voucher', 'ssn_any');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 404,
      key: 'not_found',
      message: 'Resource not found',
      details: 'Cannot find voucher with id Enigma-Voucher',
      request_id: expect.stringMatching(/^v-/),
      resource_id: 'Enigma-Voucher',
      resource_type: 'voucher',
    });
  });

  it('answers 404 not_found for an unknown session of a known voucher, as the spec example', async () => {
    const response = await release(createSandbox(), 'SAVE10', 'Enigma-Session');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 404,
      key: 'not_found',
      message: 'Resource not found',
      details: 'Cannot find session with id Enigma-Session',
      request_id: expect.stringMatching(/^v-/),
      resource_id: 'Enigma-Session',
      resource_type: 'session',
    });
  });

  it('releases one code per DELETE; a second DELETE of the same code is 404', async () => {
    const sandbox = createSandbox({ vouchers: [ONCE, ALSO] });
    await lock(sandbox, ['ONCE', 'ALSO'], 'ssn_stack');
    expect((await release(sandbox, 'ONCE', 'ssn_stack')).status).toBe(204);
    expect((await lock(sandbox, ['ONCE'], 'ssn_other')).body.valid).toBe(true);
    expect((await lock(sandbox, ['ALSO'], 'ssn_other2')).body.valid).toBe(false);
    expect((await release(sandbox, 'ONCE', 'ssn_stack')).status).toBe(404);
    expect((await release(sandbox, 'ALSO', 'ssn_stack')).status).toBe(204);
    expect((await lock(sandbox, ['ALSO'], 'ssn_other2')).body.valid).toBe(true);
  });

  it('answers 404 for a session that held another code only', async () => {
    const sandbox = createSandbox({ vouchers: [ONCE, ALSO] });
    await lock(sandbox, ['ONCE'], 'ssn_once');
    expect((await release(sandbox, 'ALSO', 'ssn_once')).status).toBe(404);
    expect((await lock(sandbox, ['ONCE'], 'ssn_other')).body.valid).toBe(false);
  });

  it('answers 404 once the session has lapsed at its ttl', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const sandbox = createSandbox({ vouchers: [ONCE], clock: () => now });
    await call(sandbox, 'POST', '/v1/validations', {
      redeemables: [{ object: 'voucher', id: 'ONCE' }],
      session: { type: 'LOCK', key: 'ssn_short', ttl: 30, ttl_unit: 'SECONDS' },
    });
    now += 30_000;
    expect((await release(sandbox, 'ONCE', 'ssn_short')).status).toBe(404);
  });

  it('needs the secret keys: the client API has no such route', async () => {
    const sandbox = createSandbox({ vouchers: [ONCE] });
    await lock(sandbox, ['ONCE'], 'ssn_mine');
    const unkeyed = await call(sandbox, 'DELETE', '/v1/vouchers/ONCE/sessions/ssn_mine', undefined, clientHeaders);
    expect(unkeyed.status).toBe(401);
    const client = await call(sandbox, 'DELETE', '/client/v1/vouchers/ONCE/sessions/ssn_mine');
    expect(client.status).toBe(404);
    expect((await lock(sandbox, ['ONCE'], 'ssn_other')).body.valid).toBe(false);
  });

  it('lists DELETE in the 405 Allow of the session path', async () => {
    const answer = await call(createSandbox(), 'POST', '/v1/vouchers/ONCE/sessions/ssn_mine', {});
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('DELETE');
  });
});

describe('releasing a session through MSW', () => {
  const sandbox = createSandbox({ vouchers: [ONCE] });
  const msw = setupServer(...sandboxHandlers(sandbox, { baseUrl: 'https://release.sandbox.test' }));
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => msw.close());

  it('answers 204 with an empty body to the global fetch', async () => {
    await lock(sandbox, ['ONCE'], 'ssn_msw');
    const response = await fetch('https://release.sandbox.test/v1/vouchers/ONCE/sessions/ssn_msw', { method: 'DELETE', headers: serverHeaders });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await lock(sandbox, ['ONCE'], 'ssn_after')).body.valid).toBe(true);
  });
});

describe('releasing a session over HTTP', () => {
  it('answers 204 with no body and no Content-Length from startSandboxServer', async () => {
    const server = await startSandboxServer({ sandbox: createSandbox({ vouchers: [ONCE] }) });
    try {
      await lock(server.sandbox, ['ONCE'], 'ssn_http');
      const response = await fetch(`${server.url}/v1/vouchers/ONCE/sessions/ssn_http`, { method: 'DELETE', headers: serverHeaders });
      expect(response.status).toBe(204);
      expect(response.headers.get('content-length')).toBeNull();
      expect(await response.text()).toBe('');
      const missing = await fetch(`${server.url}/v1/vouchers/ONCE/sessions/ssn_http`, { method: 'DELETE', headers: serverHeaders });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ key: 'not_found', resource_type: 'session' });
    } finally {
      await server.close();
    }
  });
});
