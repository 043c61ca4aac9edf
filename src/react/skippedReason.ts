'use client';
import type { Category, RedeemableResult, ValidationResult } from '../core/index.js';
import { formatMessage, type MessageParams } from './messages.js';
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
  const all = { name: '', other: '', category: '', ...params };
  if (typeof message === 'function') return formatMessage((p) => message({ ...all, ...p }), all, lang);
  return formatMessage(message, all as Partial<MessageParams>, lang);
}

const categoriesOf = (entry: RedeemableResult, names: RedeemableNames) => entry.categories ?? names.categories?.(entry) ?? [];
const isExclusive = (entry: RedeemableResult, names: RedeemableNames) =>
  categoriesOf(entry, names).some((category) => category.stacking_rules_type === 'EXCLUSIVE');

/**
 * Why `entry` was SKIPPED, in the shopper's words, from the same answer: the exclusive redeemable that excluded it
 * is found among the applied entries (by their categories), a failed one among those before it, and "only N per
 * order" takes N from the answer's `stacking_rules`. Empty when `entry` was not skipped.
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
  if (entry.status !== 'SKIPPED') return '';
  const key = typeof entry.rejection?.details === 'string' ? entry.rejection.details : 'unknown';
  const rules = result.stackingRules;
  const others = result.redeemables.filter((other) => other !== entry);
  const applied = others.filter((other) => other.status === 'APPLICABLE');
  let other: RedeemableResult | undefined;
  let count = 0;
  if (key === 'exclusion_rules_not_met' || key.startsWith('applicable_exclusive')) {
    other = applied.find((candidate) => isExclusive(candidate, names)) ?? applied[0];
    count = rules?.applicable_exclusive_redeemables_limit ?? 1;
  } else if (key === 'preceding_validation_failed') {
    other = others.slice(0, Math.max(0, result.redeemables.indexOf(entry))).find((candidate) => candidate.status === 'INAPPLICABLE');
  } else if (key === 'applicable_redeemables_limit_exceeded') count = rules?.applicable_redeemables_limit ?? applied.length;
  else if (key === 'applicable_redeemables_per_category_limit_exceeded') count = rules?.applicable_redeemables_per_category_limit ?? 1;
  const category = categoriesOf(entry, names)[0]?.name ?? '';
  const message = messages.reasons[key] ?? messages.reasons.unknown ?? '';
  // A reason that needs a name it cannot find says the general thing rather than "with ".
  const usable =
    (key.includes('exclusive') || key === 'exclusion_rules_not_met' || key === 'preceding_validation_failed') && !other ? messages.reasons.unknown : message;
  return formatPromotionMessage(usable ?? '', { code: names.name(entry), other: other ? names.name(other) : '', category, count, locale }, lang);
}
