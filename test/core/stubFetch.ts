import { createVoucherifyClient, type VoucherifyClientOptions } from 'voucherkit/core';
export { rejection } from '../support/rejection.js';

/**
 * A fetch stub for transport failures the sandbox cannot produce: each call takes the next step
 * (a Response, a function of the request, or an Error to reject with); the last step repeats.
 */
export type StubStep = Response | Error | ((request: Request) => Response | Promise<Response>);

export function stubFetch(...steps: StubStep[]) {
  const requests: Request[] = [];
  const inits: Array<RequestInit | undefined> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    inits.push(init);
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error('stubFetch: no step');
    if (step instanceof Error) throw step;
    if (step instanceof Response) return step.clone();
    return step(request);
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    inits,
    get calls() {
      return requests.length;
    },
  };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** A fetch that never settles unless its signal aborts (like a real one), or never at all with `ignoreSignal`. */
export function hangingFetch({ ignoreSignal = false } = {}) {
  let calls = 0;
  const fetch = (_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_, reject) => {
      calls++;
      if (!ignoreSignal) init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });
  return {
    fetch: fetch as typeof globalThis.fetch,
    get calls() {
      return calls;
    },
  };
}

/** A minimal valid stackable validation body, for the transport cases only (happy paths use the sandbox). */
export const stackableOk = (code = 'SAVE10', trackingId = 'track_stub+id==') => ({
  valid: true,
  redeemables: [{ status: 'APPLICABLE', id: code, object: 'voucher', result: { discount: { type: 'AMOUNT', amount_off: 1000 } } }],
  order: { amount: 5000, discount_amount: 1000, total_discount_amount: 1000, total_amount: 4000 },
  tracking_id: trackingId,
});

/** Client keys for stubbed clients (the sandbox has its own). */
export const keys = { clientApplicationId: 'client-app-id', clientToken: 'client-token' };

/** A client over a stub fetch, with retry delays of 1–2 ms so retried cases stay fast. */
export function stubClient(fetch: typeof globalThis.fetch, extra: Partial<VoucherifyClientOptions> = {}) {
  return createVoucherifyClient({ ...keys, fetch, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra });
}
