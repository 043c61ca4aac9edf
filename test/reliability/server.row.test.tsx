// Matrix rows of the merchant's server route and the core client, against a sandbox served over HTTP on
// 127.0.0.1 (startSandboxServer), with the sandbox's fault kinds for the failures.
import { readFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoucherField, VoucherProvider } from 'voucherkit';
import { createTracker, createVoucherifyClient, orderFingerprint, VoucherifyError } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type Sandbox, type SandboxOptions, type SandboxServer } from 'voucherkit/sandbox';
import { createMemoryRedeemStore, createRedeemOnce, createVoucherifyServer, type RedeemStore } from 'voucherkit/server';
import { collidingCode } from '../server/fnvCollision.js';
import { describeFailure, did, saw, settle } from './rowMeta.js';

const running: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A sandbox over HTTP, recording each request body it receives (the wire, not the caller's intent). */
async function served(options: SandboxOptions = {}) {
  const sandbox = createSandbox(options);
  const bodies: Array<{ path: string; body: Record<string, unknown> }> = [];
  const handle = sandbox.handle.bind(sandbox);
  (sandbox as { handle: Sandbox['handle'] }).handle = async (request) => {
    const text = await request.clone().text();
    bodies.push({ path: new URL(request.url).pathname, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
    return handle(request);
  };
  const server = await startSandboxServer({ sandbox });
  running.push(server);
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  const redemptions = () =>
    [...sandbox.state.redemptions.values()].filter((r) => r.object === 'redemption' && r.related_object_type === 'voucher' && r.status === 'SUCCEEDED').length;
  return { server, sandbox, voucherify, bodies, redemptions };
}

const clientOf = (url: string, store?: { value: string | null }) =>
  createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    apiUrl: url,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...(store
      ? {
          tracker: createTracker({
            store: { read: () => store.value, write: (id: string) => void (store.value = id), remove: () => void (store.value = null) },
          }),
        }
      : {}),
  });

const checkout = (orderId: string, amount = 6000) => ({ code: 'SAVE10', trackingId: null, order: { source_id: orderId, amount } });

describe('rendering', () => {
  it('SSR without window', (context) => {
    did(context, 'renderToString(<VoucherProvider><VoucherField initialCode="SAVE10" /></VoucherProvider>) in Node');
    const html = renderToString(
      <VoucherProvider clientApplicationId={SANDBOX_KEYS.clientApplicationId} clientToken={SANDBOX_KEYS.clientToken} consent={false}>
        <VoucherField id="promo" initialCode="SAVE10" />
      </VoucherProvider>,
    );
    saw(context, `typeof window: ${typeof window}; ${html.length} bytes of HTML with the "Promo code" label and an empty status region, no throw`);
    expect(typeof window).toBe('undefined');
    expect(html).toContain('<label id="promo-label" for="promo-input" class="voucher-field__label">Promo code</label>');
    expect(html).toContain('role="status"');
  });
});

describe('redeem once (money)', () => {
  it('double submit of an order (one redemption)', async (context) => {
    did(context, 'the same order submitted twice at once, then a third time, through createRedeemOnce over HTTP');
    const { voucherify, redemptions } = await served();
    const redeemOnce = createRedeemOnce(voucherify);
    const [a, b] = await Promise.all([redeemOnce(checkout('ord_double')), redeemOnce(checkout('ord_double'))]);
    const c = await redeemOnce(checkout('ord_double'));
    saw(
      context,
      `3 results, the same redemption id ${a.redemptions[0]?.id === c.redemptions[0]?.id && a === b ? 'each time' : 'NOT each time'}; sandbox recorded ${redemptions()} redemption(s)`,
    );
    expect(redemptions()).toBe(1);
    expect(b.redemptions[0]?.id).toBe(a.redemptions[0]?.id);
    expect(c.redemptions[0]?.id).toBe(a.redemptions[0]?.id);
  });

  it('save failure after redeem', async (context) => {
    did(context, "store.save throws once right after a successful redeem; the shopper's retry comes in");
    const { voucherify, redemptions } = await served();
    const memory = createMemoryRedeemStore();
    let failSave = true;
    const store: RedeemStore = {
      claim: (id, record) => memory.claim(id, record),
      save: (id, record, owner) => {
        if (failSave && record.state === 'redeemed') {
          failSave = false;
          throw new Error('database down');
        }
        return memory.save(id, record, owner);
      },
      release: (id, owner) => memory.release(id, owner),
      get: (id) => memory.get(id),
    };
    const redeemOnce = createRedeemOnce(voucherify, { store });
    const first = await settle(redeemOnce(checkout('ord_save')));
    const retry = await settle(redeemOnce(checkout('ord_save')));
    const carried = (first.error as { result?: unknown } | undefined)?.result !== undefined;
    saw(
      context,
      `first: ${describeFailure(first.error ?? first.value)} carrying the result: ${carried}; retry: ${describeFailure(retry.error ?? retry.value)}; ${redemptions()} redemption(s)`,
    );
    expect(first.error).toBeInstanceOf(VoucherifyError);
    expect(first.error).toMatchObject({ kind: 'redeem_guard', key: 'redemption_not_recorded' });
    expect(carried).toBe(true);
    expect(retry.value).toBeUndefined();
    expect(redemptions()).toBe(1);
  });

  it('abort after send', async (context) => {
    did(context, 'redeem answer delayed 600 ms (latency fault); the caller aborts once the request reached the API (closed tab), then retries');
    const { sandbox, voucherify, redemptions } = await served();
    sandbox.setFaults({ kind: 'latency', ms: 600, path: '/v1/redemptions', times: 1 });
    const redeemOnce = createRedeemOnce(voucherify);
    const tab = new AbortController();
    const first = settle(redeemOnce({ ...checkout('ord_abort'), signal: tab.signal }));
    // Abort only once the request has reached the API: this row is about an abort after the send.
    await vi.waitFor(() => expect(sandbox.state.requests.some((r) => r.path === '/v1/redemptions')).toBe(true));
    tab.abort();
    const aborted = await first;
    await vi.waitFor(() => expect(redemptions()).toBe(1), { timeout: 3_000 });
    const retry = await settle(redeemOnce(checkout('ord_abort')));
    saw(
      context,
      `caller: ${describeFailure(aborted.error)}; request ran on: ${redemptions()} redemption; retry got ${retry.value ? `the stored result (${retry.value.redemptions[0]?.id})` : describeFailure(retry.error)}`,
    );
    expect(aborted.error).toMatchObject({ name: 'AbortError' });
    expect(redemptions()).toBe(1);
    expect(retry.value?.redemptions).toHaveLength(1);
    expect(redemptions()).toBe(1);
  });

  it('fingerprint collision attempt', async (context) => {
    const { voucherify, redemptions } = await served();
    const items = [{ source_id: 'sku_tee', quantity: 2, price: 3000 }];
    const [hash, length] = orderFingerprint({ codes: ['SAVE10'], amount: 6000, items })
      .split('.')
      .map((part) => Number.parseInt(part, 36));
    const prefix = '{"amount":600000,"codes":["';
    const suffix = '"],"items":null}';
    const code = collidingCode(prefix, suffix, hash!, length! - prefix.length - suffix.length)!;
    did(context, `order paid with SAVE10 on 6000; then the same order id with code …${code.slice(-10)} crafted so the old 32-bit hash collides, on 600000`);
    const redeemOnce = createRedeemOnce(voucherify);
    await redeemOnce({ code: 'SAVE10', trackingId: null, order: { source_id: 'ord_fp', amount: 6000, items } });
    const attack = await settle(redeemOnce({ code, trackingId: null, order: { source_id: 'ord_fp', amount: 600000 } }));
    saw(
      context,
      `attack: ${attack.value ? `resolved with the old total ${attack.value.order?.totalAmount}` : describeFailure(attack.error)}; ${redemptions()} redemption(s)`,
    );
    expect(attack.error).toMatchObject({ status: 409, key: 'idempotency_conflict' });
    expect(redemptions()).toBe(1);
  });
});

describe('retries and transport', () => {
  it('LOCK never retried without a key', async (context) => {
    did(context, 'server validate with session { type: LOCK } and no key; the first connection is reset (connection_reset, times 1)');
    const { sandbox, voucherify, bodies } = await served();
    sandbox.setFaults({ kind: 'connection_reset', path: '/v1/validations', times: 1 });
    const result = await settle(voucherify.validate({ code: 'SAVE10', trackingId: null, order: { amount: 6000 }, session: { type: 'LOCK' } }));
    const keys = bodies.filter((b) => b.path === '/v1/validations').map((b) => (b.body.session as { key?: string } | undefined)?.key);
    saw(
      context,
      `${keys.length} sends, session keys ${JSON.stringify(keys)}; result: ${result.value ? `valid ${result.value.valid}, sessionKey ${result.value.sessionKey}` : describeFailure(result.error)}`,
    );
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(keys.every((key) => typeof key === 'string' && key !== '' && key === keys[0])).toBe(true);
  });

  it('redirect refused', async (context) => {
    did(context, 'the API answers 307 to another sandbox server (redirect fault) on redeem, and 302 on a browser-side validate');
    const api = await served();
    const other = await served();
    api.sandbox.setFaults({ kind: 'redirect', status: 307, location: `${other.server.url}/v1/redemptions` });
    const redeem = await settle(api.voucherify.redeem(checkout('ord_redirect')));
    api.sandbox.setFaults({ kind: 'redirect', status: 302, location: `${other.server.url}/client/v1/validations` });
    const validate = await settle(clientOf(api.server.url).validate({ code: 'SAVE10' }));
    saw(
      context,
      `redeem: ${describeFailure(redeem.error ?? redeem.value)}; validate: ${describeFailure(validate.error ?? validate.value)}; the other origin received ${other.bodies.length} request(s)`,
    );
    expect(redeem.error).toMatchObject({ kind: 'invalid_response', key: 'redirect' });
    expect(validate.error).toMatchObject({ kind: 'invalid_response', key: 'redirect' });
    expect(other.bodies).toHaveLength(0);
  });

  it('ambiguous_tracking_id', async (context) => {
    did(context, "redeem with the merchant's customer cus_merchant plus a browser tracking id issued for someone else");
    const { server, voucherify, bodies, redemptions } = await served();
    const stranger = await clientOf(server.url).validate({ code: 'SAVE10', customer: { source_id: 'stranger@example.com' } });
    const result = await settle(
      voucherify.redeem({
        code: 'SAVE10',
        trackingId: stranger.trackingId,
        customer: { source_id: 'cus_merchant' },
        order: { source_id: 'ord_amb', amount: 6000 },
      }),
    );
    const sends = bodies.filter((b) => b.path === '/v1/redemptions');
    saw(
      context,
      `${sends.length} sends (the second without the id); result: ${result.value ? `redeemed for customer ${result.value.customerId}, trackingId ${result.value.trackingId}` : describeFailure(result.error)}; ${redemptions()} redemption(s)`,
    );
    expect(stranger.trackingId).toMatch(/^track_/);
    expect(result.value?.customerId).toBeTruthy();
    expect(sends).toHaveLength(2);
    expect(sends[1]?.body).not.toHaveProperty('tracking_id');
    expect(redemptions()).toBe(1);
  });

  it('id minted for another identity: not preventable here, documented', async (context) => {
    did(context, "a shopper validates through the public client API naming the VIP's e-mail, then uses the track_ id that comes back");
    const { server } = await served();
    const minted = await clientOf(server.url).validate({ code: 'SAVE10', customer: { source_id: 'vip@example.com' } });
    const jar = { value: minted.trackingId };
    const asVictim = await clientOf(server.url, jar).validate({ code: 'VIPONLY', order: { amount: 6000 } });
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const serverDocs = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
    const documented = [readme, serverDocs].map((text) => /authenticated customer/i.test(text));
    saw(
      context,
      `got the VIP's id ${String(minted.trackingId).slice(0, 18)}…; VIPONLY with it: valid ${asVictim.valid}; warning ("authenticated customer") in README: ${documented[0]}, docs/server.md: ${documented[1]}`,
    );
    expect(minted.trackingId).toMatch(/^track_[A-Za-z0-9+/_-]+={0,2}$/);
    expect(asVictim.valid).toBe(true);
    expect(documented).toEqual([true, true]);
  });
});
