'use client';
import type { Ref } from 'react';

/** One ref callback that feeds every given ref. */
export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(node);
      else if (ref) (ref as { current: T | null }).current = node;
    }
  };
}

type Props = Record<string, unknown>;

/**
 * Our props with the user's on top: user values win, except that event handlers are chained (the user's
 * first; ours unless it called `preventDefault()`) and refs are merged, so nothing of ours is lost by accident.
 */
export function mergeProps<T extends object>(ours: T, user: object | undefined): T {
  if (!user) return ours;
  const merged: Props = { ...(ours as Props), ...(user as Props) };
  for (const [key, theirs] of Object.entries(user)) {
    const mine = (ours as Props)[key];
    if (key === 'ref') merged.ref = mergeRefs(mine as Ref<unknown>, theirs as Ref<unknown>);
    else if (typeof mine === 'function' && typeof theirs === 'function' && /^on[A-Z]/.test(key)) {
      merged[key] = (event: { defaultPrevented?: boolean }) => {
        theirs(event);
        if (!event?.defaultPrevented) (mine as (event: unknown) => void)(event);
      };
    }
  }
  return merged as T;
}
