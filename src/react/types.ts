'use client';
import type { Customer, NormalizeCodeOptions, Order, Rejection, ValidationResult, VoucherifyError } from '../core/index.js';
import type { ApplyOutcome, VoucherInputStatus } from '../core/voucherInputTypes.js';
import type { AppliedCode } from './appliedCodes.js';
import type { GiftCardAmountsContext, GiftCardAmountGetters } from './giftCardAmounts.js';
import type { VoucherMessages, VoucherMessagesInput } from './messages.js';
import type { VoucherPropGetters } from './voucherPropGetters.js';

export type { ApplyOutcome, VoucherInputStatus } from '../core/voucherInputTypes.js';

/** Options of `useVoucherInput`. */
export interface UseVoucherInputOptions {
  /** The cart, amounts as Voucherify writes them (value × 100 in every currency); a change re-checks the applied codes. */
  order?: Order;
  customer?: Customer;
  metadata?: Record<string, unknown>;
  /**
   * Promotion tier ids to validate beside the codes, from `usePromotions` (`{...promotions.fieldProps}` passes them
   * with the order they were qualified for): the field's validation then carries the codes and the tiers together,
   * the same request as `usePromotions().validation`. None when omitted.
   */
  promotions?: readonly string[];
  /** Several codes at once, each with its own verdict and remove. @default false */
  stacking?: boolean;
  /**
   * The applied codes, controlled: the field shows these and asks for changes through `onCodesChange`
   * (apply, Remove). Pass the same list to `useValidate(codes, { order })` for the totals.
   */
  codes?: readonly string[];
  /** Called with the new list whenever the field applies or removes a code, controlled or not. */
  onCodesChange?: (codes: string[]) => void;
  /**
   * The applied codes at mount, uncontrolled (the field keeps the list). They are re-checked, not re-applied:
   * a code that no longer applies shows as a rejected chip. @default []
   */
  defaultCodes?: readonly string[];
  /**
   * A code the field applies once on mount, as if typed and applied (e.g. from a `?promo=` link): a rejection
   * shows in the input with its reason. Works controlled and uncontrolled; skipped when already applied.
   */
  initialCode?: string;
  /** Start with the field disclosed. @default Boolean(initialCode) */
  defaultOpen?: boolean;
  /** Longest code and letter case; codes are trimmed and stripped of control characters in any case. */
  normalize?: NormalizeCodeOptions;
  /** Wait after a cart change before re-checking (0 to 2^31−1 ms; 0: at once). @default 300 */
  debounceMs?: number;
  /** Texts over the provider's: a pack (`voucherkit/messages/de`) or any keys. The pack chooses the words. */
  messages?: VoucherMessagesInput;
  /**
   * ISO 4217 currency of the project; the provider's, else 'USD'. It sets the symbol and digits shown; amounts stay
   * Voucherify's value × 100 in every currency (¥1,000 is 100000).
   */
  currency?: string;
  /** BCP 47 locale for money and numbers (the provider's, else the browser's). The locale chooses the formatting. */
  locale?: string;
  /**
   * Show Voucherify's `customMessage` (the rejection text set in your dashboard) instead of ours: `true`, or the
   * languages your dashboard texts are written in (`['de']`: shown while the field's messages are German).
   * Otherwise the shopper reads our text in the field's language; `rejection.customMessage` is there either way.
   * The provider's, else `false`.
   */
  customMessages?: boolean | readonly string[];
  /** Base for the element ids; `useId()` when omitted. */
  id?: string;
  onApplied?: (result: ValidationResult, code: string) => void;
  onRemoved?: (code: string) => void;
  onRejected?: (rejection: Rejection, code: string) => void;
  onError?: (error: VoucherifyError, code: string) => void;
  /**
   * The gift card amount control, opt-in: pass `giftCardAmounts` (from 'voucherkit') and each applied gift card gets
   * `amountControl` and `getAmountInputProps`, so the shopper can use less than the card covers. Without it a card
   * takes min(balance, amount due), and the field's bundle carries no amount logic.
   */
  giftCardAmounts?: (context: GiftCardAmountsContext) => GiftCardAmountGetters;
  /** Called with the credits chosen per gift card code (minor units) when the shopper sets an amount: send them to your server's `redeem`. */
  onGiftCreditsChange?: (giftCredits: Record<string, number>) => void;
}

/** Everything a voucher field needs: state, actions, texts and prop getters. */
export interface UseVoucherInputResult extends VoucherPropGetters {
  value: string;
  setValue(value: string): void;
  /** Text typed but not applied (normalised), for a "you haven't applied your code" guard; else null. */
  pendingCode: string | null;
  status: VoucherInputStatus;
  /** A code is being checked (also while re-checking after a cart change). */
  isPending: boolean;
  /** The last attempt was rejected; drives `aria-invalid`. Cleared by the next edit. */
  isInvalid: boolean;
  /** The applied codes and their verdicts for the current order. */
  applied: AppliedCode[];
  /** The latest result for the applied codes, with the server's order totals; null when none is applied. */
  result: ValidationResult | null;
  rejection: Rejection | null;
  error: VoucherifyError | null;
  /** The error or rejection text for the field, or null. */
  errorMessage: string | null;
  /** The live region's text. */
  announcement: string;
  /** The merged texts. */
  messages: VoucherMessages;
  stacking: boolean;
  isOpen: boolean;
  open(): void;
  close(): void;
  /** Applies `code`, or the typed value. While a check is in flight, returns that check instead of starting another. */
  apply(code?: string): Promise<ApplyOutcome>;
  /** Removes one applied code, or the last one. */
  remove(code?: string): void;
  /** The credits the shopper chose per applied gift card code (minor units); undefined while every card takes its default. */
  giftCredits: Record<string, number> | undefined;
}
