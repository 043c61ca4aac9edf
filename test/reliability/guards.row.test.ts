// Matrix rows of the guards that refuse an input or an answer that would widen, fire or charge what nobody meant:
// against a sandbox served over HTTP on 127.0.0.1 (startSandboxServer).
import { afterEach, describe, expect, it } from 'vitest';
import { createVoucherifyClient, isVoucherifyError } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type Sandbox, type SandboxServer } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { describeFailure, did, saw, settle } from './rowMeta.js';

const running: SandboxServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

type Json = Record<string, any>;

/** A sandbox over HTTP; `tamper` rewrites the JSON of its 2xx answers (an API that drifted or lies). */
async function served(tamper?: (path: string, body: Json) => void) {
  const sandbox = createSandbox();
  if (tamper) {
    const handle = sandbox.handle.bind(sandbox);
    (sandbox as { handle: Sandbox['handle'] }).handle = async (request) => {
      const answer = await handle(request);
      if (!answer.ok || !answer.headers.get('Content-Type')?.includes('json')) return answer;
      const body = (await answer.json()) as Json;
      tamper(new URL(request.url).pathname, body);
      return new Response(JSON.stringify(body), { status: answer.status, headers: answer.headers });
    };
  }
  const server = await startSandboxServer({ sandbox });
  running.push(server);
  const voucherify = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: server.url, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  const calls = (path: string) => sandbox.state.requests.filter((request) => request.path === path).length;
  return { sandbox, server, voucherify, calls };
}

describe('guards', () => {
  it('empty filter refused', async (context) => {
    did(context, "two customers redeem; redemptions.list({ filters: { customer_id: { conditions: { $in: [] } } } }), then conditions {} and customer ''");
    const { voucherify, calls } = await served();
    const ada = await voucherify.redeem({ code: 'SAVE10', trackingId: 'ada@example.com', order: { source_id: 'o-ada', amount: 6000 } });
    await voucherify.redeem({ code: 'SAVE10', trackingId: 'bob@example.com', order: { source_id: 'o-bob', amount: 6000 } });
    const empty = await settle(voucherify.redemptions.list({ filters: { customer_id: { conditions: { $in: [] } } } }));
    const noConditions = await settle(voucherify.redemptions.list({ filters: { customer_id: { conditions: {} } } }));
    const blank = await settle(voucherify.redemptions.list({ customer: '' }));
    const named = await voucherify.redemptions.list({ filters: { customer_id: { conditions: { $in: [ada.customerId!] } } } });
    saw(
      context,
      `${describeFailure(empty.error)}; conditions {}: ${describeFailure(noConditions.error)}; customer '': ${describeFailure(blank.error)}; ` +
        `${calls('/v1/redemptions') - 2} list request(s) sent (the named filter's); the named customer's list: ${named.total} redemptions, all theirs`,
    );
    for (const refused of [empty, noConditions, blank]) expect(refused.error).toBeInstanceOf(TypeError);
    expect(String(empty.error)).toMatch(/`filters\.customer_id\.conditions\.\$in`/);
    expect(calls('/v1/redemptions')).toBe(3); // two redeems and the named list
    expect(named.redemptions.every((redemption) => redemption.customer_id === ada.customerId)).toBe(true);
  });

  it('sandbox fault times 0 refused', async (context) => {
    did(
      context,
      "createSandbox({ faults: [{ kind: 'status', status: 503, times: 0 }] }); setFaults({ …, times: 0 }) on a served sandbox; then a request over HTTP",
    );
    const created = await settle(Promise.resolve().then(() => createSandbox({ faults: [{ kind: 'status', status: 503, times: 0 }] })));
    const { sandbox, voucherify } = await served();
    const set = await settle(Promise.resolve().then(() => sandbox.setFaults({ kind: 'status', status: 503, times: 0 })));
    const fractional = await settle(Promise.resolve().then(() => sandbox.setFaults({ kind: 'status', status: 503, times: 0.5 })));
    const after = await settle(voucherify.validate({ code: 'SAVE10', trackingId: null, order: { amount: 6000 } }));
    saw(
      context,
      `createSandbox: ${describeFailure(created.error)}; setFaults: ${describeFailure(set.error)}; times 0.5: ${describeFailure(fractional.error)}; ` +
        `the next request: ${after.error ? describeFailure(after.error) : `answered, valid ${String(after.value?.valid)}`} (no fault fired)`,
    );
    expect(created.error).toBeInstanceOf(TypeError);
    expect(set.error).toBeInstanceOf(TypeError);
    expect(fractional.error).toBeInstanceOf(TypeError);
    expect(sandbox.state.faults).toEqual([]);
    expect(after.value?.valid).toBe(true);
  });

  it('reserve hold bound', async (context) => {
    did(context, "reserve({ code: 'SAVE10', ttl: { value: 2e8, unit: 'DAYS' } }), then 31 days, then 30 days, over HTTP");
    const { voucherify, calls } = await served();
    const order = { source_id: 'o-hold', amount: 6000 };
    const huge = await settle(voucherify.reserve({ code: 'SAVE10', trackingId: null, order, ttl: { value: 2e8, unit: 'DAYS' } }));
    const month = await settle(voucherify.reserve({ code: 'SAVE10', trackingId: null, order, ttl: { value: 31, unit: 'DAYS' } }));
    const sent = calls('/v1/validations');
    const bound = await voucherify.reserve({ code: 'SAVE10', trackingId: null, order, ttl: { value: 30, unit: 'DAYS' } });
    saw(
      context,
      `2e8 days: ${describeFailure(huge.error)}; 31 days: ${describeFailure(month.error)}; ${sent} validation(s) sent for them; ` +
        `30 days: held, valid ${bound.valid}, expiresAt ${bound.expiresAt.toISOString().slice(0, 10)}`,
    );
    expect(huge.error).toBeInstanceOf(TypeError);
    expect(month.error).toBeInstanceOf(TypeError);
    expect(sent).toBe(0);
    expect(bound.valid).toBe(true);
    expect(Number.isNaN(bound.expiresAt.getTime())).toBe(false);
  });

  it('negative money in a 2xx refused', async (context) => {
    did(context, 'the sandbox answers validations with order.total_amount -1000 (browser client) and a -500 amount_off (server validate), over HTTP');
    const { server, voucherify } = await served((path, body) => {
      if (path === '/client/v1/validations' && body.order) body.order.total_amount = -1000;
      if (path === '/v1/validations' && body.redeemables?.[0]?.result?.discount) body.redeemables[0].result.discount.amount_off = -500;
    });
    const client = createVoucherifyClient({
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      apiUrl: server.url,
      retry: false,
    });
    const browser = await settle(client.validate({ code: 'SAVE10', order: { amount: 6000 } }));
    const serverSide = await settle(voucherify.validate({ code: 'SAVE10', trackingId: null, order: { amount: 6000 } }));
    const where = (error: unknown) => (error as { details?: string } | undefined)?.details;
    saw(
      context,
      `browser: ${describeFailure(browser.error)} at ${where(browser.error)}; server: ${describeFailure(serverSide.error)} at ${where(serverSide.error)}`,
    );
    expect(isVoucherifyError(browser.error) && browser.error.kind).toBe('invalid_response');
    expect(where(browser.error)).toMatch(/^order\.total_amount/);
    expect(isVoucherifyError(serverSide.error) && serverSide.error.kind).toBe('invalid_response');
    expect(where(serverSide.error)).toMatch(/^redeemables\.0\.result\.discount\.amount_off/);
  });
});
