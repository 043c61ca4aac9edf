import { describe, expect, it, vi } from 'vitest';
import { createTracker } from 'voucherkit/core';
import { memoryStore } from './memoryStore.js';

const HASHED = 'track_9B0kB92+bJa8a+PegaWREw==';
const OTHER = 'track_VAVW6qltuo1/z+G2GI2LPw==';

describe('createTracker with an injected store (node, no document)', () => {
  it('starts empty and sends nothing', () => {
    const { store } = memoryStore();
    const tracker = createTracker({ store });
    tracker.hydrate();
    expect(tracker.getSnapshot()).toEqual({ identity: null, trackingId: null, consent: true, outgoingId: null, epoch: 0 });
    expect(tracker.outgoingId()).toBeNull();
  });

  it('reads the stored id from the injected store, even where there is no document', () => {
    const memory = memoryStore(HASHED);
    const tracker = createTracker({ store: memory.store });
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBe(HASHED);
    expect(tracker.outgoingId()).toBe(HASHED);
  });

  it('adopts a returned id and writes it while consent holds', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.adopt(HASHED);
    expect(tracker.getSnapshot().trackingId).toBe(HASHED);
    expect(memory.value).toBe(HASHED);
  });

  it('ignores invalid or tampered ids from a response', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    for (const bad of ['', '<script>', 'a b', 'x'.repeat(300), null, undefined]) tracker.adopt(bad);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.log).toEqual([]);
  });

  it('consent false: the id lives in memory only and nothing is written', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store, consent: false });
    tracker.adopt(HASHED);
    expect(tracker.outgoingId()).toBe(HASHED);
    expect(memory.written).toEqual([]);
    expect(memory.value).toBeNull();
  });

  it('consent false at start deletes a cookie left from an earlier visit and does not use it', () => {
    const memory = memoryStore(OTHER);
    const tracker = createTracker({ store: memory.store, consent: false });
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.value).toBeNull();
    expect(memory.written).toEqual([]);
  });

  it('consent withdrawn deletes the stored id at once and keeps the memory copy', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.adopt(HASHED);
    tracker.setConsent(false);
    expect(memory.value).toBeNull();
    expect(memory.log.at(-1)).toEqual(['remove']);
    expect(tracker.getSnapshot()).toMatchObject({ trackingId: HASHED, consent: false });
    tracker.adopt(OTHER);
    expect(memory.value).toBeNull();
    expect(memory.written).toEqual([HASHED]);
  });

  it('consent granted writes the id held in memory', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store, consent: false });
    tracker.adopt(HASHED);
    tracker.setConsent(true);
    expect(memory.value).toBe(HASHED);
    expect(tracker.getSnapshot().consent).toBe(true);
  });

  it('setIdentity keeps the raw identity in memory only and clears the anonymous id', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.adopt(HASHED);
    tracker.setIdentity('  vip@example.com ');
    expect(tracker.getSnapshot()).toMatchObject({ identity: 'vip@example.com', trackingId: null });
    expect(tracker.outgoingId()).toBe('vip@example.com');
    expect(memory.value).toBeNull();
    // Voucherify answers with the hashed id of the identity: that one may be stored.
    tracker.adopt(OTHER);
    expect(tracker.outgoingId()).toBe(OTHER);
    expect(memory.value).toBe(OTHER);
    expect(memory.written).not.toContain('vip@example.com');
  });

  it('never stores the raw identity, even when an API echoes it back as the tracking id', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.setIdentity('vip@example.com');
    tracker.adopt('vip@example.com');
    tracker.setConsent(false);
    tracker.setConsent(true);
    expect(memory.written).toEqual([]);
  });

  it('a case variant of the identity echoed back as the tracking id is neither adopted nor stored', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.setIdentity('vip@example.com');
    tracker.adopt('VIP@example.com');
    tracker.adopt('vip@example.com ');
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBe('vip@example.com');
    tracker.setConsent(false);
    tracker.setConsent(true);
    expect(memory.written).toEqual([]);
  });

  it.each(['vip@example.com', 'user-42', '<img src=x>'])('an injected store (native shell) that holds %s is not used and is cleared', (held) => {
    const memory = memoryStore(held);
    const tracker = createTracker({ store: memory.store });
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    expect(memory.value).toBeNull();
  });

  it('consent granted later does not adopt a stored value that is not a track_ id', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store, consent: false });
    tracker.hydrate();
    memory.store.write('vip@example.com'); // written behind the tracker's back (another tab, a shell)
    tracker.setConsent(true);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
  });

  it('setIdentity refuses an empty or oversized identity', () => {
    const tracker = createTracker({ store: memoryStore().store });
    expect(() => tracker.setIdentity('   ')).toThrow(TypeError);
    expect(() => tracker.setIdentity('x'.repeat(257))).toThrow(/at most 256/);
  });

  it('clearIdentity forgets the person and their id', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.setIdentity('user-42');
    tracker.adopt(HASHED);
    tracker.clearIdentity();
    expect(tracker.getSnapshot()).toMatchObject({ identity: null, trackingId: null });
    expect(memory.value).toBeNull();
  });

  it('forget drops the stored id (after ambiguous_tracking_id)', () => {
    const memory = memoryStore(HASHED);
    const tracker = createTracker({ store: memory.store });
    tracker.forget();
    expect(tracker.outgoingId()).toBeNull();
    expect(memory.value).toBeNull();
  });

  it('initialTrackingId (read on the server) is used and written when it differs from the store', () => {
    const memory = memoryStore(OTHER);
    const tracker = createTracker({ store: memory.store, initialTrackingId: HASHED });
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBe(HASHED);
    expect(memory.value).toBe(HASHED);
  });

  it('consent false: initialTrackingId is ignored (not sent, not stored) and not restored when consent is granted later', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store, consent: false, initialTrackingId: HASHED });
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    tracker.setConsent(true);
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    expect(memory.written).toEqual([]);
  });

  it.each(['<img src=x>', 'vip@example.com', 'user-42'])('an initialTrackingId that is not one Voucherify issued (%s) is ignored', (initialTrackingId) => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store, initialTrackingId });
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    expect(memory.written).toEqual([]);
  });

  it('a response that answers with an e-mail or a user id as tracking_id is not adopted', () => {
    const memory = memoryStore();
    const tracker = createTracker({ store: memory.store });
    tracker.adopt('vip@example.com');
    tracker.adopt('user-42');
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(memory.log).toEqual([]);
  });

  it('subscribe notifies on every change, not on no-ops, and unsubscribes', () => {
    const tracker = createTracker({ store: memoryStore().store });
    const listener = vi.fn();
    const unsubscribe = tracker.subscribe(listener);
    tracker.adopt(HASHED);
    tracker.adopt(HASHED);
    tracker.setConsent(true);
    expect(listener).toHaveBeenCalledTimes(1);
    tracker.setConsent(false);
    tracker.setIdentity('user-42');
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    tracker.clearIdentity();
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('getSnapshot is the same object between changes and a new one after a change', () => {
    const tracker = createTracker({ store: memoryStore(HASHED).store });
    const first = tracker.getSnapshot();
    expect(tracker.getSnapshot()).toBe(first);
    tracker.adopt(OTHER);
    const second = tracker.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.trackingId).toBe(OTHER);
    expect(tracker.getSnapshot()).toBe(second);
  });

  it('a listener that unsubscribes during a notification does not break the others', () => {
    const tracker = createTracker({ store: memoryStore().store });
    const second = vi.fn();
    const unsubscribe = tracker.subscribe(() => unsubscribe());
    tracker.subscribe(second);
    tracker.adopt(HASHED);
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('one owner of the outgoing id, an explicit hydrate, one check of initialTrackingId', () => {
  it('getSnapshot is a pure read: the store is untouched until hydrate()', () => {
    const memory = memoryStore(HASHED);
    const read = vi.spyOn(memory.store, 'read');
    const tracker = createTracker({ store: memory.store });
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    expect(read).not.toHaveBeenCalled();
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBe(HASHED);
    tracker.hydrate();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('hydrate notifies subscribers when the stored id changes the state, and only then', () => {
    const withId = createTracker({ store: memoryStore(HASHED).store });
    const empty = createTracker({ store: memoryStore().store });
    const heard = vi.fn();
    const silent = vi.fn();
    withId.subscribe(heard);
    empty.subscribe(silent);
    withId.hydrate();
    empty.hydrate();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(silent).not.toHaveBeenCalled();
  });

  it('outgoingId is part of the state: the hashed id, else the identity, else null', () => {
    const tracker = createTracker({ store: memoryStore().store });
    expect(tracker.getSnapshot().outgoingId).toBeNull();
    tracker.setIdentity('vip@example.com');
    expect(tracker.getSnapshot().outgoingId).toBe('vip@example.com');
    tracker.adopt(HASHED);
    expect(tracker.getSnapshot().outgoingId).toBe(HASHED);
    tracker.forget();
    expect(tracker.getSnapshot().outgoingId).toBe('vip@example.com');
    tracker.clearIdentity();
    expect(tracker.getSnapshot().outgoingId).toBeNull();
  });

  it.each([
    [HASHED, true, HASHED],
    [HASHED, false, null],
    ['vip@example.com', true, null],
  ])('getServerSnapshot is the state at creation, with initialTrackingId (%s, consent %s) checked once', (initialTrackingId, consent, expected) => {
    const tracker = createTracker({ store: memoryStore(OTHER).store, initialTrackingId, consent });
    const server = tracker.getServerSnapshot();
    expect(server).toEqual({ identity: null, trackingId: expected, consent, outgoingId: expected, epoch: 0 });
    tracker.hydrate();
    tracker.setIdentity('user-42');
    expect(tracker.getServerSnapshot()).toBe(server);
    expect(tracker.getSnapshot()).not.toBe(server);
  });
});

describe('createTracker with the default cookie store in node', () => {
  it('works without a document: memory only, nothing thrown', () => {
    expect(typeof document).toBe('undefined');
    const tracker = createTracker();
    tracker.adopt(HASHED);
    tracker.setIdentity('user-42');
    tracker.setConsent(false);
    tracker.setConsent(true);
    // One sign-in and one consent withdrawal: two epochs.
    expect(tracker.getSnapshot()).toEqual({ identity: 'user-42', trackingId: null, consent: true, outgoingId: 'user-42', epoch: 2 });
  });

  it('refuses an invalid cookie name at creation', () => {
    expect(() => createTracker({ cookie: { name: 'bad name;' } })).toThrow(/not a valid cookie name/);
  });
});
