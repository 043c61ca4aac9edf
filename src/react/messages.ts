'use client';
import { numberFormat } from '../core/discount.js';
import { maskCode } from '../core/maskCode.js';
import {
  formatDiscount,
  formatMoney,
  type Order,
  type RedeemableResult,
  type Rejection,
  type VoucherifyError,
  type VoucherifyErrorKind,
} from '../core/index.js';
import type { Message, MessageParams } from './message.js';
import type { PromotionMessagesInput } from './promotionMessages.js';

export type { Message, MessageParams, PluralMessage } from './message.js';

/**
 * Every text the field shows or announces. Override any of them through the `messages` prop, or pass a whole pack:
 * `voucherkit/messages/de` (en, de, fr, es, it, nl, pl, pt).
 */
export interface VoucherMessages {
  /** BCP 47 language these texts are written in: it picks the plural forms and is matched against `customMessages`. */
  locale: string;
  toggle: Message;
  label: Message;
  /** Shown under the label and linked with `aria-describedby`; nothing when empty. */
  hint: Message;
  /** An example only, never the label. */
  placeholder: Message;
  apply: Message;
  applying: Message;
  /** Visible text of a chip's remove button. */
  remove: Message;
  /** Accessible name of a chip's remove button. */
  removeLabel: Message;
  /** What a chip says about its code. */
  chip: Message;
  /** Announced after a code applies. */
  applied: Message;
  removed: Message;
  /** Announced only when a check takes longer than about a second. */
  checking: Message;
  /** Visually hidden before the error text. */
  errorPrefix: Message;
  discountPercent: Message;
  discountAmount: Message;
  discountFixed: Message;
  discountUnit: Message;
  /** A gift card: `code` masked (····FT50), `value` its balance, `amount` what it covers on this order. */
  discountGift: Message;
  /** Label of a gift card's amount input: `code` masked, `value` the currency (USD). */
  giftAmountLabel: Message;
  /** A gift card amount out of range or not a number: `amount` is the most the card can cover now. */
  giftAmountInvalid: Message;
  /** Why a code does not apply, by Voucherify's rejection key, plus `empty`, `too_long`, `already_applied`, `skipped`, `unknown`. */
  rejections: Record<string, Message>;
  /** Why a code could not be checked, by `VoucherifyError.kind`, plus `offline`. Never says "invalid". */
  // The redeem guard's kind is the server's alone: no browser call can end in it.
  errors: Record<Exclude<VoucherifyErrorKind, 'redeem_guard'> | 'offline', Message>;
  /**
   * The promotion texts (`PromotionList`, `usePromotions`, the SKIPPED reasons), over their English defaults. Only
   * the promotion code reads them: the field's bundle holds none of these words.
   */
  promotions?: PromotionMessagesInput;
}

/** `messages` as a prop: any subset, with `rejections` and `errors` merged key by key. */
export type VoucherMessagesInput = Partial<Omit<VoucherMessages, 'rejections' | 'errors'>> & {
  rejections?: Partial<VoucherMessages['rejections']>;
  errors?: Partial<VoucherMessages['errors']>;
};

const wrong = 'Something went wrong while checking your code. Try again';

/**
 * The English defaults.
 *
 * @example
 * <VoucherField messages={{ toggle: 'Got a voucher?', rejections: { voucher_expired: 'Sorry, {code} ran out' } }} />
 */
export const defaultMessages: VoucherMessages = {
  locale: 'en',
  toggle: 'Have a promo code?',
  label: 'Promo code',
  hint: '',
  placeholder: '',
  apply: 'Apply',
  applying: 'Applying…',
  remove: 'Remove',
  removeLabel: 'Remove code {code}',
  // An AMOUNT discount already names its saving ("$10.00 off"); saying it twice reads as a bug.
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} applied: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, you save ${p.amount}` : ''}`,
  removed: 'Code removed',
  checking: 'Checking code…',
  errorPrefix: 'Error:',
  discountPercent: '{value} off',
  discountAmount: '{value} off',
  discountFixed: 'Price set to {value}',
  discountUnit: { one: '{value} free item', other: '{value} free items' },
  discountGift: 'Gift card {code} — {value} balance, {amount} applied',
  giftAmountLabel: 'Amount to use from {code} ({value})',
  giftAmountInvalid: 'Enter an amount up to {amount}',
  rejections: {
    empty: 'Enter a promo code',
    too_long: {
      one: 'A promo code has at most {maxLength} character. Check the code and try again',
      other: 'A promo code has at most {maxLength} characters. Check the code and try again',
    },
    already_applied: '{code} is already applied',
    duplicated_redeemables: '{code} is already applied',
    not_found: "We couldn't find {code}. Check the code in your e-mail and try again",
    voucher_expired: '{code} has expired',
    voucher_not_active: "{code} isn't active yet",
    voucher_not_active_now: "{code} can't be used at this time",
    promotion_inactive: "{code} isn't active yet",
    voucher_disabled: '{code} is no longer available',
    quantity_exceeded: '{code} has been used the maximum number of times',
    order_rules_violated: (p) => (p.amount ? `Add ${p.amount} more to use ${p.code}` : `Your order doesn't meet the conditions of ${p.code}`),
    customer_rules_violated: "{code} isn't available for your account",
    missing_customer: 'Sign in to use {code}',
    redemption_rules_violated: "{code} can't be used with this order",
    gift_amount_exceeded: "{code} doesn't have enough balance left",
    skipped: "{code} can't be combined with your other codes",
    unknown: "{code} can't be applied to this order",
  },
  errors: {
    network: "We couldn't check your code. Check your connection and try again",
    offline: "You're offline. Reconnect and try again",
    timeout: 'Checking your code took too long. Try again',
    rate_limited: {
      '=0': 'Too many attempts. Wait a moment and try again',
      one: 'Too many attempts. Wait {seconds} second and try again',
      other: 'Too many attempts. Wait {seconds} seconds and try again',
    },
    auth: "Promo codes can't be checked right now. Try again later",
    invalid_response: wrong,
    api: wrong,
  },
};

