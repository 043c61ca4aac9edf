'use client';
import { useSyncExternalStore } from 'react';
import type { TrackerState } from '../core/index.js';
import type { VoucherContextValue } from './VoucherContext.js';

const noopSubscribe = () => () => undefined;

/** The tracker fields a hook may subscribe to: primitives, so an unchanged field never re-renders its reader. */
export type TrackerField = 'identity' | 'trackingId' | 'outgoingId' | 'epoch' | 'consent';

/**
 * One field of the tracker's state, as rendered: the server snapshot until the provider has hydrated, then the live
 * one. Each reader subscribes for itself, so an adopted id re-renders the hooks that key on it and nothing else
 * (the provider's context value never changes with the tracker).
 *
 * @example
 * const outgoingId = useTrackerState(context, 'outgoingId')
 */
export function useTrackerState<K extends TrackerField>(
  { tracker, isHydrated }: Pick<VoucherContextValue, 'tracker' | 'isHydrated'>,
  field: K,
): TrackerState[K] {
  return useSyncExternalStore(
    isHydrated ? tracker.subscribe : noopSubscribe,
    () => (isHydrated ? tracker.getSnapshot() : tracker.getServerSnapshot())[field],
    () => tracker.getServerSnapshot()[field],
  );
}
