'use client';
import type { VoucherMessages } from '../react/messages.js';

/**
 * French texts for every key of the English messages: `voucherkit/messages/fr`. The pack chooses the words
 * (and the plural forms); `locale` chooses how money and numbers are written.
 *
 * @example
 * import { frMessages } from 'voucherkit/messages/fr';
 * <VoucherProvider messages={frMessages} locale="fr-FR" currency="EUR" clientApplicationId={id} clientToken={token} />
 */
export const frMessages: VoucherMessages = {
  locale: 'fr',
  toggle: 'Vous avez un code promo ?',
  label: 'Code promo',
  hint: '',
  placeholder: '',
  apply: 'Appliquer',
  applying: 'Application…',
  remove: 'Retirer',
  removeLabel: 'Retirer le code {code}',
  chip: (p) => (p.amount && !p.discount.includes(p.amount) ? `${p.discount} · −${p.amount}` : p.discount),
  applied: (p) => `${p.code} appliqué\u00a0: ${p.discount}${p.amount && !p.discount.includes(p.amount) ? `, vous économisez ${p.amount}` : ''}`,
  removed: 'Code retiré',
  checking: 'Vérification du code…',
  errorPrefix: 'Erreur :',
  discountPercent: '{value} de réduction',
  discountAmount: '{value} de réduction',
  discountFixed: 'Prix fixé à {value}',
  discountUnit: { one: '{value} article offert', other: '{value} articles offerts' },
  discountGift: 'Carte cadeau {code} — solde {value}, {amount} utilisés',
  giftAmountLabel: 'Montant à utiliser de {code} ({value})',
  giftAmountInvalid: 'Saisissez un montant jusqu’à {amount}',
  rejections: {
    empty: 'Saisissez un code promo',
    too_long: {
      one: 'Un code promo comporte au plus {maxLength} caractère. Vérifiez le code et réessayez',
      other: 'Un code promo comporte au plus {maxLength} caractères. Vérifiez le code et réessayez',
    },
    already_applied: '{code} est déjà appliqué',
    duplicated_redeemables: '{code} est déjà appliqué',
    not_found: 'Nous ne trouvons pas {code}. Vérifiez le code dans votre e-mail et réessayez',
    voucher_expired: '{code} a expiré',
    voucher_not_active: "{code} n'est pas encore actif",
    voucher_not_active_now: "{code} n'est pas utilisable en ce moment",
    promotion_inactive: "{code} n'est pas encore actif",
    voucher_disabled: "{code} n'est plus disponible",
    quantity_exceeded: "{code} a atteint son nombre maximal d'utilisations",
    order_rules_violated: (p) => (p.amount ? `Ajoutez ${p.amount} pour utiliser ${p.code}` : `Votre commande ne remplit pas les conditions de ${p.code}`),
    customer_rules_violated: "{code} n'est pas disponible pour votre compte",
    missing_customer: 'Connectez-vous pour utiliser {code}',
    redemption_rules_violated: '{code} ne peut pas être utilisé pour cette commande',
    gift_amount_exceeded: 'Le solde de {code} est insuffisant',
    skipped: '{code} ne peut pas être combiné avec vos autres codes',
    unknown: '{code} ne peut pas être appliqué à cette commande',
  },
  errors: {
    network: "Nous n'avons pas pu vérifier votre code. Vérifiez votre connexion et réessayez",
    offline: 'Vous êtes hors ligne. Reconnectez-vous et réessayez',
    timeout: 'La vérification de votre code a pris trop de temps. Réessayez',
    rate_limited: {
      '=0': 'Trop de tentatives. Patientez un instant et réessayez',
      one: 'Trop de tentatives. Patientez {seconds} seconde et réessayez',
      many: 'Trop de tentatives. Patientez {seconds} de secondes et réessayez',
      other: 'Trop de tentatives. Patientez {seconds} secondes et réessayez',
    },
    auth: 'Les codes promo ne peuvent pas être vérifiés pour le moment. Réessayez plus tard',
    invalid_response: "Une erreur s'est produite lors de la vérification de votre code. Réessayez",
    api: "Une erreur s'est produite lors de la vérification de votre code. Réessayez",
  },
  promotions: {
    listLabel: 'Promotions',
    applied: '{name} — −{amount}',
    appliedAutomatically: '{name} — appliquée automatiquement',
    suggest: 'Appliquer {name}',
    removed: "{name} — ne s'applique plus à votre panier",
    nudge: 'Ajoutez {amount} pour profiter de {name}',
    started: "{name} s'applique désormais",
    stopped: "{name} ne s'applique plus",
    reasons: {
      applicable_redeemables_limit_exceeded: {
        one: "Une commande accepte {count} réduction au plus, {code} n'a donc pas été appliqué",
        other: "Une commande accepte {count} réductions au plus, {code} n'a donc pas été appliqué",
      },
      applicable_redeemables_per_category_limit_exceeded: {
        one: "Une commande accepte {count} réduction de {category} au plus, {code} n'a donc pas été appliqué",
        other: "Une commande accepte {count} réductions de {category} au plus, {code} n'a donc pas été appliqué",
      },
      applicable_exclusive_redeemables_limit_exceeded: '{code} ne peut pas être combiné avec {other}',
      applicable_exclusive_redeemables_per_category_limit_exceeded: '{code} ne peut pas être combiné avec {other} de {category}',
      exclusion_rules_not_met: '{code} ne peut pas être combiné avec {other}',
      preceding_validation_failed: "{code} n'a pas été appliqué car {other} ne s'applique pas",
      no_effect: '{code} ne réduit pas le montant de cette commande',
      unknown: '{code} ne peut pas être combiné avec vos autres réductions',
    },
  },
};
