'use client';
import type { ReactNode } from 'react';
import type { Order, RedeemableResult, Rejection, ValidationResult, VoucherifyError } from '../core/index.js';
import { findRedeemable } from '../core/findRedeemable.js';
import { describeDiscount, describeError, describeRejection, formatMessage, type MoneyFormat, type VoucherMessages } from './messages.js';

/** One code the shopper applied, with its latest verdict for the current order. */
export interface AppliedCode {
  /** The code as Voucherify returns it (its canonical form), else as sent. */
  code: string;
  /** The code as it was sent; pass either to `remove`. */
  requested: string;
  /** True when it applies to the current order; false when a re-check rejected it; null while unknown. */
  isValid: boolean | null;
  result: RedeemableResult | null;
  rejection: Rejection | null;
  /** What it does ("15% off"); empty when it does not apply. */
  discount: string;
  /** What it saves on this order, formatted ("£6.00"); empty when the server did not say. */
  amount: string;
  /** The chip's text: "15% off · −£6.00", or why the code no longer applies. */
  message: string;
  /**
   * A gift card that applies: its amount input's label, shown value (major units), the most it can cover now (minor
   * units: min(balance, what is due before it)) and the error text of a refused amount ('' when none), and `node`,
   * the control as `VoucherField` renders it (the labelled input, then the error); else null.
   */
  amountControl?: { label: string; value: string; max: number; error: string; node?: ReactNode } | null;
}

/** The verdict for each applied code, in the shopper's words. */
export function toAppliedCodes(
  codes: readonly string[],
  result: ValidationResult | undefined,
  error: VoucherifyError | null,
  order: Order | undefined,
  messages: VoucherMessages,
  format: MoneyFormat,
): AppliedCode[] {
  return codes.map((requested) => {
    let redeemable = findRedeemable(result, requested) ?? null;
    const code = redeemable?.code ?? requested;
    const isValid = redeemable ? redeemable.status === 'APPLICABLE' : null;
    if (redeemable && isValid && redeemable.discountAmount === null && codes.length === 1 && result?.order) {
      // One code: the order's discount is this code's saving.
      redeemable = { ...redeemable, discountAmount: result.order.totalDiscountAmount };
    }
    const rejection = redeemable?.rejection ?? null;
    let discount = '';
    let amount = '';
    let message = '';
    if (redeemable && isValid) {
      ({ discount, amount } = describeDiscount(messages, redeemable, format));
      message = formatMessage(messages.chip, { code, discount, amount });
    } else if (rejection) message = describeRejection(messages, rejection, code, order, format);
    else if (error) message = describeError(messages, error, code, format.locale);
    return { code, requested, isValid, result: redeemable, rejection, discount, amount, message };
  });
}
