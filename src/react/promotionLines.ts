'use client';
import { formatMoney, type QualifiedPromotion, type RedeemableResult, type ValidationResult } from '../core/index.js';
import type { PromotionMessage, PromotionMessages } from './promotionMessages.js';
import { formatPromotionMessage, skippedReason, type RedeemableNames } from './skippedReason.js';

/**
 * Where a promotion stands for the current cart:
 * - `applied`: the validation applied it (its saving is in the total);
 * - `suggested`: it qualifies, and the shopper has not opted in (`mode: 'suggest'`);
 * - `skipped`: it qualifies, and the stacking rules left it out (`reason` says why);
 * - `inapplicable`: it qualifies alone, and the validation with the codes refused it;
 * - `pending`: chosen, the validation has not answered yet;
 * - `removed`: it applied earlier, and the cart no longer qualifies;
 * - `nudge`: the cart is one step from it (a nudge from your server's `nudges()`).
 */
export type PromotionStatus = 'applied' | 'suggested' | 'skipped' | 'inapplicable' | 'pending' | 'removed' | 'nudge';

/** A nudge as `voucherkit/server`'s `nudges()` returns it (what the list reads of it). */
export interface PromotionNudge {
  tierId: string;
  banner: string | null;
  /** How much more the cart needs, minor units. */
  missing: number;
}

/** One line of the promotion list. */
export interface PromotionLine {
  /** The tier id (`promo_…`). */
  id: string;
  /** The shopper-facing name: the banner, else the tier's or campaign's name. */
  name: string;
  status: PromotionStatus;
  /** Chosen for the validation: always in `'auto'` mode, the shopper's choice in `'suggest'`. */
  selected: boolean;
  /** What it saves in the validation with the codes, minor units; null when not applied or not said. */
  discountAmount: number | null;
  /** Why it was skipped or refused; empty otherwise. */
  reason: string;
  /** The line's words ("10% off orders over $100 — −$11.50"). */
  text: string;
  /** The qualification entry; null for `removed` and `nudge` lines. */
  promotion: QualifiedPromotion | null;
  /** The validation's entry; null when it has none. */
  result: RedeemableResult | null;
  /** The nudge, for `nudge` lines. */
  nudge: PromotionNudge | null;
}

/** What `promotionLines` needs. */
export interface PromotionLinesInput {
  promotions: readonly QualifiedPromotion[];
  selected: (id: string) => boolean;
  validation: ValidationResult | undefined;
  /** Whether `validation` answers for the current tiers (not a placeholder, not fetching). */
  settled: boolean;
  /** Tiers that applied earlier, by id, with their names. */
  seen: ReadonlyMap<string, string>;
  nudges: readonly PromotionNudge[];
  names: RedeemableNames;
  messages: PromotionMessages;
  lang: string | undefined;
  currency: string;
  locale: string | undefined;
}

/**
 * The promotion lines for the current cart: each qualified tier (applied, suggested, skipped, refused or pending),
 * then the tiers that applied earlier and no longer qualify, a nudge taking the place of such a line when the
 * merchant has one for it, then the other nudges.
 *
 * @example
 * const lines = promotionLines({ promotions, selected: () => true, validation, settled: true, seen, nudges: [], names, messages, lang: 'en', currency: 'USD', locale: undefined })
 */
export function promotionLines(input: PromotionLinesInput): PromotionLine[] {
  const { validation, messages, names, lang, locale } = input;
  const say = (message: PromotionMessage, name: string, amount?: number) =>
    formatPromotionMessage(
      message,
      { name, code: name, amount: amount === undefined ? '' : formatMoney(amount, { currency: input.currency, locale }), locale },
      lang,
    );
  const lines: PromotionLine[] = [];
  const listed = new Set<string>();
  const push = (id: string, name: string, status: PromotionStatus, text: string, rest?: Partial<PromotionLine>) => {
    listed.add(id);
    lines.push({ id, name, status, selected: false, discountAmount: null, reason: '', text, promotion: null, result: null, nudge: null, ...rest });
  };
  const pushNudge = (nudge: PromotionNudge, name: string) =>
    push(nudge.tierId, nudge.banner ?? name, 'nudge', say(messages.nudge, nudge.banner ?? name, nudge.missing), { nudge });
  for (const promotion of input.promotions) {
    const name = names.name({ code: promotion.id, object: 'promotion_tier' });
    const selected = input.selected(promotion.id);
    const result = validation?.redeemables.find((entry) => entry.object === 'promotion_tier' && entry.code === promotion.id) ?? null;
    const state = result?.status;
    // Under ALL a refused tier is dropped before the final answer: settled and absent is refused too.
    const status: PromotionStatus = !selected
      ? 'suggested'
      : state === 'APPLICABLE'
        ? 'applied'
        : state === 'SKIPPED'
          ? 'skipped'
          : state === 'INAPPLICABLE' || (!result && input.settled)
            ? 'inapplicable'
            : 'pending';
    const reason =
      status === 'skipped'
        ? skippedReason(validation!, result!, names, messages, lang, locale)
        : status === 'inapplicable'
          ? say(messages.reasons.unknown ?? '', name)
          : '';
    const discountAmount = status === 'applied' ? (result!.discountAmount ?? null) : null;
    const text =
      status === 'applied'
        ? discountAmount && promotion.discount?.type !== 'UNIT'
          ? say(messages.applied, name, discountAmount)
          : say(messages.appliedAutomatically, name)
        : status === 'suggested'
          ? say(messages.suggest, name)
          : reason || name;
    push(promotion.id, name, status, text, { selected, discountAmount, reason, promotion, result });
  }
  for (const [id, name] of input.seen) {
    const nudge = input.nudges.find((candidate) => candidate.tierId === id);
    if (!listed.has(id)) {
      if (nudge) pushNudge(nudge, name);
      else push(id, name, 'removed', say(messages.removed, name));
    }
  }
  for (const nudge of input.nudges) if (!listed.has(nudge.tierId) && nudge.missing > 0) pushNudge(nudge, nudge.tierId);
  return lines;
}
