// Every millisecond option that becomes a setTimeout, in one table. Node and browsers keep a delay as a 32-bit
// signed count: 2^31 ms or more fires after 1 ms, so a deadline meant as weeks turns into a tight loop. Each option
// is checked at construction or at the call (before anything is sent) and refused with a TypeError naming it.
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useValidate, VoucherProvider } from 'voucherkit';
import { createValidationClient, createVoucherifyClient } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { createMemoryRedeemStore, createRedeemOnce, createRedisRedeemStore, createVoucherifyServer } from 'voucherkit/server';
import { createVoucherInput } from '../../src/core/createVoucherInput.js';
import { call, decodePromotionTiers, MAX_TIMER_MS } from '../../src/core/internal.js';

/** One option: where it is given, and what counts as a valid value besides 1 … 2^31−1. */
export interface TimerOptionRow {
  /** Where it is set, as the table prints it. */
  where: string;
  /** The option's name as the TypeError must spell it (`retry.baseDelayMs`, `faults[0].ms`). */
  option: string;
  /** 0 is allowed ("no delay", or "the default" for a provider prop). */
  zero?: boolean;
  /** `Infinity` is allowed ("no limit"). */
  infinite?: boolean;
  /** Sets the option to `value`: throws, or returns a promise that rejects, when refused. */
  set(value: number): unknown;
}

/** A Redis client the store is built over and never called through (construction checks only). */
const noRedis = { sendCommand: () => Promise.reject(new Error('no command expected')) };
const clientKeys = { clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken };
const noFetch = (() => Promise.reject(new Error('no request expected'))) as typeof globalThis.fetch;

/** A server helper over a fresh sandbox (no network). */
function server(options: Parameters<typeof createVoucherifyServer>[0] | object = {}) {
  const sandbox = createSandbox();
  return createVoucherifyServer({
    applicationId: SANDBOX_KEYS.applicationId,
    secretKey: SANDBOX_KEYS.secretKey,
    apiUrl: 'https://sandbox.test',
    fetch: (input, init) => sandbox.handle(new Request(input, init)),
    ...options,
  });
}

let orderSeq = 0;
const order = () => ({ source_id: `ord_timer_${++orderSeq}`, amount: 5000 });

/** Renders `children` in a provider on the server (node project: no DOM); a render error throws. */
const render = (children: ReactNode, timeoutMs?: number) =>
  renderToString(createElement(VoucherProvider, { ...clientKeys, fetch: noFetch, ...(timeoutMs === undefined ? {} : { timeoutMs }) }, children));

function UseValidateProbe({ debounceMs }: { debounceMs: number }) {
  useValidate('SAVE10', { order: { amount: 4000 }, debounceMs });
  return null;
}

const voucherInput = (debounceMs?: number) =>
  createVoucherInput({ validate: () => Promise.reject(new Error('no check expected')), ...(debounceMs === undefined ? {} : { debounceMs }) });

