import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createValidationClient, validateQueryOptions } from 'voucherkit';

// Issue 13: in the browser React Query owns the retries of a validation (the core client makes one attempt).

const ok = { valid: true, redeemables: [{ status: 'APPLICABLE', id: 'SAVE10', object: 'voucher', result: {} }], tracking_id: 'track_abc' };

function answering(...answers: Array<() => Response>) {
  let calls = 0;
  const fetch = (async () => {
    const answer = answers[Math.min(calls, answers.length - 1)]!;
    calls++;
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, calls: () => calls };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify({ code, message: 'x' }), { status: code, headers });
const lost = () => {
  throw new TypeError('fetch failed');
};

async function validateThrough(fetch: typeof globalThis.fetch) {
  const client = createValidationClient({ clientApplicationId: 'app', clientToken: 'token', fetch });
  const queryClient = new QueryClient();
  return queryClient.fetchQuery(validateQueryOptions(client, { codes: ['SAVE10'], trackingId: null })).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
}

describe('validateQueryOptions retries like the server policy, in React Query', () => {
  // No backoff wait in these tests: full jitter draws 0.
  afterEach(() => vi.restoreAllMocks());
  const noJitter = () => vi.spyOn(Math, 'random').mockReturnValue(0);

  it.each([502, 503, 504])('a %i is retried, and the third answer is the result', async (code) => {
    noJitter();
    const stub = answering(status(code), status(code), () => Response.json(ok));
    const { data } = await validateThrough(stub.fetch);
    expect(data?.valid).toBe(true);
    expect(stub.calls()).toBe(3);
  });

  it('a lost answer (network error) is retried at most twice', async () => {
    noJitter();
    const stub = answering(lost);
    const { error } = await validateThrough(stub.fetch);
    expect(error).toMatchObject({ kind: 'network' });
    expect(stub.calls()).toBe(3);
  });

  it('a 429 is never retried: the field shows the cooldown instead', async () => {
    noJitter();
    const stub = answering(status(429, { 'Retry-After': '7' }), () => Response.json(ok));
    const { error } = await validateThrough(stub.fetch);
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(stub.calls()).toBe(1);
  });

  it.each([400, 401, 404, 500])('a %i is not retried', async (code) => {
    noJitter();
    const stub = answering(status(code), () => Response.json(ok));
    await validateThrough(stub.fetch);
    expect(stub.calls()).toBe(1);
  });

  it('the wait before a retry is full jitter under 300 ms, then 600 ms', () => {
    const { retryDelay } = validateQueryOptions(createValidationClient({ clientApplicationId: 'app', clientToken: 'token', fetch: answering(lost).fetch }), {
      codes: ['SAVE10'],
      trackingId: null,
    });
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const delay = retryDelay as (failures: number, error: unknown) => number;
    expect(delay(0, undefined)).toBeLessThan(300);
    expect(delay(1, undefined)).toBeGreaterThan(300);
    expect(delay(1, undefined)).toBeLessThan(600);
  });
});
