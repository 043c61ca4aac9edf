import { createTracker, createVoucherifyClient, type Tracker, type VoucherifyClientOptions } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { memoryStore } from './memoryStore.js';

/**
 * A client wired to a fresh sandbox through its fetch handler, recording every request it sends
 * (a clone, so tests can read bodies) and the RequestInit the client passed to fetch.
 */
export function sandboxClient(options: { sandbox?: Sandbox; tracker?: Tracker; client?: Partial<VoucherifyClientOptions> } = {}) {
  const sandbox = options.sandbox ?? createSandbox();
  const memory = memoryStore();
  const tracker = options.tracker ?? createTracker({ store: memory.store });
  const requests: Request[] = [];
  const inits: Array<RequestInit | undefined> = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    inits.push(init);
    return sandbox.handle(request);
  };
  const client = createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    fetch: fetch as typeof globalThis.fetch,
    tracker,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options.client,
  });
  return {
    sandbox,
    client,
    tracker,
    memory,
    requests,
    inits,
    /** The JSON body of the nth request (the last by default). */
    body: (index = -1) => (requests.at(index)?.clone().json() ?? Promise.reject(new Error('no request'))) as Promise<Record<string, unknown>>,
    /** The query of the nth request (the last by default). */
    query: (index = -1) => new URL(requests.at(index)?.url ?? 'about:blank').searchParams,
  };
}
