import { createTracker, createVoucherifyClient, type Tracker, type VoucherifyClientOptions } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';
import { recordSandbox } from '../support/recordSandbox.js';
import { memoryStore } from './memoryStore.js';

/**
 * A client wired to a fresh sandbox through its fetch handler, recording every request it sends
 * (a clone, so tests can read bodies) and the RequestInit the client passed to fetch.
 */
export function sandboxClient(options: { sandbox?: Sandbox; tracker?: Tracker; client?: Partial<VoucherifyClientOptions> } = {}) {
  const sandbox = options.sandbox ?? createSandbox();
  const memory = memoryStore();
  const tracker = options.tracker ?? createTracker({ store: memory.store });
  const recorder = recordSandbox(sandbox);
  const client = createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    fetch: recorder.fetch,
    tracker,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...options.client,
  });
  return {
    sandbox,
    client,
    tracker,
    memory,
    requests: recorder.requests,
    inits: recorder.inits,
    /** The JSON body of the nth request (the last by default). */
    body: recorder.body,
    /** The query of the nth request (the last by default). */
    query: recorder.query,
  };
}