/** Defaults, then the provider's messages, then the field's: later ones win key by key. */
export function mergeMessages(...layers: Array<VoucherMessagesInput | undefined>): VoucherMessages {
  let merged = defaultMessages;
  for (const layer of layers) {
    if (!layer) continue;
    merged = {
      ...merged,
      ...(layer as Partial<VoucherMessages>),
      rejections: { ...merged.rejections, ...(layer.rejections as Record<string, Message>) },
      errors: { ...merged.errors, ...(layer.errors as VoucherMessages['errors']) },
    };
  }
  return merged;
}

const blank: MessageParams = {
  code: '',
  discount: '',
  amount: '',
  value: '',
  seconds: 0,
  maxLength: 0,
  count: 0,
  locale: undefined,
  rejection: null,
  error: null,
};

// One PluralRules, rebuilt only when the messages' language changes: a page speaks one language.
let plurals: [string | undefined, Intl.PluralRules] | undefined;

/**
 * Renders a message with its parameters: the plural form for `params.count` in `lang` (the messages' language),
 * numbers formatted for `params.locale`. Output is plain text, rendered by React as text, never as HTML.
 *
 * @example
 * formatMessage('{code} has expired', { code: 'SPRING' }) // 'SPRING has expired'
 * formatMessage({ one: '{count} item', other: '{count} items' }, { count: 1200, locale: 'de-DE' }, 'de') // '1.200 items'
 */
export function formatMessage(message: Message, params: Partial<MessageParams> = {}, lang = params.locale): string {
  const all = { ...blank, ...params };
  if (typeof message === 'function') return message(all);
  if (typeof message !== 'string') {
    if (!plurals || plurals[0] !== lang) plurals = [lang, new Intl.PluralRules(lang)];
    message = message[`=${all.count}`] ?? message[plurals[1].select(all.count)] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = all[key as keyof MessageParams];
    return typeof value === 'number' ? numberFormat(all.locale).format(value) : String(value ?? '');
  });
}

/** Money, locale and the merchant's own texts, for the texts. */
export interface MoneyFormat {
  currency: string;
  locale?: string | undefined;
  /** Whether Voucherify's `customMessage` replaces our text: `true`, or the languages the dashboard texts are in. */
  customMessages?: boolean | readonly string[] | undefined;
}

const language = (tag: string) => tag.split('-')[0]!.toLowerCase();

// Voucherify's rule errors do not carry the threshold; the sandbox (and merchants' custom rules) may state
// it in `details`, e.g. "order amount must be at least 5000".
const minimumPattern = /(?:minimum|at least)\D{0,40}?(\d+)/i;

/**
 * Why a code does not apply, in the shopper's words. The merchant's `customMessage` is shown instead only when
 * `format.customMessages` is `true` or names the messages' language; it stays in the rejection either way.
 */
export function describeRejection(
  messages: VoucherMessages,
  rejection: Rejection,
  code: string,
  order: Order | undefined,
  format: MoneyFormat,
  maxLength = 64,
): string {
  const own = format.customMessages;
  if (rejection.customMessage && (own === true || (own && own.some((tag) => language(tag) === language(messages.locale))))) return rejection.customMessage;
  let amount = '';
  if (rejection.key === 'order_rules_violated' && typeof order?.amount === 'number') {
    const minimum = Number(minimumPattern.exec(`${rejection.details ?? ''} ${rejection.message}`)?.[1] ?? Number.NaN);
    if (minimum > order.amount) amount = formatMoney(minimum - order.amount, format);
  }
  return formatMessage(
    messages.rejections[rejection.key] ?? messages.rejections.unknown ?? '',
    { code, amount, rejection, maxLength, count: maxLength, locale: format.locale },
    messages.locale,
  );
}

/** Why a code could not be checked. Transport failures never read as an invalid code. */
export function describeError(messages: VoucherMessages, error: VoucherifyError, code: string, locale?: string): string {
  const kind = error.kind === 'network' && error.key === 'offline' ? 'offline' : error.kind;
  const seconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 0;
  return formatMessage(
    messages.errors[kind as keyof VoucherMessages['errors']] ?? messages.errors.api,
    { code, seconds, count: seconds, error, locale },
    messages.locale,
  );
}

/** What an applying code does ("15% off") and what it saves on this order, as the server computed it. */
export function describeDiscount(messages: VoucherMessages, redeemable: RedeemableResult, format: MoneyFormat): { discount: string; amount: string } {
  const { discount, gift } = redeemable;
  const value = formatDiscount({ discount, gift }, format);
  const message = gift
    ? messages.discountGift
    : discount?.type === 'PERCENT'
      ? messages.discountPercent
      : discount?.type === 'FIXED'
        ? messages.discountFixed
        : discount?.type === 'UNIT'
          ? messages.discountUnit
          : messages.discountAmount;
  const amount = redeemable.discountAmount ? formatMoney(redeemable.discountAmount, format) : '';
  return {
    discount: formatMessage(
      message,
      {
        // A gift card is money: its code is shown as a receipt shows a card.
        code: gift ? maskCode(redeemable.code) : redeemable.code,
        value,
        amount,
        count: discount?.type === 'UNIT' ? (discount.unit_off ?? discount.units?.length ?? 0) : 0,
        locale: format.locale,
      },
      messages.locale,
    ),
    amount,
  };
}
