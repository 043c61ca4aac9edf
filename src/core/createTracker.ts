import { createCookieStore, type CookieStore, type TrackingCookieOptions } from './cookieStore.js';
import { isTrackingId, MAX_TRACKING_ID_LENGTH } from './trackingId.js';

/** What the tracker knows. `identity` lives in memory only; `trackingId` is Voucherify's hashed id. */
export interface TrackerState {
  identity: string | null;
  trackingId: string | null;
  consent: boolean;
  /** What the next call sends as `tracking_id`: the hashed id, else the raw identity, else null. Derived here only. */
  outgoingId: string | null;
  /**
   * Counts who the shopper is: it grows on `setIdentity` (another identity), `clearIdentity` and a consent withdrawal.
   * An answer to a request sent under an earlier epoch belongs to someone else (or to a refused consent): pass the
   * epoch of the request to `adopt`, and key cached answers on it.
   */
  epoch: number;
}

/** Options for `createTracker`. */
export interface TrackerOptions {
  cookie?: TrackingCookieOptions;
  /** False keeps the id in memory only and deletes the cookie. @default true */
  consent?: boolean;
  /**
   * An id read on the server (`readTrackingId`), so server and client render alike. Ignored unless it is a
   * `track_` id, and ignored when `consent` is false: not sent, not stored, not restored on a later grant.
   */
  initialTrackingId?: string | null;
  /** Replace the cookie (tests, native shells). */
  store?: CookieStore;
}

/** Holds the shopper's identity and tracking id, persists only the hashed id, and only with consent. */
export interface Tracker {
  /** The current state; a pure read, the same object until something changes. */
  getSnapshot(): TrackerState;
  /**
   * The state the tracker was created with (`initialTrackingId` if it passed the check, nothing from the cookie):
   * what a server render shows, and so what the first client render must show too.
   */
  getServerSnapshot(): TrackerState;
  /**
   * Reads the stored id once (deleting it when consent is refused), notifying subscribers if that changes the state.
   * A no-op on later calls, and until there is a `document` for the default cookie store. The client calls it before
   * every call that sends the id; `VoucherProvider` after mount. Call it yourself before reading a fresh tracker's state.
   */
  hydrate(): void;
  subscribe(listener: () => void): () => void;
  /** Binds the shopper to a profile (an e-mail, a phone, your user id). Never stored. */
  setIdentity(identity: string): void;
  clearIdentity(): void;
  /**
   * Takes the `tracking_id` Voucherify answered with. Anything but a `track_` id (see `isTrackingId`) is ignored, and
   * so is an answer whose request was sent under another `epoch` (read from `getSnapshot()` before sending it).
   */
  adopt(trackingId: string | null | undefined, epoch?: number): void;
  /** Drops the stored id (after `ambiguous_tracking_id`). */
  forget(): void;
  setConsent(consent: boolean): void;
  /** Shorthand for `getSnapshot().outgoingId`: what to send as `tracking_id`. A pure read, like `getSnapshot`. */
  outgoingId(): string | null;
}

/**
 * Creates the customer tracker. Nothing touches `document` until `hydrate()` (or the first call or change).
 *
 * @example
 * const tracker = createTracker({ consent: false })
 * tracker.adopt('track_abc==') // kept in memory until consent is given
 * tracker.getSnapshot().outgoingId // 'track_abc=='
 */
export function createTracker(options: TrackerOptions = {}): Tracker {
  const store = options.store ?? createCookieStore(options.cookie);
  const listeners = new Set<() => void>();
  const consent = options.consent ?? true;
  // Without consent the earlier visit's id (the server read it from the cookie) must not link this visit to it.
  // The one place `initialTrackingId` is checked: the provider renders `getServerSnapshot()`, the client sends `state`.
  const initial = consent && isTrackingId(options.initialTrackingId) ? options.initialTrackingId : null;
  const serverState: TrackerState = { identity: null, trackingId: initial, consent, outgoingId: initial, epoch: 0 };
  let state = serverState;
  let hydrated = false;

  const set = (next: Partial<Omit<TrackerState, 'outgoingId'>>) => {
    const merged = { ...state, ...next };
    const same = merged.identity === state.identity && merged.trackingId === state.trackingId && merged.consent === state.consent;
    if (same && merged.epoch === state.epoch) return;
    state = { ...merged, outgoingId: merged.trackingId ?? merged.identity };
    for (const listener of [...listeners]) listener();
  };
  // Only ids Voucherify issued reach storage: never the raw identity, nor a variant an API echoes back.
  // Checked here too, not only in the cookie store: an injected store may write whatever it is given.
  const persist = (id: string | null) => {
    if (!state.consent) return;
    if (isTrackingId(id) && id !== state.identity) store.write(id);
    else store.remove();
  };
  // An injected store (a native shell, another tab's write) may hold anything: only a `track_` id is used.
  const readStored = (): string | null => {
    const stored = store.read();
    if (stored === null || isTrackingId(stored)) return stored;
    store.remove();
    return null;
  };
  const hydrate = () => {
    // The default cookie store waits for a document (SSR renders alike); an injected store is read anywhere.
    if (hydrated || (!options.store && typeof document === 'undefined')) return;
    hydrated = true;
    // Consent refused from the start: a cookie from an earlier visit is deleted, not used.
    if (!state.consent) return store.remove();
    const stored = readStored();
    if (state.trackingId === null && stored) set({ trackingId: stored });
    else if (state.trackingId && stored !== state.trackingId) persist(state.trackingId);
  };

  return {
    getSnapshot: () => state,
    getServerSnapshot: () => serverState,
    hydrate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIdentity(identity) {
      const value = typeof identity === 'string' ? identity.trim() : '';
      if (!value || value.length > MAX_TRACKING_ID_LENGTH) {
        throw new TypeError(`setIdentity expects a non-empty string of at most ${MAX_TRACKING_ID_LENGTH} characters`);
      }
      hydrate();
      if (value === state.identity) return;
      // A new person: the previous (anonymous or other) id must not travel with the new identity, nor arrive late.
      set({ identity: value, trackingId: null, epoch: state.epoch + 1 });
      persist(null);
    },
    clearIdentity() {
      hydrate();
      // Even with nothing to clear: an answer still on the wire belongs to whoever just left.
      set({ identity: null, trackingId: null, epoch: state.epoch + 1 });
      persist(null);
    },
    adopt(trackingId, epoch) {
      // A late answer that crossed a sign-in, a sign-out or a withdrawal: adopted, the next shopper would send (and
      // a server checkout redeem as) the previous one's id.
      if (!isTrackingId(trackingId) || (epoch !== undefined && epoch !== state.epoch)) return;
      hydrate();
      set({ trackingId });
      persist(trackingId);
    },
    forget() {
      hydrate();
      set({ trackingId: null });
      persist(null);
    },
    setConsent(consent) {
      hydrate();
      if (consent === state.consent) return;
      if (!consent) store.remove();
      // A withdrawal: nothing answered to a request sent with consent may be taken (or stored on a later grant).
      set({ consent, epoch: consent ? state.epoch : state.epoch + 1 });
      if (consent) {
        const stored = state.trackingId ? null : readStored();
        if (stored && !state.identity) set({ trackingId: stored });
        else persist(state.trackingId);
      }
    },
    outgoingId: () => state.outgoingId,
  };
}
