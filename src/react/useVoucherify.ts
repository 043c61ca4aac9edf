'use client';
import { useMemo } from 'react';
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

/**
 * The Voucherify client and the shopper's identity and tracking id, updated as they change.
 * Throws when used outside `<VoucherProvider>`.
 *
 * @example
 * const { trackingId, setIdentity } = useVoucherify()
 * useEffect(() => { if (user) setIdentity(user.id) }, [user])
 */
export function useVoucherify(): UseVoucherifyResult {
  const { client, tracker, identity, trackingId, consent } = useVoucherContext('useVoucherify()');
  return useMemo(
    () => ({
      client,
      identity,
      trackingId,
      consent,
      setIdentity: (id: string) => tracker.setIdentity(id),
      clearIdentity: () => tracker.clearIdentity(),
    }),
    [client, tracker, identity, trackingId, consent],
  );
}
