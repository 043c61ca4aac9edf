'use client';
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { ValidationClient } from '../core/index.js';
import { useVoucherContext } from './VoucherContext.js';

/** The shopper's tracking state and the client, as `useVoucherify()` returns them. */
export interface UseVoucherifyResult {
  /**
   * The client the provider validates with. Typed as the validating part: the provider creates a lean client so a
   * checkout bundle carries no other operation. For `track`, `qualifications` and the rest, create a full
   * `createVoucherifyClient` and pass it to the provider's `client` prop.
   */
  client: ValidationClient;
  /** The raw identity set with `setIdentity` or the provider's `identity` prop; kept in memory only. */
  identity: string | null;
  /** Voucherify's hashed tracking id, once known (from the cookie, the server, or a response). */
  trackingId: string | null;
  /** Binds the shopper to a profile (an e-mail, a phone, your user id). Never stored. */
  setIdentity(identity: string): void;
  /** Forgets the identity and the tracking id (sign-out). */
  clearIdentity(): void;
  /** Whether the tracking id may be kept in a cookie. */
  consent: boolean;
}

type TrackedField = 'identity' | 'trackingId' | 'consent';

/**
 * The Voucherify client and the shopper's identity and tracking id, updated as they change. Tracked, as TanStack
 * Query's results are: a component re-renders for a field only once it has read it, so a sign-in button that takes
 * `setIdentity` alone does not render when an id is adopted. Throws when used outside `<VoucherProvider>`.
 *
 * @example
 * const { trackingId, setIdentity } = useVoucherify()
 * useEffect(() => { if (user) setIdentity(user.id) }, [user])
 */
export function useVoucherify(): UseVoucherifyResult {
  const { client, tracker, isHydrated } = useVoucherContext('useVoucherify()');
  const [tracked] = useState(() => new Set<TrackedField>());
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!isHydrated) return () => undefined;
      let last = tracker.getSnapshot();
      return tracker.subscribe(() => {
        const next = tracker.getSnapshot();
        const changed = [...tracked].some((field) => next[field] !== last[field]);
        last = next;
        if (changed) listener();
      });
    },
    [tracker, isHydrated, tracked],
  );
  const state = useSyncExternalStore(subscribe, isHydrated ? tracker.getSnapshot : tracker.getServerSnapshot, tracker.getServerSnapshot);
  return useMemo(() => {
    // The live value: during render it is the one this render subscribed with; in a handler or after an await, the
    // latest (a stored result never reads a stale id).
    const read = <K extends TrackedField>(field: K) => (tracked.add(field), (isHydrated ? tracker.getSnapshot() : state)[field]);
    return {
      client,
      get identity() {
        return read('identity');
      },
      get trackingId() {
        return read('trackingId');
      },
      get consent() {
        return read('consent');
      },
      setIdentity: (id: string) => tracker.setIdentity(id),
      clearIdentity: () => tracker.clearIdentity(),
    };
  }, [client, tracker, tracked, state, isHydrated]);
}
