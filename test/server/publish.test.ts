import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_KEYS, type SandboxOptions } from 'voucherkit/sandbox';
import { createVoucherifyServer, isVoucherifyError, type PublishOptions } from 'voucherkit/server';
import { sandboxFetch, type SentRequest } from './sandboxFetch.js';

// publish: personal codes for the merchant's authenticated customer, behind the server's own allow-list.

const ada = { source_id: 'user_ada' };
const bob = { source_id: 'user_bob' };
const publishCalls = (sent: SentRequest[]) => sent.filter((request) => request.url.pathname === '/v1/publications');

function publishServer(publish: PublishOptions = { campaigns: { welcome: {} } }, options?: SandboxOptions) {
  const sandbox = createSandbox(options);
  const wire = sandboxFetch(sandbox);
  const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://sandbox.test', fetch: wire.fetch, publish });
  return { sandbox, sent: wire.sent, server };
}

/** A validation of `code` for `customer` against the same sandbox, as the checkout would send it. */
async function validateAs(server: ReturnType<typeof publishServer>['server'], code: string, customer: { source_id: string }) {
  return server.validate({ code, customer, trackingId: null, order: { amount: 4000 } });
}

describe('publish', () => {
  it('sends POST /v1/publications?join_once=true for the authenticated customer and resolves the code', async () => {
    const { server, sent, sandbox } = publishServer();
    const result = await server.publish({ campaign: 'welcome', customer: ada, trackingId: 'track_abc+/=', metadata: { page: 'account' } });
    expect(result.code).toMatch(/^WELCOME-[A-Z0-9]{4}$/);
    expect(result.voucher).toMatchObject({ code: result.code, discount: { type: 'PERCENT', percent_off: 10 } });
    expect(result.customerId).toBe(sandbox.state.vouchers.get(result.code)?.holder_id);
    const [request] = publishCalls(sent);
    expect(request!.url.searchParams.get('join_once')).toBe('true');
    // The tracking id is a link in the publication's metadata; the customer is the merchant's.
    expect(request!.body).toEqual({
      campaign: { name: 'welcome', count: 1 },
      customer: ada,
      metadata: { page: 'account', tracking_id: 'track_abc+/=' },
    });
  });

  it('a repeat for the same customer returns the same code (join_once); another customer gets their own', async () => {
    const { server } = publishServer();
    const first = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null });
    const again = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null });
    expect(again.code).toBe(first.code);
    const other = await server.publish({ campaign: 'welcome', customer: bob, trackingId: null });
    expect(other.code).not.toBe(first.code);
  });

  it('concurrent calls for one customer and campaign share one request on the wire', async () => {
    const { server, sent } = publishServer();
    const results = await Promise.all(Array.from({ length: 5 }, () => server.publish({ campaign: 'welcome', customer: ada, trackingId: null })));
    expect(new Set(results.map((result) => result.code)).size).toBe(1);
    expect(publishCalls(sent)).toHaveLength(1);
    // Cleared when settled: the next call is a request of its own (join_once answers the same code).
    const later = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null });
    expect(later.code).toBe(results[0]!.code);
    expect(publishCalls(sent)).toHaveLength(2);
    // Two customers at once: two requests.
    await Promise.all([
      server.publish({ campaign: 'welcome', customer: bob, trackingId: null }),
      server.publish({ campaign: 'welcome', customer: { source_id: 'user_cy' }, trackingId: null }),
    ]);
    expect(publishCalls(sent)).toHaveLength(4);
  });

  it('never resends a publish whose answer was lost', async () => {
    const { server, sent, sandbox } = publishServer();
    sandbox.setFaults({ kind: 'status', status: 503, times: 1 });
    const error = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null }).catch((e: unknown) => e);
    expect(isVoucherifyError(error) && error.status).toBe(503);
    expect(publishCalls(sent)).toHaveLength(1);
  });

  it('refuses a campaign not on the allow-list with a TypeError before any request', async () => {
    const { server, sent } = publishServer();
    await expect(server.publish({ campaign: 'referral', customer: ada })).rejects.toThrow(TypeError);
    await expect(server.publish({ campaign: 'referral', customer: ada })).rejects.toThrow(/not on the allow-list \("welcome"\)/);
    const none = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://sandbox.test', fetch: sandboxFetch(createSandbox()).fetch });
    await expect(none.publish({ campaign: 'welcome', customer: ada })).rejects.toThrow(/allow-list \(none\)/);
    expect(sent).toHaveLength(0);
  });

  it('accepts a tracking id alone only for a campaign marked anonymous', async () => {
    const { server, sent } = publishServer(
      { campaigns: { welcome: {}, newsletter: { anonymous: true } } },
      {
        campaigns: [{ name: 'newsletter', code_config: { pattern: 'NEWS-#####' }, voucher: { discount: { type: 'AMOUNT', amount_off: 500 } } }],
      },
    );
    await expect(server.publish({ campaign: 'welcome', trackingId: 'track_anon' })).rejects.toThrow(/needs your authenticated customer/);
    await expect(server.publish({ campaign: 'welcome', customer: { name: 'Ada' }, trackingId: 'track_anon' })).rejects.toThrow(TypeError);
    await expect(server.publish({ campaign: 'newsletter', trackingId: null })).rejects.toThrow(/needs a customer .* or the browser's tracking id/);
    expect(sent).toHaveLength(0);
    const result = await server.publish({ campaign: 'newsletter', trackingId: 'track_anon' });
    expect(result.code).toMatch(/^NEWS-/);
    expect(publishCalls(sent)[0]!.body).toEqual({ campaign: { name: 'newsletter', count: 1 }, customer: { source_id: 'track_anon' } });
  });

  it('reads the tracking id from the request cookie (track_ ids only)', async () => {
    const { server, sent } = publishServer();
    const request = new Request('https://shop.test/api/welcome', { headers: { cookie: 'voucherify_tracking_id=track_fromcookie' } });
    await server.publish({ campaign: 'welcome', customer: ada, request });
    expect(publishCalls(sent)[0]!.body).toMatchObject({ metadata: { tracking_id: 'track_fromcookie' } });
  });

  it('a holder-only code: valid for the customer it was published to, voucher_holder_mismatch for another', async () => {
    const { server } = publishServer();
    const { code } = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null });
    expect((await validateAs(server, code, ada)).valid).toBe(true);
    const asBob = await validateAs(server, code, bob);
    expect(asBob.valid).toBe(false);
    expect(JSON.stringify(asBob)).toContain('voucher_holder_mismatch');
  });

  it('with a sourceId, duplicate_source_id is "already published" with what to do', async () => {
    const { server } = publishServer();
    const first = await server.publish({ campaign: 'welcome', customer: ada, trackingId: null, sourceId: 'welcome-1' });
    // The same customer and campaign: the sandbox answers the first publication (join_once, the guide's "same code").
    expect((await server.publish({ campaign: 'welcome', customer: ada, trackingId: null, sourceId: 'welcome-1' })).code).toBe(first.code);
    const error = await server.publish({ campaign: 'welcome', customer: bob, trackingId: null, sourceId: 'welcome-1' }).catch((e: unknown) => e);
    expect(isVoucherifyError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'api', status: 400, key: 'duplicate_source_id' });
    expect((error as Error).message).toMatch(/^Already published: .*Call publish without sourceId: join_once returns the customer's code/);
  });

  it('refuses a malformed allow-list at startup', () => {
    const make = (publish: unknown) => () => createVoucherifyServer({ ...SANDBOX_KEYS, publish: publish as PublishOptions });
    expect(make({ campaigns: ['welcome'] })).toThrow(/publish\.campaigns must be an object/);
    expect(make({})).toThrow(TypeError);
    expect(make({ campaigns: { welcome: { anonymous: 'yes' } } })).toThrow(/publish\.campaigns\["welcome"\] must be \{ anonymous\?: boolean \}/);
    expect(make({ campaigns: { welcome: {} } })).not.toThrow();
  });

  it('an abort stops the caller waiting, not the shared request', async () => {
    const { server, sent } = publishServer();
    const controller = new AbortController();
    const leaving = server.publish({ campaign: 'welcome', customer: ada, trackingId: null, signal: controller.signal });
    const staying = server.publish({ campaign: 'welcome', customer: ada, trackingId: null });
    controller.abort(new Error('left'));
    await expect(leaving).rejects.toThrow('left');
    expect((await staying).code).toMatch(/^WELCOME-/);
    expect(publishCalls(sent)).toHaveLength(1);
  });
});
