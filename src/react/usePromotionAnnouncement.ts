'use client';
import { useEffect, useState } from 'react';
import type { PromotionMessages } from './promotionMessages.js';
import { formatPromotionMessage } from './skippedReason.js';

/**
 * The live region's words when the applied promotions change between two settled answers (a cart change, an
 * opt-in): "Free shipping now applies", "10% off orders over $100 no longer applies". Nothing for the first answer
 * (the page's own content, not a change) and nothing while an answer is pending (`appliedIds` null).
 *
 * @example
 * const announcement = usePromotionAnnouncement(appliedIds, nameOf, messages, 'en', 'en-US')
 */
export function usePromotionAnnouncement(
  appliedIds: readonly string[] | null,
  nameOf: (id: string) => string,
  messages: PromotionMessages,
  lang: string | undefined,
  locale: string | undefined,
): string {
  const [state, setState] = useState<{ applied: readonly string[] | null; text: string; count: number }>({ applied: null, text: '', count: 0 });
  const key = appliedIds ? [...appliedIds].sort().join('\n') : null;
  useEffect(() => {
    if (key === null) return;
    const now = key ? key.split('\n') : [];
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an announcement follows a committed answer, once
    setState((previous) => {
      if (previous.applied === null) return { ...previous, applied: now };
      const started = now.filter((id) => !previous.applied!.includes(id));
      const stopped = previous.applied.filter((id) => !now.includes(id));
      if (started.length === 0 && stopped.length === 0) return previous;
      const text = [
        ...started.map((id) => formatPromotionMessage(messages.started, { name: nameOf(id), locale }, lang)),
        ...stopped.map((id) => formatPromotionMessage(messages.stopped, { name: nameOf(id), locale }, lang)),
      ].join('. ');
      return { applied: now, text, count: previous.count + 1 };
    });
    // Only a new set of applied tiers is news; names and texts are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // Repeating the same text must still change the region, or screen readers stay silent.
  return state.text && state.text + (state.count % 2 ? '' : '\u00a0');
}
