import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyServer, isRedeemOutcomeUnknown } from 'voucherkit/server';
import { redirectServers } from '../core/redirectServers.js';
import { rejection } from '../support/rejection.js';

let servers: Awaited<ReturnType<typeof redirectServers>> | undefined;
afterEach(async () => {
  await servers?.close();
  servers = undefined;
});

const keys = { applicationId: 'app-id', secretKey: 'sk_secret_never_elsewhere' };

describe('the server client refuses redirects: the secret key never reaches another origin', () => {
  it('a 307 on validate rejects with key "redirect" and the other origin receives nothing', async () => {
    servers = await redirectServers(307);
    const server = createVoucherifyServer({ ...keys, apiUrl: servers.apiUrl, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const error = await rejection(server.validate({ code: 'SAVE10', trackingId: null, order: { amount: 5000 } }));
    expect(error).toMatchObject({ kind: 'invalid_response', key: 'redirect', status: 307 });
    expect(servers.received).toEqual([]);
    expect(servers.redirected).toBe(1);
  });

  it('a 302 on customers.get rejects the same way', async () => {
    servers = await redirectServers(302);
    const server = createVoucherifyServer({ ...keys, apiUrl: servers.apiUrl });
    await expect(server.customers.get('cust_1')).rejects.toMatchObject({ kind: 'invalid_response', key: 'redirect' });
    expect(servers.received).toEqual([]);
  });

  it('a 307 on redeem is sent once, is a definite failure (the API did not process it), and the body goes nowhere else', async () => {
    servers = await redirectServers(307);
    const server = createVoucherifyServer({ ...keys, apiUrl: servers.apiUrl });
    const error = await rejection(server.redeem({ code: 'SAVE10', trackingId: null, order: { source_id: 'o1', amount: 5000 } }));
    expect(error).toMatchObject({ kind: 'invalid_response', key: 'redirect', status: 307 });
    expect(isRedeemOutcomeUnknown(error)).toBe(false);
    expect(servers.redirected).toBe(1);
    expect(servers.received).toEqual([]);
  });
});
