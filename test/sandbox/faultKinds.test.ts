import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient, VoucherifyError } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import { call, clientHeaders, serverHeaders } from './sandboxRequest.js';

// The fault kinds a proxy, a drifting API or a dropped link produce: html, redirect, schema_drift, connection_reset.
// Each seen on the wire (startSandboxServer), through the fetch handler and, for the reset, through MSW.

const validation = { redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { amount: 4000 } };
const redemption = { redeemables: [{ object: 'voucher', id: 'SAVE10' }], order: { id: 'ord_drift', amount: 4000 } };

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, path: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: path.startsWith('/client/') ? clientHeaders : serverHeaders,
    body: JSON.stringify(body),
    ...init,
  });

const childRedemptions = (server: SandboxServer) =>
  [...server.sandbox.state.redemptions.values()].filter((record) => record.object === 'redemption' && record.related_object_type === 'voucher');

describe("html: a proxy's error page", () => {
  it('answers a text/html 502 page by default, and the status asked for', async () => {
    server = await startSandboxServer({
      sandbox: createSandbox({
        faults: [
          { kind: 'html', times: 1 },
          { kind: 'html', status: 200, times: 1 },
        ],
      }),
    });
    const first = await post(server.url, '/client/v1/validations', validation);
    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await first.text()).toMatch(/^<!DOCTYPE html>[\s\S]*<title>502 Bad Gateway<\/title>/);
    const second = await post(server.url, '/client/v1/validations', validation);
    expect(second.status).toBe(200);
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
    // Used up: the third call is the API again.
    expect(await (await post(server.url, '/client/v1/validations', validation)).json()).toMatchObject({ valid: true });
  });

  it('reaches a client as invalid_response, never as a parsed result', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'html', status: 200 }] });
    const client = createVoucherifyClient({ ...SANDBOX_KEYS, fetch: (input, init) => sandbox.handle(new Request(input, init)), retry: false });
    const error = await client.validate({ code: 'SAVE10' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
  });
});

describe('redirect: a 3xx to another origin', () => {
  it.each([301, 302, 307, 308] as const)('%i carries Location and no body, and the request is not processed', async (status) => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'redirect', status, location: 'https://evil.example/v1/redemptions' }] }) });
    const response = await post(server.url, '/v1/redemptions', redemption, { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe('https://evil.example/v1/redemptions');
    expect(await response.text()).toBe('');
    expect(childRedemptions(server)).toHaveLength(0);
  });

  it('is a 302 when no status is given', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'redirect', location: '/elsewhere' }] });
    const response = await call(sandbox, 'POST', '/client/v1/validations', validation).catch(() => undefined);
    // call() parses JSON; an empty body parses to undefined.
    expect(response).toMatchObject({ status: 302, body: undefined });
    expect(response?.headers.get('location')).toBe('/elsewhere');
  });
});

describe('schema_drift: the answer changes shape', () => {
  it("answers 200 with the operation's fields mistyped, renamed and wrapped", async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'schema_drift', times: 1 }] }) });
    const response = await post(server.url, '/client/v1/validations', validation);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.valid).toBe('true');
    expect(body.redeemables).toMatchObject({ total: 1, data: [{ id: 'SAVE10', status: 'APPLICABLE' }] });
    expect(body).toHaveProperty('uuid');
    expect(body).not.toHaveProperty('id');
  });

  it('still processes the request: a drifted redeem answer is a redemption that happened', async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'schema_drift', path: '/v1/redemptions' }] }) });
    const response = await post(server.url, '/v1/redemptions', redemption);
    expect(response.status).toBe(200);
    expect((await response.json()) as Record<string, unknown>).toMatchObject({ redemptions: { total: 1 } });
    expect(childRedemptions(server)).toHaveLength(1);
  });

  it('turns an error answer into a 200 too (the status is part of the drift)', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'schema_drift' }] });
    const { status, body } = await call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'NOPE' }] });
    expect(status).toBe(200);
    expect(body.valid).toBe('false');
  });

  it('reaches a client as invalid_response', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'schema_drift' }] });
    const client = createVoucherifyClient({ ...SANDBOX_KEYS, fetch: (input, init) => sandbox.handle(new Request(input, init)), retry: false });
    const error = await client.validate({ code: 'SAVE10' }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200 });
  });
});

describe('connection_reset: the connection drops without an answer', () => {
  it('the node server destroys the socket: fetch rejects, nothing is processed, and the server keeps serving', async () => {
    server = await startSandboxServer({ sandbox: createSandbox({ faults: [{ kind: 'connection_reset', path: '/v1/redemptions', times: 1 }] }) });
    const error = await post(server.url, '/v1/redemptions', redemption).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    // undici names the dropped socket in the cause.
    expect(String((error as { cause?: unknown }).cause)).toMatch(/other side closed|socket|ECONNRESET/i);
    expect(childRedemptions(server)).toHaveLength(0);
    const next = await post(server.url, '/v1/redemptions', redemption);
    expect(next.status).toBe(200);
    expect(childRedemptions(server)).toHaveLength(1);
  });

  it('the fetch handler rejects with the TypeError fetch throws', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'connection_reset' }] });
    const request = new Request('https://api.voucherify.io/client/v1/validations', {
      method: 'POST',
      headers: clientHeaders,
      body: JSON.stringify(validation),
    });
    const error = await sandbox.handle(request).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('Failed to fetch');
  });

  it('through MSW, fetch in the code under test rejects like a network error', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'connection_reset', times: 1 }] });
    const msw = setupServer(...sandboxHandlers(sandbox));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      const url = 'https://api.voucherify.io/client/v1/validations';
      const init = { method: 'POST', headers: clientHeaders, body: JSON.stringify(validation) };
      await expect(fetch(url, init)).rejects.toThrow(TypeError);
      expect((await fetch(url, init)).status).toBe(200);
      const client = createVoucherifyClient({ ...SANDBOX_KEYS, retry: false });
      sandbox.setFaults({ kind: 'connection_reset' });
      await expect(client.validate({ code: 'SAVE10' })).rejects.toMatchObject({ kind: 'network' });
    } finally {
      msw.close();
    }
  });
});
