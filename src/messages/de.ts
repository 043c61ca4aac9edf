'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * German texts for every key of the English messages: `voucherkit/messages/de`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { deMessages } from 'voucherkit/messages/de';
 * <VoucherProvider messages={deMessages} locale="de-DE" currency="EUR" clientApplicationId={id} clientToken={token} />
 */
export const deMessages: VoucherMessages = {
  locale: 'de',
  toggle: 'Haben Sie einen Gutscheincode?',
  label: 'Gutscheincode',
  hint: '',
  placeholder: '',
  apply: 'Einlösen',
  applying: 'Wird eingelöst…',
  remove: 'Entfernen',
  removeLabel: 'Code {code} entfernen',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} eingelöst: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, Sie sparen ${p.amount}` : ''}`,
  removed: 'Code entfernt',
  checking: 'Code wird geprüft…',
  errorPrefix: 'Fehler:',
  discountPercent: '{value} Rabatt',
  discountAmount: '{value} Rabatt',
  discountFixed: 'Neuer Preis: {value}',
  discountUnit: { one: '{value} Artikel gratis', other: '{value} Artikel gratis' },
  discountGift: 'Geschenkkarte {code} — {value} Guthaben, {amount} verwendet',
  giftAmountLabel: 'Betrag von {code} ({value})',
  giftAmountInvalid: 'Geben Sie einen Betrag bis {amount} ein',
  rejections: {
    empty: 'Bitte geben Sie einen Gutscheincode ein',
    too_long: {
      one: 'Ein Gutscheincode hat höchstens {maxLength} Zeichen. Bitte prüfen Sie den Code',
      other: 'Ein Gutscheincode hat höchstens {maxLength} Zeichen. Bitte prüfen Sie den Code',
    },
    already_applied: '{code} ist bereits eingelöst',
    duplicated_redeemables: '{code} ist bereits eingelöst',
    not_found: '{code} wurde nicht gefunden. Bitte prüfen Sie den Code in Ihrer E-Mail',
    voucher_expired: '{code} ist abgelaufen',
    voucher_not_active: '{code} ist noch nicht gültig',
    voucher_not_active_now: '{code} ist zu dieser Zeit nicht gültig',
    promotion_inactive: '{code} ist noch nicht gültig',
    voucher_disabled: '{code} ist nicht mehr verfügbar',
    quantity_exceeded: '{code} wurde bereits zu oft eingelöst',
    order_rules_violated: (p) =>
      p.amount ? `Fügen Sie noch ${p.amount} hinzu, um ${p.code} zu nutzen` : `Ihre Bestellung erfüllt die Bedingungen von ${p.code} nicht`,
    customer_rules_violated: '{code} ist für Ihr Konto nicht verfügbar',
    missing_customer: 'Bitte melden Sie sich an, um {code} zu nutzen',
    redemption_rules_violated: '{code} gilt nicht für diese Bestellung',
    gift_amount_exceeded: '{code} hat nicht mehr genug Guthaben',
    skipped: '{code} lässt sich nicht mit Ihren anderen Codes kombinieren',
    unknown: '{code} kann für diese Bestellung nicht eingelöst werden',
  },
  errors: {
    network: 'Ihr Code konnte nicht geprüft werden. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut',
    offline: 'Sie sind offline. Bitte verbinden Sie sich und versuchen Sie es erneut',
    timeout: 'Die Prüfung hat zu lange gedauert. Bitte versuchen Sie es erneut',
    rate_limited: {
      '=0': 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es erneut',
      one: 'Zu viele Versuche. Bitte warten Sie {seconds} Sekunde und versuchen Sie es erneut',
      other: 'Zu viele Versuche. Bitte warten Sie {seconds} Sekunden und versuchen Sie es erneut',
    },
    auth: 'Gutscheincodes können gerade nicht geprüft werden. Bitte versuchen Sie es später erneut',
    invalid_response: 'Beim Prüfen Ihres Codes ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut',
    api: 'Beim Prüfen Ihres Codes ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut',
  },
  promotions: {
    listLabel: 'Aktionen',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — automatisch angewendet',
    suggest: '{name} anwenden',
    removed: '{name} — gilt nicht mehr für Ihren Warenkorb',
    nudge: 'Noch {amount} bis {name}',
    started: '{name} gilt jetzt',
    stopped: '{name} gilt nicht mehr',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Pro Bestellung ist nur {count} Rabatt möglich, daher wurde {code} nicht angewendet',
        other: 'Pro Bestellung sind nur {count} Rabatte möglich, daher wurde {code} nicht angewendet',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Aus {category} ist nur {count} Rabatt pro Bestellung möglich, daher wurde {code} nicht angewendet',
        other: 'Aus {category} sind nur {count} Rabatte pro Bestellung möglich, daher wurde {code} nicht angewendet',
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} lässt sich nicht mit {other} kombinieren',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} lässt sich nicht mit {other} aus {category} kombinieren',
      exclusion_rules_not_met: '{code} lässt sich nicht mit {other} kombinieren',
      preceding_validation_failed: '{code} wurde nicht angewendet, weil {other} nicht gilt',
      no_effect: '{code} bringt bei dieser Bestellung keinen Rabatt',
      unknown: '{code} lässt sich nicht mit Ihren anderen Rabatten kombinieren',
    },
  },
};
