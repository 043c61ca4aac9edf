import { describe, expect, it } from 'vitest';
import { hangingFetch, json, stackableOk, stubClient as client, stubFetch } from './stubFetch.js';

describe('abort', () => {
  it('an AbortSignal aborting a pending call rejects with the abort reason', async () => {
    const hung = hangingFetch();
    const controller = new AbortController();
    const reason = new Error('superseded by a newer code');
    const pending = client(hung.fetch).validate({ code: 'SAVE10', signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(hung.calls).toBe(1);
  });

  it('aborting with no reason rejects with an AbortError', async () => {
    const hung = hangingFetch({ ignoreSignal: true });
    const controller = new AbortController();
    const pending = client(hung.fetch).validate({ code: 'SAVE10', signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('an already aborted signal sends nothing', async () => {
    const stub = stubFetch(json(stackableOk()));
    const reason = new Error('gone');
    await expect(client(stub.fetch).validate({ code: 'SAVE10', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(stub.calls).toBe(0);
  });

  it('aborting during the retry backoff stops the retries', async () => {
    const controller = new AbortController();
    const reason = new Error('unmounted');
    const stub = stubFetch(() => {
      queueMicrotask(() => controller.abort(reason));
      return new Response('', { status: 503 });
    });
    const slow = client(stub.fetch, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    await expect(slow.validate({ code: 'SAVE10', signal: controller.signal })).rejects.toBe(reason);
    expect(stub.calls).toBe(1);
  });
});
