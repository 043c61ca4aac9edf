'use client';
import { useEffect, useRef, useState } from 'react';
import type { AppliedCode } from './appliedCodes.js';
import { formatMessage, type VoucherMessages } from './messages.js';

/**
 * The text of the field's live region, and `announce()` to change it. It also says "Checking code…" once a
 * check has run for about a second, and speaks up when a cart change turns an applied code invalid (or valid
 * again), rather than letting it change silently.
 */
export function useAnnouncer(isValidating: boolean, applied: AppliedCode[], messages: VoucherMessages): [string, (text: string) => void] {
  const [state, setState] = useState({ text: '', n: 0 });
  const announce = (text: string) => setState((previous) => ({ text, n: previous.n + 1 }));
  const latest = useRef({ messages, applied });
  latest.current = { messages, applied };

  useEffect(() => {
    if (!isValidating) return;
    const timer = setTimeout(() => announce(formatMessage(latest.current.messages.checking)), 1000);
    return () => clearTimeout(timer);
  }, [isValidating]);

  const verdicts = useRef(new Map<string, boolean | null>());
  const signature = applied.map((a) => `${a.requested}:${a.isValid}:${a.message}`).join('|');
  useEffect(() => {
    const { applied: current, messages: texts } = latest.current;
    for (const a of current) {
      const before = verdicts.current.get(a.requested);
      // Only a change of a known verdict: a new code announces itself through apply().
      if (before !== undefined && before !== null && a.isValid !== null && before !== a.isValid) {
        announce(a.isValid ? formatMessage(texts.applied, { code: a.code, discount: a.discount, amount: a.amount }) : a.message);
      }
    }
    verdicts.current = new Map(current.map((a) => [a.requested, a.isValid]));
  }, [signature]);

  // Repeating the same text must still change the region, or screen readers stay silent.
  return [state.text && state.text + (state.n % 2 ? '' : '\u00a0'), announce];
}
