'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * Polish texts for every key of the English messages: `voucherkit/messages/pl`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { plMessages } from 'voucherkit/messages/pl';
 * <VoucherProvider messages={plMessages} locale="pl-PL" currency="PLN" clientApplicationId={id} clientToken={token} />
 */
export const plMessages: VoucherMessages = {
  locale: 'pl',
  toggle: 'Masz kod rabatowy?',
  label: 'Kod rabatowy',
  hint: '',
  placeholder: '',
  apply: 'Zastosuj',
  applying: 'Stosowanie…',
  remove: 'Usuń',
  removeLabel: 'Usuń kod {code}',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `Zastosowano ${p.code}: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, oszczędzasz ${p.amount}` : ''}`,
  removed: 'Kod usunięty',
  checking: 'Sprawdzanie kodu…',
  errorPrefix: 'Błąd:',
  discountPercent: '{value} rabatu',
  discountAmount: '{value} rabatu',
  discountFixed: 'Cena ustalona na {value}',
  discountUnit: { one: '{value} darmowy produkt', few: '{value} darmowe produkty', many: '{value} darmowych produktów', other: '{value} darmowego produktu' },
  discountGift: 'Karta podarunkowa {code} — saldo {value}, wykorzystano {amount}',
  giftAmountLabel: 'Kwota do wykorzystania z {code} ({value})',
  giftAmountInvalid: 'Wpisz kwotę do {amount}',
  rejections: {
    empty: 'Wpisz kod rabatowy',
    too_long: {
      one: 'Kod rabatowy ma najwyżej {maxLength} znak. Sprawdź kod i spróbuj ponownie',
      few: 'Kod rabatowy ma najwyżej {maxLength} znaki. Sprawdź kod i spróbuj ponownie',
      many: 'Kod rabatowy ma najwyżej {maxLength} znaków. Sprawdź kod i spróbuj ponownie',
      other: 'Kod rabatowy ma najwyżej {maxLength} znaku. Sprawdź kod i spróbuj ponownie',
    },
    already_applied: 'Kod {code} jest już zastosowany',
    duplicated_redeemables: 'Kod {code} jest już zastosowany',
    not_found: 'Nie znaleźliśmy kodu {code}. Sprawdź kod w e-mailu i spróbuj ponownie',
    voucher_expired: 'Kod {code} wygasł',
    voucher_not_active: 'Kod {code} nie jest jeszcze aktywny',
    voucher_not_active_now: 'Kodu {code} nie można teraz użyć',
    promotion_inactive: 'Kod {code} nie jest jeszcze aktywny',
    voucher_disabled: 'Kod {code} nie jest już dostępny',
    quantity_exceeded: 'Kod {code} wykorzystano już maksymalną liczbę razy',
    order_rules_violated: (p) => (p.amount ? `Dodaj jeszcze ${p.amount}, aby użyć kodu ${p.code}` : `Twoje zamówienie nie spełnia warunków kodu ${p.code}`),
    customer_rules_violated: 'Kod {code} nie jest dostępny dla Twojego konta',
    missing_customer: 'Zaloguj się, aby użyć kodu {code}',
    redemption_rules_violated: 'Kodu {code} nie można użyć w tym zamówieniu',
    gift_amount_exceeded: 'Na karcie {code} brakuje środków',
    skipped: 'Kodu {code} nie można łączyć z Twoimi innymi kodami',
    unknown: 'Kodu {code} nie można zastosować do tego zamówienia',
  },
  errors: {
    network: 'Nie udało się sprawdzić kodu. Sprawdź połączenie i spróbuj ponownie',
    offline: 'Jesteś offline. Połącz się ponownie i spróbuj jeszcze raz',
    timeout: 'Sprawdzanie kodu trwało zbyt długo. Spróbuj ponownie',
    rate_limited: {
      '=0': 'Zbyt wiele prób. Poczekaj chwilę i spróbuj ponownie',
      one: 'Zbyt wiele prób. Poczekaj {seconds} sekundę i spróbuj ponownie',
      few: 'Zbyt wiele prób. Poczekaj {seconds} sekundy i spróbuj ponownie',
      many: 'Zbyt wiele prób. Poczekaj {seconds} sekund i spróbuj ponownie',
      other: 'Zbyt wiele prób. Poczekaj {seconds} sekundy i spróbuj ponownie',
    },
    auth: 'Kodów rabatowych nie można teraz sprawdzić. Spróbuj później',
    invalid_response: 'Coś poszło nie tak podczas sprawdzania kodu. Spróbuj ponownie',
    api: 'Coś poszło nie tak podczas sprawdzania kodu. Spróbuj ponownie',
  },
  promotions: {
    listLabel: 'Promocje',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — naliczona automatycznie',
    suggest: 'Zastosuj: {name}',
    removed: '{name} — nie dotyczy już Twojego koszyka',
    nudge: 'Dodaj jeszcze {amount}, aby otrzymać: {name}',
    started: 'Promocja {name} jest teraz naliczona',
    stopped: 'Promocja {name} nie jest już naliczana',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Do zamówienia można użyć tylko {count} rabatu, więc kod {code} nie został zastosowany',
        few: 'Do zamówienia można użyć tylko {count} rabatów, więc kod {code} nie został zastosowany',
        many: 'Do zamówienia można użyć tylko {count} rabatów, więc kod {code} nie został zastosowany',
        other: 'Do zamówienia można użyć tylko {count} rabatu, więc kod {code} nie został zastosowany',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Do zamówienia można użyć tylko {count} rabatu z kategorii {category}, więc kod {code} nie został zastosowany',
        few: 'Do zamówienia można użyć tylko {count} rabatów z kategorii {category}, więc kod {code} nie został zastosowany',
        many: 'Do zamówienia można użyć tylko {count} rabatów z kategorii {category}, więc kod {code} nie został zastosowany',
        other: 'Do zamówienia można użyć tylko {count} rabatu z kategorii {category}, więc kod {code} nie został zastosowany',
      },
      applicable_exclusive_redeemables_limit_exceeded: 'Kodu {code} nie można łączyć z: {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: 'Kodu {code} nie można łączyć z: {other} (kategoria {category})',
      exclusion_rules_not_met: 'Kodu {code} nie można łączyć z: {other}',
      preceding_validation_failed: 'Kod {code} nie został zastosowany, bo {other} nie obowiązuje',
      no_effect: 'Kod {code} nie obniża ceny tego zamówienia',
      unknown: 'Kodu {code} nie można łączyć z innymi rabatami',
    },
  },
};
