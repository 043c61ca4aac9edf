'use client';
import { useEffect, useState } from 'react';

/**
 * `value` once `key` has stopped changing for `delayMs`; the first value at once. Keyed on a fingerprint,
 * so a new object with the same content (a re-rendered cart) is not a change.
 */
export function useDebouncedValue<T>(value: T, key: string, delayMs: number): [T, (value: T) => void] {
  const [state, setState] = useState({ value, key });
  // No delay: taken in this render (React's pattern for state that follows a prop), not one committed render late.
  if (delayMs <= 0 && key !== state.key) setState({ value, key });
  useEffect(() => {
    if (key === state.key || delayMs <= 0) return;
    const timer = setTimeout(() => setState({ value, key }), delayMs);
    return () => clearTimeout(timer);
    // `value` is deliberately not a dependency: `key` stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, state.key, delayMs]);
  return [state.value, (next: T) => setState({ value: next, key })];
}
