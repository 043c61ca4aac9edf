'use client';
import { useSyncExternalStore } from 'react';
import type { TrackerState } from '../core/index.js';
import type { VoucherContextValue } from './VoucherContext.js';

const noopSubscribe = () => () => undefined;

/**
 * The tracker's state as rendered: the server snapshot until the provider has hydrated, then the live one. Each
 * reader subscribes for itself, so an adopted id re-renders the hooks that key on it and nothing else (the
 * provider's context value never changes with the tracker).
 *
 * @example
 * const { outgoingId, epoch } = useTrackerState(context)
 */
export function useTrackerState({ tracker, isHydrated }: Pick<VoucherContextValue, 'tracker' | 'isHydrated'>): TrackerState {
  return useSyncExternalStore(
    isHydrated ? tracker.subscribe : noopSubscribe,
    isHydrated ? tracker.getSnapshot : tracker.getServerSnapshot,
    tracker.getServerSnapshot,
  );
}
