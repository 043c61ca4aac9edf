'use client';
import { formatMoney } from '../core/discount.js';
import { maskCode } from '../core/maskCode.js';
import type { ValidationResult } from '../core/types.js';
import type { AppliedCode } from './appliedCodes.js';
import { formatMessage, type MoneyFormat, type VoucherMessages } from './messages.js';

/** One gift card's amount as the field keeps it: the credits chosen (minor units), the text typed, whether it was refused. */
export interface GiftCardAmountState {
  credits?: number | undefined;
  text?: string | undefined;
  bad?: boolean;
}

/** What `useVoucherInput` hands the amount control on each render. Internal to the binding. */
export interface GiftCardAmountsContext {
  applied: AppliedCode[];
  amounts: Record<string, GiftCardAmountState>;
  setAmounts(amounts: Record<string, GiftCardAmountState>): void;
  /** The chosen credits of the applied codes. */
  giftCredits: Record<string, number> | undefined;
  /** The latest result for the applied codes: its `order.totalAmount` is what is still due after all of them. */
  result: ValidationResult | undefined;
  messages: VoucherMessages;
  format: MoneyFormat;
  options: { onGiftCreditsChange?: ((giftCredits: Record<string, number>) => void) | undefined };
}

/** Sets a gift card's typed text; with `max`, commits it (an amount within (0, max]) or marks it refused. */
export type SetGiftCardAmount = (code: string, text: string, max?: number) => void;

/**
 * The gift card amount control, opt-in so a field without gift cards does not carry it: pass it as `giftCardAmounts`
 * to `VoucherField` or `useVoucherInput`. Each applied gift card then gets `amountControl` (label, value, max, error)
 * and `getAmountInputProps`: the shopper can use less than min(balance, amount due), the default. An amount in major
 * units ("37", "37.50", either decimal mark) within (0, max] is kept; anything else is refused with an error, never
 * clamped.
 *
 * @example
 * import { giftCardAmounts, VoucherField } from 'voucherkit';
 * <VoucherField stacking order={cart} giftCardAmounts={giftCardAmounts} onGiftCreditsChange={setGiftCredits} />
 */
export function giftCardAmounts(context: GiftCardAmountsContext): SetGiftCardAmount {
  const { amounts, setAmounts, messages, format } = context;
  for (const a of context.applied) {
    const gift = a.isValid && a.result?.gift;
    if (!gift) continue;
    const { credits = gift.credits ?? 0, text, bad } = amounts[a.requested] ?? {};
    // The most this card can cover now: its balance, and what is due before it (what it covers plus what is left).
    const max = Math.min(gift.balance ?? 0, (gift.credits ?? 0) + (context.result?.order?.totalAmount ?? 0));
    a.amountControl = {
      label: formatMessage(messages.giftAmountLabel, { code: maskCode(a.code), value: format.currency }, messages.locale),
      value: text ?? (credits / 100).toFixed(credits % 100 ? 2 : 0),
      max,
      error: bad ? formatMessage(messages.giftAmountInvalid, { amount: formatMoney(max, format), locale: format.locale }, messages.locale) : '',
    };
  }
  return (code, text, max) => {
    const amount = amounts[code];
    if (max === undefined) return setAmounts({ ...amounts, [code]: { credits: amount?.credits, text } });
    // Leaving an input that was not edited commits nothing: the card keeps following the cart.
    if (amount?.text === undefined) return;
    const credits = /^\s*\d+([.,]\d\d?)?\s*$/.test(text) ? Math.round(parseFloat(text.replace(',', '.')) * 100) : 0;
    if (credits > 0 && credits <= max) {
      setAmounts({ ...amounts, [code]: { credits } });
      context.options.onGiftCreditsChange?.({ ...context.giftCredits, [code]: credits });
    } else setAmounts({ ...amounts, [code]: { ...amount, bad: true } });
  };
}
