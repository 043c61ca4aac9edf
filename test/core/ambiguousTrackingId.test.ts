import { describe, expect, it } from 'vitest';
import { createTracker } from 'voucherkit/core';
import { memoryStore } from './memoryStore.js';
import { json, rejection, stackableOk, stubClient as client, stubFetch } from './stubFetch.js';

describe('ambiguous_tracking_id', () => {
  const ambiguous = json(
    {
      code: 400,
      key: 'ambiguous_tracking_id',
      message: "Ambiguous trackingId ('track_a' vs. 'track_b')",
      details: 'The customer cannot be identified as two different identifiers have been used between requests from same origin.',
      request_id: 'v-0be550a5a84abb30f8',
    },
    400,
  );

  it('forgets the stored id and retries once without it, then adopts the new id', async () => {
    const memory = memoryStore('track_old+id==');
    const tracker = createTracker({ store: memory.store });
    const stub = stubFetch(ambiguous, json(stackableOk('SAVE10', 'track_new+id==')));
    const result = await client(stub.fetch, { tracker }).validate({ code: 'SAVE10' });
    expect(result).toMatchObject({ valid: true, trackingId: 'track_new+id==' });
    expect(stub.calls).toBe(2);
    const [first, second] = await Promise.all(stub.requests.map((r) => r.clone().json() as Promise<Record<string, unknown>>));
    expect(first?.tracking_id).toBe('track_old+id==');
    expect(second).not.toHaveProperty('tracking_id');
    expect(second).not.toHaveProperty('customer');
    expect(tracker.getSnapshot().trackingId).toBe('track_new+id==');
    expect(memory.value).toBe('track_new+id==');
  });

  it('retries only once: a second ambiguous answer is the error', async () => {
    const tracker = createTracker({ store: memoryStore('track_old+id==').store });
    const stub = stubFetch(ambiguous);
    const error = await rejection(client(stub.fetch, { tracker }).validate({ code: 'SAVE10' }));
    expect(error.key).toBe('ambiguous_tracking_id');
    expect(stub.calls).toBe(2);
  });

  it('the deprecated GET /validate does the same', async () => {
    const tracker = createTracker({ store: memoryStore('track_old+id==').store });
    const stub = stubFetch(ambiguous, json({ valid: true, code: 'SAVE10', tracking_id: 'track_new+id==' }));
    await expect(client(stub.fetch, { tracker }).validateVoucher('SAVE10')).resolves.toMatchObject({ valid: true });
    expect(new URL(stub.requests[0]?.url ?? '').searchParams.get('tracking_id')).toBe('track_old+id==');
    expect(new URL(stub.requests[1]?.url ?? '').searchParams.has('tracking_id')).toBe(false);
  });

  it('an id the caller passed explicitly is not silently dropped', async () => {
    const stub = stubFetch(ambiguous);
    const error = await rejection(client(stub.fetch).validate({ code: 'SAVE10', trackingId: 'track_explicit' }));
    expect(error.key).toBe('ambiguous_tracking_id');
    expect(stub.calls).toBe(1);
  });
});
