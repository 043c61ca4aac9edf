'use client';
import type { MessageParams, PluralMessage } from './messages.js';

/**
 * Parameters of the promotion texts, besides the field's (`code`, `amount`, `count`, `locale`): `name` is the
 * promotion's or code's shopper-facing name, `other` the redeemable that caused a skip (exclusivity), `category`
 * the category whose limit was reached.
 */
export interface PromotionMessageParams {
  name: string;
  other: string;
  category: string;
}

/** A promotion text: a string with `{placeholders}`, plural forms, or a function of the parameters. */
export type PromotionMessage = string | PluralMessage | ((params: MessageParams & PromotionMessageParams) => string);

/**
 * Every text of `PromotionList` and `usePromotions`, and the words of each SKIPPED reason (Voucherify's seven
 * `result.details.key` values) the field shows through `usePromotions().fieldProps.messages`. English here; each
 * pack (`voucherkit/messages/de`, …) carries its own under `promotions`. Placeholders: `{name}`, `{amount}`,
 * `{other}`, `{category}`, `{code}`, `{count}`.
 */
export interface PromotionMessages {
  /** The list's accessible name. */
  listLabel: PromotionMessage;
  /** An applied promotion that saves a known amount ("10% off orders over $100 — −$11.50"). */
  applied: PromotionMessage;
  /** An applied promotion whose saving is not money off (free shipping added as an item, a gift). */
  appliedAutomatically: PromotionMessage;
  /** A suggested promotion's checkbox label. */
  suggest: PromotionMessage;
  /** A promotion that applied before the cart changed. */
  removed: PromotionMessage;
  /** "Add $12.01 more for 10% off". */
  nudge: PromotionMessage;
  /** Announced when a promotion starts applying. */
  started: PromotionMessage;
  /** Announced when a promotion stops applying. */
  stopped: PromotionMessage;
  /**
   * Why a code or promotion was SKIPPED, by `result.details.key`, plus `unknown`. `{code}` is the skipped one's
   * name, `{other}` the redeemable that excluded it, `{category}` the category, `{count}` the answer's limit.
   */
  reasons: Record<string, PromotionMessage>;
}

/** `PromotionMessages` as an input: any subset, `reasons` merged key by key. */
export type PromotionMessagesInput = Partial<Omit<PromotionMessages, 'reasons'>> & { reasons?: Partial<PromotionMessages['reasons']> };

/**
 * The English promotion texts.
 *
 * @example
 * <PromotionList promotions={promotions} messages={{ nudge: 'Only {amount} to go for {name}' }} />
 */
export const defaultPromotionMessages: PromotionMessages = {
  listLabel: 'Promotions',
  applied: '{name} — −{amount}',
  appliedAutomatically: '{name} — applied automatically',
  suggest: 'Apply {name}',
  removed: '{name} — no longer applies to your cart',
  nudge: 'Add {amount} more for {name}',
  started: '{name} now applies',
  stopped: '{name} no longer applies',
  reasons: {
    // Worded to need no plural forms: "(1 per order)" and "(5 per order)" both read right.
    applicable_redeemables_limit_exceeded: "Discount limit reached ({count} per order): {code} wasn't applied",
    applicable_redeemables_per_category_limit_exceeded: "Limit for {category} reached ({count} per order): {code} wasn't applied",
    applicable_exclusive_redeemables_limit_exceeded: "{code} can't be combined with {other}",
    applicable_exclusive_redeemables_per_category_limit_exceeded: "{code} can't be combined with {other} from {category}",
    exclusion_rules_not_met: "{code} can't be combined with {other}",
    preceding_validation_failed: "{code} wasn't applied because {other} doesn't apply",
    no_effect: '{code} takes nothing off this order',
    unknown: "{code} can't be combined with your other discounts",
  },
};

/**
 * Defaults, then the pack's `promotions`, then the component's: later ones win, `reasons` key by key.
 *
 * @example
 * mergePromotionMessages(deMessages.promotions, { nudge: 'Noch {amount} bis {name}' })
 */
export function mergePromotionMessages(...layers: Array<PromotionMessagesInput | undefined>): PromotionMessages {
  let merged = defaultPromotionMessages;
  for (const layer of layers) {
    if (layer)
      merged = { ...merged, ...(layer as Partial<PromotionMessages>), reasons: { ...merged.reasons, ...(layer.reasons as Record<string, PromotionMessage>) } };
  }
  return merged;
}
