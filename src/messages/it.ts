'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * Italian texts for every key of the English messages: `voucherkit/messages/it`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { itMessages } from 'voucherkit/messages/it';
 * <VoucherProvider messages={itMessages} locale="it-IT" currency="EUR" clientApplicationId={id} clientToken={token} />
 */
export const itMessages: VoucherMessages = {
  locale: 'it',
  toggle: 'Hai un codice sconto?',
  label: 'Codice sconto',
  hint: '',
  placeholder: '',
  apply: 'Applica',
  applying: 'Applicazione…',
  remove: 'Rimuovi',
  removeLabel: 'Rimuovi il codice {code}',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} applicato: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, risparmi ${p.amount}` : ''}`,
  removed: 'Codice rimosso',
  checking: 'Verifica del codice…',
  errorPrefix: 'Errore:',
  discountPercent: '{value} di sconto',
  discountAmount: '{value} di sconto',
  discountFixed: 'Prezzo fissato a {value}',
  discountUnit: { one: '{value} articolo in omaggio', other: '{value} articoli in omaggio' },
  discountGift: 'Carta regalo {code} — saldo {value}, {amount} applicati',
  giftAmountLabel: 'Importo da usare da {code} ({value})',
  giftAmountInvalid: 'Inserisci un importo fino a {amount}',
  rejections: {
    empty: 'Inserisci un codice sconto',
    too_long: {
      one: 'Un codice sconto ha al massimo {maxLength} carattere. Controlla il codice e riprova',
      other: 'Un codice sconto ha al massimo {maxLength} caratteri. Controlla il codice e riprova',
    },
    already_applied: '{code} è già applicato',
    duplicated_redeemables: '{code} è già applicato',
    not_found: 'Non troviamo {code}. Controlla il codice nella tua e-mail e riprova',
    voucher_expired: '{code} è scaduto',
    voucher_not_active: '{code} non è ancora attivo',
    voucher_not_active_now: '{code} non è utilizzabile in questo momento',
    promotion_inactive: '{code} non è ancora attivo',
    voucher_disabled: '{code} non è più disponibile',
    quantity_exceeded: '{code} ha raggiunto il numero massimo di utilizzi',
    order_rules_violated: (p) => (p.amount ? `Aggiungi altri ${p.amount} per usare ${p.code}` : `Il tuo ordine non soddisfa le condizioni di ${p.code}`),
    customer_rules_violated: '{code} non è disponibile per il tuo account',
    missing_customer: 'Accedi per usare {code}',
    redemption_rules_violated: '{code} non è utilizzabile con questo ordine',
    gift_amount_exceeded: '{code} non ha saldo sufficiente',
    skipped: '{code} non è cumulabile con gli altri codici',
    unknown: '{code} non è applicabile a questo ordine',
  },
  errors: {
    network: 'Non è stato possibile verificare il codice. Controlla la connessione e riprova',
    offline: 'Sei offline. Riconnettiti e riprova',
    timeout: 'La verifica del codice ha richiesto troppo tempo. Riprova',
    rate_limited: {
      '=0': 'Troppi tentativi. Attendi un momento e riprova',
      one: 'Troppi tentativi. Attendi {seconds} secondo e riprova',
      other: 'Troppi tentativi. Attendi {seconds} secondi e riprova',
    },
    auth: 'Al momento non è possibile verificare i codici sconto. Riprova più tardi',
    invalid_response: 'Si è verificato un errore durante la verifica del codice. Riprova',
    api: 'Si è verificato un errore durante la verifica del codice. Riprova',
  },
  promotions: {
    listLabel: 'Promozioni',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — applicata automaticamente',
    suggest: 'Applica {name}',
    removed: '{name} — non si applica più al tuo carrello',
    nudge: 'Aggiungi ancora {amount} per {name}',
    started: '{name} ora si applica',
    stopped: '{name} non si applica più',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Per ordine si può usare solo {count} sconto, quindi {code} non è stato applicato',
        other: 'Per ordine si possono usare solo {count} sconti, quindi {code} non è stato applicato',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Per ordine si può usare solo {count} sconto di {category}, quindi {code} non è stato applicato',
        other: 'Per ordine si possono usare solo {count} sconti di {category}, quindi {code} non è stato applicato',
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} non è cumulabile con {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} non è cumulabile con {other} di {category}',
      exclusion_rules_not_met: '{code} non è cumulabile con {other}',
      preceding_validation_failed: '{code} non è stato applicato perché {other} non si applica',
      no_effect: '{code} non riduce il totale di questo ordine',
      unknown: '{code} non è cumulabile con gli altri sconti',
    },
  },
};
