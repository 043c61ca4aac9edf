'use client';
import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Tracker, ValidationClient } from '../core/index.js';
import type { VoucherMessages } from './messages.js';

/** What the provider shares with the hooks. Internal: read it through `useVoucherify` or the hooks. */
export interface VoucherContextValue {
  client: ValidationClient;
  tracker: Tracker;
  queryClient: QueryClient;
  /**
   * False until the provider's mount effect has read the cookie: readers of the tracker render its server snapshot
   * until then (`useTrackerState`). The tracker's state itself is not in the value, so an adopted id re-renders only
   * the hooks that read it.
   */
  isHydrated: boolean;
  messages: VoucherMessages;
  locale: string | undefined;
  currency: string | undefined;
  customMessages: boolean | readonly string[] | undefined;
}

/** Null by default, so a hook outside the provider can say so instead of failing somewhere deeper. */
// Pure, and named without a statement: importing one helper from `voucherkit` must not keep the React layer.
export const VoucherContext = /* @__PURE__ */ Object.assign(/* @__PURE__ */ createContext<VoucherContextValue | null>(null), {
  displayName: 'VoucherContext',
});

/** The provider's value, or an error that names the hook and the fix. */
export function useVoucherContext(useCase: string): VoucherContextValue {
  const value = useContext(VoucherContext);
  if (!value) {
    // The how-to-fix sentence is a development hint; production keeps the error and what it names.
    let hint = '';
    if (typeof process !== 'undefined') {
      if (process.env.NODE_ENV !== 'production') {
        hint = ` Wrap the part of your app that calls ${useCase} in <VoucherProvider clientApplicationId="…" clientToken="…">.`;
      }
    }
    throw new Error(`${useCase} must be used inside <VoucherProvider>.${hint}`);
  }
  return value;
}
