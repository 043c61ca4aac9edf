import { useEffect, useState } from 'react';
import type { CartLine } from './catalogue.js';
import { loadNudges, type DemoNudge } from './orderApi.js';

/**
 * The cart's nudges ("Add $26.52 more for 10% off orders over $100") from the demo's server, which reads the tiers'
 * thresholds with the secret keys. Asked again when the cart or the shopper changes; an older answer never wins.
 *
 * @example
 * const nudges = useNudges(cart, identity)
 */
export function useNudges(cart: readonly CartLine[], identity: string | null): DemoNudge[] {
  const [nudges, setNudges] = useState<DemoNudge[]>([]);
  const key = JSON.stringify([cart, identity]);
  useEffect(() => {
    const controller = new AbortController();
    // A short pause, as for the validation: typing a quantity asks once.
    const timer = setTimeout(() => {
      loadNudges(cart, controller.signal).then(setNudges, (error: unknown) => {
        // A nudge is a hint: without it the checkout works as before.
        if (!controller.signal.aborted) console.warn('[demo] no nudges', error);
      });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `key` is the cart and the shopper
  return nudges;
}
