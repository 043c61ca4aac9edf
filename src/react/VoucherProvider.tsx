'use client';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createTracker, type TrackingCookieOptions, type ValidationClient } from '../core/index.js';
// The validate-only client without the core's opt-in retry loop: React Query retries here (validateQueryOptions).
import { createProviderClient } from '../core/internal.js';
import { mergeMessages, type VoucherMessagesInput } from './messages.js';
import { VoucherContext, type VoucherContextValue } from './VoucherContext.js';

/** Props of `VoucherProvider`. Only the publishable client-side keys belong in a browser. */
export interface VoucherProviderProps {
  /** Client-side application id (Project Settings → Client-side Settings). */
  clientApplicationId: string;
  /** Client-side token: public, but fenced by the project's allowed origins. */
  clientToken: string;
  /** Your region's API host. @default 'https://api.voucherify.io' */
  apiUrl?: string;
  /** Who the shopper is (your user id, an e-mail): sent so Voucherify can hash it into a tracking id; never stored. */
  identity?: string | null;
  /** Whether the tracking id may live in a cookie. False keeps it in memory and deletes the cookie. @default true */
  consent?: boolean;
  /** Name, lifetime and scope of the tracking cookie. Read once, at mount. */
  cookie?: TrackingCookieOptions;
  /**
   * The tracking id read on the server (`readTrackingId(request)` in your server code), so server and client render
   * alike. Ignored with `consent={false}` (not sent, stored or restored later): pass it only when consent holds.
   */
  initialTrackingId?: string | null;
  /** Reuse this QueryClient; otherwise the app's (from `QueryClientProvider`), otherwise one of our own. */
  queryClient?: QueryClient;
  /**
   * An already created core client (`createVoucherifyClient` or `createValidationClient`); the keys, `apiUrl`,
   * `fetch` and `timeoutMs` are then ignored, and so are `cookie` and `initialTrackingId`: its tracker has its own,
   * and the provider renders that tracker's state. Without it the provider creates a client that only validates.
   */
  client?: ValidationClient;
  /** Texts for every field below, merged over the English defaults: a pack (`voucherkit/messages/de`) chooses the words. */
  messages?: VoucherMessagesInput;
  /** BCP 47 locale for money, percentages and numbers (the formatting, not the words); the browser's when omitted. */
  locale?: string;
  /**
   * ISO 4217 currency of your Voucherify project: the symbol and digits shown. Amounts to and from Voucherify are the
   * value × 100 in every currency ("The value is multiplied by 100 to represent 2 decimal places"): ¥1,000 is
   * 100000, 100 Ft is 10000, 1.50 KD is 150. @default 'USD'
   */
  currency?: string;
  /**
   * Show Voucherify's `customMessage` (the rejection texts set in your dashboard) instead of ours: `true`, or the
   * languages those texts are written in (`['en']`: shown only while the field speaks English). @default false
   */
  customMessages?: boolean | readonly string[];
  fetch?: typeof globalThis.fetch;
  /** Per request (1 to 2^31−1 ms; 0 means the default). @default 8000 */
  timeoutMs?: number;
  children?: ReactNode;
}

// A pure `Object.assign`, not a `displayName` statement: the name stays, and a bundle that never renders
// the component can still drop it when the bundler ignores `sideEffects`.
/**
 * Holds the Voucherify client, the shopper's identity and tracking id (cookie only with consent) and the
 * query cache the hooks share. Nothing touches `document` during render: the cookie is read after mount.
 *
 * @example
 * <VoucherProvider clientApplicationId={id} clientToken={token} consent={analyticsAllowed} currency="GBP">
 *   <VoucherField order={{ amount: cart.total }} />
 * </VoucherProvider>
 */
export const VoucherProvider = /* @__PURE__ */ Object.assign(VoucherProviderComponent, { displayName: 'VoucherProvider' });

function VoucherProviderComponent(props: VoucherProviderProps) {
  const { consent = true, identity, children } = props;
  const appQueryClient = useContext(QueryClientContext);
  const [own] = useState(() => {
    const tracker = props.client?.tracker ?? createTracker({ cookie: props.cookie, consent, initialTrackingId: props.initialTrackingId });
    const client =
      props.client ??
      createProviderClient({
        clientApplicationId: props.clientApplicationId,
        clientToken: props.clientToken,
        // Empty and zero mean "the default", as they always have for these props; NaN is checked, not taken for 0.
        apiUrl: props.apiUrl || undefined,
        fetch: props.fetch,
        timeoutMs: props.timeoutMs === 0 ? undefined : props.timeoutMs,
        tracker,
      });
    const queryClient = props.queryClient || appQueryClient ? null : new QueryClient();
    return { tracker, client, queryClient };
  });
  const { tracker, client } = own;
  const queryClient = props.queryClient ?? appQueryClient ?? (own.queryClient as QueryClient);

  const [isHydrated, setHydrated] = useState(false);
  useEffect(() => {
    // The first read of the cookie, after hydration. Without consent the tracker deletes it instead of reading it.
    tracker.hydrate();
    tracker.setConsent(consent);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the one extra render is the point: the first one must match the server's HTML
    setHydrated(true);
  }, [tracker, consent]);

  const previousIdentity = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (identity) tracker.setIdentity(identity);
    else if (previousIdentity.current) tracker.clearIdentity();
    previousIdentity.current = identity;
  }, [tracker, identity]);

  useEffect(() => {
    const owned = own.queryClient;
    if (!owned) return;
    owned.mount();
    return () => owned.unmount();
  }, [own]);

  // The tracker's state is not part of the value: each hook subscribes to the fields it reads (useTrackerState), so an
  // adopted id re-renders the hooks keyed on it and no other consumer.
  const { messages, locale, currency, customMessages } = props;
  const value = useMemo<VoucherContextValue>(
    () => ({ client, tracker, queryClient, isHydrated, messages: mergeMessages(messages), locale, currency, customMessages }),
    [client, tracker, queryClient, isHydrated, messages, locale, currency, customMessages],
  );
  return <VoucherContext.Provider value={value}>{children}</VoucherContext.Provider>;
}
