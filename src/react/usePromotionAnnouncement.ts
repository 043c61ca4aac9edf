'use client';
import { useEffect, useState } from 'react';
import type { PromotionMessage, PromotionMessages } from './promotionMessages.js';
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
  // [the applied ids last announced (null before the first answer), the words, how many announcements so far]
  const [state, setState] = useState<[readonly string[] | null, string, number]>([null, '', 0]);
  const key = appliedIds && [...appliedIds].sort().join('\n');
  useEffect(() => {
    if (key === null) return;
    const now = key ? key.split('\n') : [];
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an announcement follows a committed answer, once
    setState(([before, said, count]) => {
      const say = (ids: readonly string[], others: readonly string[], message: PromotionMessage) =>
        ids.filter((id) => !others.includes(id)).map((id) => formatPromotionMessage(message, { name: nameOf(id), locale }, lang));
      const text = before ? [...say(now, before, messages.started), ...say(before, now, messages.stopped)].join('. ') : '';
      return [now, text || said, text ? count + 1 : count];
    });
    // Only a new set of applied tiers is news; names and texts are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // Repeating the same text must still change the region, or screen readers stay silent.
  return state[1] && state[1] + (state[2] % 2 ? '' : '\u00a0');
}
