import { describe, expect, it, vi } from 'vitest';
import { createTracker } from 'voucherkit/core';
import { memoryStore } from './memoryStore.js';
import { sandboxClient } from './sandboxClient.js';
import { json, stackableOk, stubClient, stubFetch } from './stubFetch.js';

// Who takes the id Voucherify answers with: the client by default (non-React users of core), or the caller with
// `adoptTrackingId: false` (React Query's queryFn caches the answer under the new id first, then adopts).
describe('adoption of the answered tracking id', () => {
  it('by default the tracker has adopted the issued id when validate resolves', async () => {
    const { client, tracker } = sandboxClient();
    const result = await client.validate({ code: 'SAVE10' });
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot().outgoingId).toBe(result.trackingId);
  });

  it('adoptTrackingId: false leaves the tracker untouched and unnotified until the caller adopts', async () => {
    const { client, tracker, memory } = sandboxClient();
    const listener = vi.fn();
    tracker.subscribe(listener);
    const result = await client.validate({ code: 'SAVE10', adoptTrackingId: false });
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot().outgoingId).toBeNull();
    expect(memory.written).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
    tracker.adopt(result.trackingId);
    expect(tracker.getSnapshot().outgoingId).toBe(result.trackingId);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('adoptTrackingId: false still drops an ambiguous id and retries once without it', async () => {
    const memory = memoryStore('track_old+id==');
    const tracker = createTracker({ store: memory.store });
    const ambiguous = json({ code: 400, key: 'ambiguous_tracking_id', message: 'Ambiguous trackingId' }, 400);
    const stub = stubFetch(ambiguous, json(stackableOk('SAVE10', 'track_new+id==')));
    const result = await stubClient(stub.fetch, { tracker }).validate({ code: 'SAVE10', adoptTrackingId: false });
    expect(stub.calls).toBe(2);
    expect(result.trackingId).toBe('track_new+id==');
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.value).toBeNull();
  });

  it('the client reads the stored id itself before its first call (hydrate), without anyone reading the snapshot', async () => {
    const memory = memoryStore('track_stored+id==');
    const { client, body } = sandboxClient({ tracker: createTracker({ store: memory.store }) });
    await client.validate({ code: 'SAVE10' });
    expect((await body()).tracking_id).toBe('track_stored+id==');
  });
});
