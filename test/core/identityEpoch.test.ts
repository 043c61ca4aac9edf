import { describe, expect, it } from 'vitest';
import { createTracker } from 'voucherkit/core';
import { createSandbox } from 'voucherkit/sandbox';
import { memoryStore } from './memoryStore.js';
import { sandboxClient } from './sandboxClient.js';
import { json, stackableOk, stubClient, stubFetch } from './stubFetch.js';

// "A late answer crosses a sign-in": the VIP's validation is still on the wire when someone else signs in (or the VIP
// signs out, or consent is withdrawn). Its `track_` id belongs to the VIP; adopted, it would become the next shopper's
// `outgoingId` and cookie, and the next shopper's server checkout of a customer-restricted code would redeem as the VIP.
const VIP = 'vip@example.com';
const slow = () => createSandbox({ faults: [{ kind: 'latency', ms: 30, path: '/client/v1/validations' }] });

describe('a late answer crosses a sign-in', () => {
  it('unchanged identity: the late answer is adopted and stored (the baseline the other cases differ from)', async () => {
    const { client, tracker, memory } = sandboxClient({ sandbox: slow() });
    tracker.setIdentity(VIP);
    const result = await client.validate({ code: 'SAVE10' });
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot().trackingId).toBe(result.trackingId);
    expect(memory.value).toBe(result.trackingId);
  });

  it('setIdentity while the VIP’s answer is on the wire: its id is not adopted, the cookie is untouched', async () => {
    const { client, tracker, memory, body } = sandboxClient({ sandbox: slow() });
    tracker.setIdentity(VIP);
    const late = client.validate({ code: 'SAVE10' });
    tracker.setIdentity('next@example.com');
    const log = memory.log.length;
    const result = await late;
    expect((await body()).tracking_id).toBe(VIP);
    // The answer still reaches its caller; only the tracker refuses it.
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot()).toMatchObject({ identity: 'next@example.com', trackingId: null, outgoingId: 'next@example.com' });
    expect(memory.log.slice(log)).toEqual([]);
    expect(memory.written).not.toContain(result.trackingId);
  });

  it('clearIdentity (sign-out) while the answer is on the wire: not adopted, the cookie is untouched', async () => {
    const { client, tracker, memory } = sandboxClient({ sandbox: slow() });
    tracker.setIdentity(VIP);
    const late = client.validate({ code: 'SAVE10' });
    tracker.clearIdentity();
    const log = memory.log.length;
    const result = await late;
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot()).toMatchObject({ identity: null, trackingId: null, outgoingId: null });
    expect(memory.log.slice(log)).toEqual([]);
  });

  it('clearIdentity of an anonymous shopper: the generated id of the one who left is not adopted', async () => {
    const { client, tracker, memory } = sandboxClient({ sandbox: slow() });
    const late = client.validate({ code: 'SAVE10' });
    tracker.clearIdentity();
    const result = await late;
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot().outgoingId).toBeNull();
    expect(memory.written).toEqual([]);
  });

  it('consent withdrawn while the answer is on the wire: neither adopted nor persisted', async () => {
    const { client, tracker, memory } = sandboxClient({ sandbox: slow() });
    tracker.setIdentity(VIP);
    const late = client.validate({ code: 'SAVE10' });
    tracker.setConsent(false);
    const result = await late;
    expect(result.trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot()).toMatchObject({ identity: VIP, trackingId: null, consent: false });
    expect(memory.written).toEqual([]);
  });

  it('every call that adopts checks it: qualifications and the deprecated GET /validate too', async () => {
    const sandbox = createSandbox({ faults: [{ kind: 'latency', ms: 30 }] });
    const { client, tracker, memory } = sandboxClient({ sandbox });
    tracker.setIdentity(VIP);
    const legacy = client.validateVoucher('SAVE10');
    tracker.setIdentity('next@example.com');
    expect((await legacy).trackingId).toMatch(/^track_/);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    tracker.setIdentity(VIP);
    const qualifications = client.qualifications({ scenario: 'ALL' });
    tracker.clearIdentity();
    expect((await qualifications).tracking_id).toMatch(/^track_/);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.written).toEqual([]);
  });

  it('a manual adoption (adoptTrackingId: false) passes the epoch it sent under and is refused after a sign-in', async () => {
    const { client, tracker, memory } = sandboxClient({ sandbox: slow() });
    tracker.setIdentity(VIP);
    const { epoch } = tracker.getSnapshot();
    const late = client.validate({ code: 'SAVE10', adoptTrackingId: false });
    tracker.setIdentity('next@example.com');
    const result = await late;
    tracker.adopt(result.trackingId, epoch);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.written).toEqual([]);
    // Without an epoch, adopt is the caller's own decision, as before.
    tracker.adopt(result.trackingId);
    expect(tracker.getSnapshot().trackingId).toBe(result.trackingId);
  });
});

describe('ambiguous_tracking_id that crosses a sign-in', () => {
  const ambiguous = json({ code: 400, key: 'ambiguous_tracking_id', message: 'Ambiguous trackingId' }, 400);

  it('the refusal of the VIP’s id neither drops the next shopper’s id nor retries on the VIP’s behalf', async () => {
    const memory = memoryStore('track_vip+id==');
    const tracker = createTracker({ store: memory.store });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stub = stubFetch(async () => (await gate, ambiguous.clone()), json(stackableOk('SAVE10', 'track_retry+id==')));
    const late = stubClient(stub.fetch, { tracker }).validate({ code: 'SAVE10' });
    await Promise.resolve();
    tracker.setIdentity('next@example.com');
    tracker.adopt('track_next+id==');
    release();
    const error = await late.then(
      () => null,
      (reason: { key?: string }) => reason,
    );
    expect(error?.key).toBe('ambiguous_tracking_id');
    expect(stub.calls).toBe(1);
    expect(tracker.getSnapshot().trackingId).toBe('track_next+id==');
    expect(memory.value).toBe('track_next+id==');
  });
});
