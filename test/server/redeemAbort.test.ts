// A caller's abort (the shopper closed the tab: `signal: request.signal`) against a plain redeem (issue 10, defect 6).
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { createVoucherifyServer, isRedeemOutcomeUnknown, type VoucherifyServer } from 'voucherkit/server';
import { redeemedCodes, checkout, redeemCalls as countRedeems, sandboxServer, type SentRequest } from './sandboxFetch.js';

let sandbox: Sandbox;
let sent: SentRequest[];
let server: VoucherifyServer;
const redeemCalls = () => countRedeems(sent);

beforeEach(() => {
  ({ sandbox, sent, server } = sandboxServer());
});

describe('redeem and the caller signal', () => {
  test('an abort before sending sends nothing', async () => {
    const aborted = new AbortController();
    aborted.abort();
    await expect(server.redeem({ ...checkout('order_plain_1'), signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sent).toEqual([]);
  });

  test('an abort after sending stops the wait, not the request: the redemption completes', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 80, path: '/v1/redemptions' });
    const shopper = new AbortController();
    const closedTab = server.redeem({ ...checkout('order_plain_2'), signal: shopper.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(redeemCalls()).toBe(1));
    shopper.abort();
    const error = await closedTab;
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isRedeemOutcomeUnknown(error)).toBe(false);
    await vi.waitFor(() => expect(redeemedCodes(sandbox)).toEqual(['SAVE10']));
    expect(redeemCalls()).toBe(1);
  });

  test('the request still runs under its own timeout after the caller left: a hang ends as a timeout, not forever', async () => {
    sandbox.setFaults({ kind: 'hang', path: '/v1/redemptions', times: 1 });
    const signals: AbortSignal[] = [];
    const watched = createVoucherifyServer({
      ...SANDBOX_KEYS,
      apiUrl: 'https://sandbox.test',
      fetch: (input, init) => (init?.signal && signals.push(init.signal), sandbox.handle(new Request(input, init))),
    });
    const shopper = new AbortController();
    const waiting = watched.redeem({ ...checkout('order_plain_3'), signal: shopper.signal, timeoutMs: 400 }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(signals).toHaveLength(1), { interval: 5 });
    shopper.abort();
    expect(await waiting).toMatchObject({ name: 'AbortError' });
    // The caller's abort did not reach the request; its own timeout ends it.
    expect(signals[0]!.aborted).toBe(false);
    await vi.waitFor(() => expect(signals[0]!.aborted).toBe(true), { timeout: 2000, interval: 20 });
    expect(signals[0]!.reason).toMatchObject({ kind: 'timeout' });
  });
});