export const timerOptionRows: TimerOptionRow[] = [
  // ---- core -------------------------------------------------------------------------------------------------
  { where: 'createVoucherifyClient', option: 'timeoutMs', set: (timeoutMs) => createVoucherifyClient({ ...clientKeys, fetch: noFetch, timeoutMs }) },
  { where: 'createValidationClient', option: 'timeoutMs', set: (timeoutMs) => createValidationClient({ ...clientKeys, fetch: noFetch, timeoutMs }) },
  {
    where: 'createVoucherifyClient',
    option: 'retry.baseDelayMs',
    zero: true,
    set: (baseDelayMs) => createVoucherifyClient({ ...clientKeys, fetch: noFetch, retry: { baseDelayMs } }),
  },
  {
    where: 'createVoucherifyClient',
    option: 'retry.maxDelayMs',
    zero: true,
    set: (maxDelayMs) => createVoucherifyClient({ ...clientKeys, fetch: noFetch, retry: { maxDelayMs } }),
  },
  {
    where: 'createValidationClient',
    option: 'retry.baseDelayMs',
    zero: true,
    set: (baseDelayMs) => createValidationClient({ ...clientKeys, fetch: noFetch, retry: { baseDelayMs } }),
  },
  {
    where: 'createValidationClient',
    option: 'retry.maxDelayMs',
    zero: true,
    set: (maxDelayMs) => createValidationClient({ ...clientKeys, fetch: noFetch, retry: { maxDelayMs } }),
  },
  {
    where: 'call (per call, internal)',
    option: 'timeoutMs',
    set: (timeoutMs) => {
      const ok = (() => Promise.resolve(new Response('{"tiers":[]}', { status: 200 }))) as typeof globalThis.fetch;
      const config = { baseUrl: 'https://api.voucherify.io', headers: {}, fetch: ok, timeoutMs: 1000 };
      return call(config, { method: 'GET', path: '/client/v1/promotions/tiers', decode: decodePromotionTiers, retry: 'safe', timeoutMs });
    },
  },
  { where: 'createVoucherInput', option: 'debounceMs', zero: true, set: (debounceMs) => voucherInput(debounceMs) },
  {
    where: 'createVoucherInput().setOptions',
    option: 'debounceMs',
    zero: true,
    set: (debounceMs) => voucherInput().setOptions({ validate: () => Promise.reject(new Error('no check expected')), debounceMs }),
  },

  // ---- react (server-rendered: a render error throws) --------------------------------------------------------
  // 0 keeps meaning "the default" for this prop, as it always has.
  { where: 'VoucherProvider', option: 'timeoutMs', zero: true, set: (timeoutMs) => render(null, timeoutMs) },
  { where: 'useValidate', option: 'debounceMs', zero: true, set: (debounceMs) => render(createElement(UseValidateProbe, { debounceMs })) },

  // ---- server -----------------------------------------------------------------------------------------------
  { where: 'createVoucherifyServer', option: 'timeoutMs', set: (timeoutMs) => server({ timeoutMs }) },
  { where: 'createVoucherifyServer', option: 'retry.baseDelayMs', zero: true, set: (baseDelayMs) => server({ retry: { baseDelayMs } }) },
  { where: 'createVoucherifyServer', option: 'retry.maxDelayMs', zero: true, set: (maxDelayMs) => server({ retry: { maxDelayMs } }) },
  { where: 'redeem', option: 'timeoutMs', set: (timeoutMs) => server().redeem({ code: 'SAVE10', trackingId: null, order: order(), timeoutMs }) },
  { where: 'validate', option: 'timeoutMs', set: (timeoutMs) => server().validate({ code: 'SAVE10', trackingId: null, timeoutMs }) },
  { where: 'reserve', option: 'timeoutMs', set: (timeoutMs) => server().reserve({ code: 'SAVE10', trackingId: null, order: order(), timeoutMs }) },
  { where: 'redeemVoucher', option: 'timeoutMs', set: (timeoutMs) => server().redeemVoucher('SAVE10', { trackingId: null, timeoutMs }) },
  { where: 'rollback', option: 'timeoutMs', set: (timeoutMs) => server().rollback('r_missing', { timeoutMs }).catch(notTypeError) },

  // ---- the redeem guard and its stores (keepMs is not a row: it goes to Redis, SET … PX, with Redis's bound) ---
  {
    where: 'reconcileRedeem',
    option: 'graceMs',
    zero: true,
    set: (graceMs) =>
      server()
        .reconcileRedeem({ orderId: 'o', codes: ['SAVE10'], since: Date.now(), graceMs, signal: AbortSignal.abort() })
        .catch(notTypeError),
  },
  {
    where: 'reconcileRedeem',
    option: 'timeoutMs',
    set: (timeoutMs) =>
      server()
        .reconcileRedeem({ orderId: 'o', codes: ['SAVE10'], since: Date.now(), timeoutMs, signal: AbortSignal.abort() })
        .catch(notTypeError),
  },
  {
    where: 'redeemOnce.reconcile',
    option: 'graceMs',
    zero: true,
    set: (graceMs) => createRedeemOnce(server()).reconcile({ code: 'SAVE10', trackingId: null, order: order() }, { graceMs }),
  },
  { where: 'redeemOnce', option: 'timeoutMs', set: (timeoutMs) => createRedeemOnce(server())({ code: 'SAVE10', trackingId: null, order: order(), timeoutMs }) },
  { where: 'createRedeemOnce', option: 'storeTimeoutMs', set: (storeTimeoutMs) => createRedeemOnce(server(), { storeTimeoutMs }) },
  { where: 'createMemoryRedeemStore', option: 'timeoutMs', set: (timeoutMs) => createMemoryRedeemStore({ timeoutMs }) },
  { where: 'createMemoryRedeemStore', option: 'marginMs', set: (marginMs) => createMemoryRedeemStore({ marginMs }) },
  { where: 'createRedisRedeemStore', option: 'timeoutMs', set: (timeoutMs) => createRedisRedeemStore(noRedis, { timeoutMs }) },
  { where: 'createRedisRedeemStore', option: 'marginMs', set: (marginMs) => createRedisRedeemStore(noRedis, { marginMs }) },

  // ---- sandbox ----------------------------------------------------------------------------------------------
  { where: 'createSandbox', option: 'latencyMs', zero: true, set: (latencyMs) => createSandbox({ latencyMs }) },
  { where: 'createSandbox', option: 'faults[0].ms', zero: true, set: (ms) => createSandbox({ faults: [{ kind: 'latency', ms }] }) },
  {
    where: 'sandbox.setFaults',
    option: 'faults[1].ms',
    zero: true,
    set: (ms) =>
      createSandbox().setFaults([
        { kind: 'hang', times: 1 },
        { kind: 'latency', ms },
      ]),
  },
];

/** A rejection that is not a refused option (an API error for a made-up id) counts as accepted. */
function notTypeError(error: unknown) {
  if (error instanceof TypeError) throw error;
}

const attempt = (row: TimerOptionRow, value: number) => new Promise((resolve) => resolve(row.set(value)));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(timerOptionRows.map((row) => [`${row.where}: ${row.option}`, row] as const))('%s', (_name, row) => {
  it.each([2 ** 31, -1, 1.5, Number.NaN, ...(row.infinite ? [] : [Infinity])])('%s is a TypeError naming the option', async (value) => {
    await expect(attempt(row, value)).rejects.toThrow(TypeError);
    await expect(attempt(row, value)).rejects.toThrow(new RegExp(`(^|[^\\w.])${escape(row.option)}\\b`));
  });

  it.each([MAX_TIMER_MS, 1, ...(row.zero ? [0] : []), ...(row.infinite ? [Infinity] : [])])('%s is accepted', async (value) => {
    await attempt(row, value);
  });

  if (!row.zero) {
    it('0 is a TypeError', async () => {
      await expect(attempt(row, 0)).rejects.toThrow(TypeError);
    });
  }
});
