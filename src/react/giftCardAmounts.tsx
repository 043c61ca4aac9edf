'use client';
import { formatMoney } from '../core/discount.js';
import { maskCode } from '../core/maskCode.js';
import type { ValidationResult } from '../core/types.js';
import type { AppliedCode } from './appliedCodes.js';
import { formatMessage, type MoneyFormat, type VoucherMessages } from './messages.js';
import { mergeProps } from './mergeProps.js';
import { onEnter, type VoucherInputProps, type VoucherPropGetters } from './voucherPropGetters.js';

/** One gift card's amount as the field keeps it: the credits chosen (minor units), the text typed, whether it was refused. */
export interface GiftCardAmountState {
  credits?: number | undefined;
  text?: string | undefined;
  bad?: boolean;
}

/** What `useVoucherInput` hands the amount control on each render. Internal to the binding. */
export interface GiftCardAmountsContext {
  /** The field's id prefix: the amount inputs' ids start with it. */
  id: string;
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

/** The amount control's prop getters, which `useVoucherInput` returns (they pass props through without the control). */
export type GiftCardAmountGetters = Pick<VoucherPropGetters, 'getAmountInputProps' | 'getAmountErrorProps'>;

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
export function giftCardAmounts(context: GiftCardAmountsContext): GiftCardAmountGetters {
  const { amounts, setAmounts, messages, format } = context;
  // Keeps the typed text; with `max`, commits it (an amount within (0, max]) or marks it refused.
  const setAmount = (code: string, text: string, max?: number) => {
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
  const amountId = (code: string) => `${context.id}-amount-${context.applied.findIndex((a) => a.requested === code)}`;
  const getters: GiftCardAmountGetters = {
    getAmountInputProps: (code, props) => {
      const control = context.applied.find((a) => a.requested === code)?.amountControl;
      const commit = () => control && setAmount(code, control.value, control.max);
      return mergeProps<VoucherInputProps>(
        {
          id: amountId(code),
          inputMode: 'decimal',
          value: control?.value,
          onChange: (event) => setAmount(code, event.target.value),
          onBlur: commit,
          onKeyDown: onEnter(commit),
          'aria-invalid': Boolean(control?.error) || undefined,
          'aria-describedby': control?.error ? `${amountId(code)}-error` : undefined,
        },
        props,
      );
    },
    getAmountErrorProps: (code, props) => mergeProps({ id: `${amountId(code)}-error` }, props),
  };
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
    // VoucherField's markup of the control, here so that a field without gift card amounts does not carry it.
    const { label, error } = a.amountControl;
    a.amountControl.node = (
      <>
        <label className="voucher-field__amount">
          {label}
          <input {...getters.getAmountInputProps(a.requested, { className: 'voucher-field__input' })} />
        </label>
        {error && <span {...getters.getAmountErrorProps(a.requested, { className: 'voucher-field__error voucher-field__amount' })}>{error}</span>}
      </>
    );
  }
  return getters;
}
