'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * Dutch texts for every key of the English messages: `voucherkit/messages/nl`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { nlMessages } from 'voucherkit/messages/nl';
 * <VoucherProvider messages={nlMessages} locale="nl-NL" currency="EUR" clientApplicationId={id} clientToken={token} />
 */
export const nlMessages: VoucherMessages = {
  locale: 'nl',
  toggle: 'Heb je een kortingscode?',
  label: 'Kortingscode',
  hint: '',
  placeholder: '',
  apply: 'Toepassen',
  applying: 'Toepassen…',
  remove: 'Verwijderen',
  removeLabel: 'Code {code} verwijderen',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} toegepast: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, je bespaart ${p.amount}` : ''}`,
  removed: 'Code verwijderd',
  checking: 'Code controleren…',
  errorPrefix: 'Fout:',
  discountPercent: '{value} korting',
  discountAmount: '{value} korting',
  discountFixed: 'Prijs wordt {value}',
  discountUnit: { one: '{value} gratis artikel', other: '{value} gratis artikelen' },
  discountGift: 'Cadeaukaart {code} — saldo {value}, {amount} gebruikt',
  giftAmountLabel: 'Te gebruiken bedrag van {code} ({value})',
  giftAmountInvalid: 'Voer een bedrag in tot {amount}',
  rejections: {
    empty: 'Vul een kortingscode in',
    too_long: {
      one: 'Een kortingscode heeft maximaal {maxLength} teken. Controleer de code en probeer het opnieuw',
      other: 'Een kortingscode heeft maximaal {maxLength} tekens. Controleer de code en probeer het opnieuw',
    },
    already_applied: '{code} is al toegepast',
    duplicated_redeemables: '{code} is al toegepast',
    not_found: 'We kunnen {code} niet vinden. Controleer de code in je e-mail en probeer het opnieuw',
    voucher_expired: '{code} is verlopen',
    voucher_not_active: '{code} is nog niet geldig',
    voucher_not_active_now: '{code} is op dit moment niet geldig',
    promotion_inactive: '{code} is nog niet geldig',
    voucher_disabled: '{code} is niet meer beschikbaar',
    quantity_exceeded: '{code} is al het maximale aantal keer gebruikt',
    order_rules_violated: (p) =>
      p.amount ? `Voeg nog ${p.amount} toe om ${p.code} te gebruiken` : `Je bestelling voldoet niet aan de voorwaarden van ${p.code}`,
    customer_rules_violated: '{code} is niet beschikbaar voor je account',
    missing_customer: 'Log in om {code} te gebruiken',
    redemption_rules_violated: '{code} geldt niet voor deze bestelling',
    gift_amount_exceeded: '{code} heeft niet genoeg saldo',
    skipped: '{code} kan niet worden gecombineerd met je andere codes',
    unknown: '{code} kan niet worden toegepast op deze bestelling',
  },
  errors: {
    network: 'We konden je code niet controleren. Controleer je verbinding en probeer het opnieuw',
    offline: 'Je bent offline. Maak opnieuw verbinding en probeer het opnieuw',
    timeout: 'Het controleren van je code duurde te lang. Probeer het opnieuw',
    rate_limited: {
      '=0': 'Te veel pogingen. Wacht even en probeer het opnieuw',
      one: 'Te veel pogingen. Wacht {seconds} seconde en probeer het opnieuw',
      other: 'Te veel pogingen. Wacht {seconds} seconden en probeer het opnieuw',
    },
    auth: 'Kortingscodes kunnen nu niet worden gecontroleerd. Probeer het later opnieuw',
    invalid_response: 'Er ging iets mis bij het controleren van je code. Probeer het opnieuw',
    api: 'Er ging iets mis bij het controleren van je code. Probeer het opnieuw',
  },
  promotions: {
    listLabel: 'Acties',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — automatisch toegepast',
    suggest: '{name} toepassen',
    removed: '{name} — geldt niet meer voor je winkelwagen',
    nudge: 'Nog {amount} voor {name}',
    started: '{name} geldt nu',
    stopped: '{name} geldt niet meer',
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: 'Per bestelling kan maar {count} korting worden gebruikt, dus {code} is niet toegepast',
        other: 'Per bestelling kunnen maar {count} kortingen worden gebruikt, dus {code} is niet toegepast',
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: 'Per bestelling kan maar {count} korting uit {category} worden gebruikt, dus {code} is niet toegepast',
        other: 'Per bestelling kunnen maar {count} kortingen uit {category} worden gebruikt, dus {code} is niet toegepast',
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} kan niet worden gecombineerd met {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} kan niet worden gecombineerd met {other} uit {category}',
      exclusion_rules_not_met: '{code} kan niet worden gecombineerd met {other}',
      preceding_validation_failed: '{code} is niet toegepast omdat {other} niet geldt',
      no_effect: '{code} geeft geen korting op deze bestelling',
      unknown: '{code} kan niet worden gecombineerd met je andere kortingen',
    },
  },
};
