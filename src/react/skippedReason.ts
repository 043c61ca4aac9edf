'use client';
import type { Category, RedeemableResult, ValidationResult } from '../core/index.js';
import { formatMessage, type Message, type MessageParams } from './messages.js';
import type { PromotionMessage, PromotionMessageParams, PromotionMessages } from './promotionMessages.js';

/** How a list names a redeemable and finds its categories when the answer does not carry them. */
export interface RedeemableNames {
  /** The shopper-facing name: the code, or a tier's banner. */
  name(entry: Pick<RedeemableResult, 'code' | 'object'>): string;
  /** A tier's categories from its qualification, for answers sent without `expand: ['category']`. */
  categories?(entry: Pick<RedeemableResult, 'code' | 'object'>): readonly Category[];
}

/**
 * Renders a promotion text: the field's `formatMessage` with the promotion parameters (`name`, `other`, `category`).
 *
 * @example
 * formatPromotionMessage('{name} now applies', { name: 'Free shipping' }, 'en') // 'Free shipping now applies'
 */
export function formatPromotionMessage(message: PromotionMessage, params: Partial<MessageParams & PromotionMessageParams>, lang: string | undefined): string {
  // `formatMessage` hands a function message every parameter it was given: these blanks make them strings.
  return formatMessage(message as Message, { name: '', other: '', category: '', ...params } as Partial<MessageParams>, lang);
}

const categoriesOf = (entry: RedeemableResult, names: RedeemableNames) => entry.categories ?? names.categories?.(entry) ?? [];

/**
 * Why `entry` was SKIPPED, in the shopper's words, from the same answer: the exclusive redeemable that excluded it
 * is found among the applied entries (by their categories), a failed one among those before it, and "only N per
 * order" takes N from the answer's `stacking_rules` (the key without `_exceeded` is the limit's name).
 *
 * @example
 * skippedReason(result, result.redeemables[1], names, messages, 'en') // "SAVE10 can't be combined with 25% off (cannot be combined)"
 */
export function skippedReason(
  result: ValidationResult,
  entry: RedeemableResult,
  names: RedeemableNames,
  messages: PromotionMessages,
  lang: string | undefined,
  locale?: string,
): string {
  const { redeemables } = result;
  const key = typeof entry.rejection?.details === 'string' ? entry.rejection.details : 'unknown';
  const applied = redeemables.filter((other) => other.status === 'APPLICABLE');
  const limit = (result.stackingRules as Record<string, unknown> | undefined)?.[key.replace('_exceeded', '')];
  // The redeemable a reason names: a failed one before it, else the exclusive one applied (else any applied).
  const named = /exclus|preceding/.test(key);
  const other = !named
    ? undefined
    : key.startsWith('preceding')
      ? redeemables.slice(0, redeemables.indexOf(entry)).find((candidate) => candidate.status === 'INAPPLICABLE')
      : (applied.find((candidate) => categoriesOf(candidate, names).some((category) => category.stacking_rules_type === 'EXCLUSIVE')) ?? applied[0]);
  // A reason that needs a name it cannot find says the general thing rather than "with ".
  const message = (named && !other) || !messages.reasons[key] ? messages.reasons.unknown : messages.reasons[key];
  return formatPromotionMessage(
    message ?? '',
    {
      code: names.name(entry),
      other: other ? names.name(other) : '',
      category: categoriesOf(entry, names)[0]?.name ?? '',
      count: typeof limit === 'number' ? limit : key.startsWith('applicable_redeemables_limit') ? applied.length : 1,
      locale,
    },
    lang,
  );
}
